package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.operations.MigrateOperation;

/**
 * The differences between the models and the database: the operations that bring the database
 * to the models (upgrade), their reverse (downgrade), and one human-readable line per difference.
 */
public record SchemaDiff(List<MigrateOperation> upgradeOps, List<MigrateOperation> downgradeOps, List<String> report) {

	public SchemaDiff {
		upgradeOps = List.copyOf(upgradeOps);
		downgradeOps = List.copyOf(downgradeOps);
		report = List.copyOf(report);
	}

	public boolean isEmpty() {
		return this.report.isEmpty();
	}

}
