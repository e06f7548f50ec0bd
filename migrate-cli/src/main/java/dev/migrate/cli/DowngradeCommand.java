package dev.migrate.cli;

import dev.migrate.MigrateException;
import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;
import dev.migrate.command.TenantMigrator;
import dev.migrate.command.TenantReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrate downgrade}: move the database back. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = { "Revert the database to a previous revision.",
				"TARGET: base, an id or unique prefix, -N, label@base, label@-N, label@<rev>, head-1, ...",
				"With --sql nothing changes: the SQL is printed, TARGET must be FROM:TO; FROM current is read from the database (url)." })
final class DowngradeCommand extends MoveCommand {

	@Parameters(paramLabel = "TARGET", description = "Revision to downgrade to (FROM:TO with --sql).")
	String target;

	@Override
	String target() {
		return this.target;
	}

	@Override
	void checkSqlTarget(String target) {
		if (!target.contains(":")) {
			throw new MigrateException("downgrade with --sql requires <fromrev>:<torev>");
		}
	}

	@Override
	void writeSql(Migrator migrator, String target, Appendable out) {
		migrator.downgradeSql(target, out);
	}

	@Override
	MigrationResult move(Migrator migrator, String target) {
		return migrator.downgrade(target);
	}

	@Override
	String name() {
		return "downgrade";
	}

	@Override
	TenantReport moveTenants(TenantMigrator tenants, String target) {
		return tenants.downgrade(target);
	}

	@Override
	String verb() {
		return "Downgraded";
	}

}
