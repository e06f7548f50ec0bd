package dev.migrate.cli;

import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;
import dev.migrate.command.TenantMigrator;
import dev.migrate.command.TenantReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrate upgrade}: move the database forward. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = { "Upgrade the database to a later revision.",
				"TARGET: head, heads, an id or unique prefix, +N, label@head, label@+N, rev+N, ...",
				"With --sql nothing changes: the SQL is printed, TARGET may be FROM:TO; FROM current is read from the database (url)." })
final class UpgradeCommand extends MoveCommand {

	@Parameters(paramLabel = "TARGET", description = "Revision to upgrade to (or FROM:TO with --sql, e.g. current:head).")
	String target;

	@Override
	String target() {
		return this.target;
	}

	@Override
	void writeSql(Migrator migrator, String target, Appendable out) {
		migrator.upgradeSql(target, out);
	}

	@Override
	MigrationResult move(Migrator migrator, String target) {
		return migrator.upgrade(target);
	}

	@Override
	String name() {
		return "upgrade";
	}

	@Override
	TenantReport moveTenants(TenantMigrator tenants, String target) {
		return tenants.upgrade(target);
	}

	@Override
	String verb() {
		return "Upgraded";
	}

}
