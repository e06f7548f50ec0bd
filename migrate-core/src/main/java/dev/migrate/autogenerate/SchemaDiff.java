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
 * @param report one line per difference, e.g. {@code added column users.phone VARCHAR(20)}
 * @param differences the differences, in the order the upgrade applies them
 * @param dialect name of the compared database's dialect, or null
 */
public record SchemaDiff(List<MigrateOperation> upgradeOps, List<MigrateOperation> downgradeOps, List<String> report,
		List<Difference> differences, String dialect) {

	public SchemaDiff {
		upgradeOps = List.copyOf(upgradeOps);
		downgradeOps = List.copyOf(downgradeOps);
		report = List.copyOf(report);
		differences = List.copyOf(differences);
	}

	/** A diff known only by its operations and report. */
	public SchemaDiff(List<MigrateOperation> upgradeOps, List<MigrateOperation> downgradeOps, List<String> report) {
		this(upgradeOps, downgradeOps, report, List.of(), null);
	}

	public boolean isEmpty() {
		return this.report.isEmpty();
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
