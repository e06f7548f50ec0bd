package dev.migrate.cli;

import java.io.StringWriter;

import dev.migrate.MigrateException;
import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrate downgrade}: move the database back. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = { "Revert the database to a previous revision.",
				"TARGET: base, an id or unique prefix, -N, label@base, label@-N, label@<rev>, head-1, ...",
				"With --sql nothing connects: the SQL is printed, TARGET must be FROM:TO." })
final class DowngradeCommand extends AbstractCommand {

	@Parameters(paramLabel = "TARGET", description = "Revision to downgrade to (FROM:TO with --sql).")
	String target;

	@Option(names = "--sql", description = "Don't emit SQL to the database - dump to standard output instead.")
	boolean sql;

	@Override
	void run(CliContext context) {
		if (this.sql) {
			if (!this.target.contains(":")) {
				throw new MigrateException("downgrade with --sql requires <fromrev>:<torev>");
			}
			Migrator migrator = context.offlineMigrator(true);
			StringWriter out = new StringWriter();
			migrator.downgradeSql(this.target, out);
			context.out().print(out);
			context.out().flush();
			return;
		}
		if (this.target.contains(":")) {
			throw new MigrateException("Range revision not allowed");
		}
		Migrator migrator = context.onlineMigrator(new ProgressListener(context));
		long start = System.nanoTime();
		MigrationResult result = migrator.downgrade(this.target);
		UpgradeCommand.summary(context, "Downgraded", result, start);
	}

}
