package dev.migrate.cli;

import java.io.StringWriter;
import java.time.Duration;

import dev.migrate.MigrateException;
import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrate upgrade}: move the database forward. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = { "Upgrade the database to a later revision.",
				"TARGET: head, heads, an id or unique prefix, +N, label@head, label@+N, rev+N, ...",
				"With --sql nothing connects: the SQL is printed, TARGET may be FROM:TO." })
final class UpgradeCommand extends AbstractCommand {

	@Parameters(paramLabel = "TARGET", description = "Revision to upgrade to (or FROM:TO with --sql).")
	String target;

	@Option(names = "--sql", description = "Don't emit SQL to the database - dump to standard output instead.")
	boolean sql;

	@Override
	void run(CliContext context) {
		if (this.sql) {
			Migrator migrator = context.offlineMigrator(true);
			StringWriter out = new StringWriter();
			migrator.upgradeSql(this.target, out);
			context.out().print(out);
			context.out().flush();
			return;
		}
		if (this.target.contains(":")) {
			throw new MigrateException("Range revision not allowed");
		}
		Migrator migrator = context.onlineMigrator(new ProgressListener(context));
		long start = System.nanoTime();
		MigrationResult result = migrator.upgrade(this.target);
		summary(context, "Upgraded", result, start);
	}

	static void summary(CliContext context, String verb, MigrationResult result, long startNanos) {
		String after = result.headsAfter().isEmpty() ? "<base>" : String.join(", ", result.headsAfter());
		if (result.nothingToDo()) {
			context.println("Nothing to do: the database is at " + after + ".");
			return;
		}
		int n = result.steps().size();
		context.println(verb + " to " + after + ": " + n + " revision" + ((n == 1) ? "" : "s") + " in "
				+ ProgressListener.millis(Duration.ofNanos(System.nanoTime() - startNanos)) + ".");
	}

}
