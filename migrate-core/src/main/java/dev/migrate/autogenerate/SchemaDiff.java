package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.operations.MigrateOperation;

/**
 * The differences between the models and the database: the operations that bring the database
 * to the models (upgrade), their reverse (downgrade), one human-readable line per difference, and
 * the differences themselves.
 *
 * @param upgradeOps operations that bring the database to the models
 * @param downgradeOps operations that undo them, in order
 * @param report one line per difference, e.g. {@code added column users.phone VARCHAR(20)}; what
 * only the database has is in {@link #extras()} instead (with {@code drift-extras: report})
 * @param differences the differences, in the order the upgrade applies them
 * @param dialect name of the compared database's dialect, or null
 * @param server the database server compared with, or null (SQL is rendered for it, {@link Autogenerate#renderSql})
 */
public record SchemaDiff(List<MigrateOperation> upgradeOps, List<MigrateOperation> downgradeOps, List<String> report,
		List<Difference> differences, String dialect, dev.migrate.dialect.DatabaseServer server) {

	public SchemaDiff {
		upgradeOps = List.copyOf(upgradeOps);
		downgradeOps = List.copyOf(downgradeOps);
		report = List.copyOf(report);
		differences = List.copyOf(differences);
	}

	/** A diff of snapshots, its server not known. */
	public SchemaDiff(List<MigrateOperation> upgradeOps, List<MigrateOperation> downgradeOps, List<String> report,
			List<Difference> differences, String dialect) {
		this(upgradeOps, downgradeOps, report, differences, dialect, null);
	}

	/** A diff known only by its operations and report. */
	public SchemaDiff(List<MigrateOperation> upgradeOps, List<MigrateOperation> downgradeOps, List<String> report) {
		this(upgradeOps, downgradeOps, report, List.of(), null);
	}

	/** Whether models and database agree, but for what only the database has ({@link #extras()}). */
	public boolean isEmpty() {
		return this.report.isEmpty();
	}

	/**
	 * One line per table, key, index or constraint only the database has, e.g.
	 * {@code index ix_orders_placed_at on orders (placed_at) in the database only}, when
	 * {@code drift-extras} is {@code report} (not applied; rendered commented out).
	 */
	public List<String> extras() {
		List<String> lines = new java.util.ArrayList<>();
		for (Difference d : this.differences) {
			if (d instanceof Difference.InDatabaseOnly) {
				lines.addAll(d.report());
			}
		}
		return lines;
	}

	/** What the comparison cannot detect, to print under a report (renames appear as a drop and an add, ...). */
	public List<String> notDetected() {
		return Autogenerate.NOT_DETECTED;
	}

	/** The report as text, one difference per line (empty when models and database agree). */
	public String reportText() {
		return String.join("\n", this.report);
	}

}
