package dev.migrate.cli;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import dev.migrate.MigrateException;
import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;
import dev.migrate.command.TenantMigrator;
import dev.migrate.command.TenantReport;
import picocli.CommandLine.Option;

/**
 * What {@code upgrade} and {@code downgrade} share: with {@code --sql} the SQL is printed and
 * nothing connects; otherwise the database moves under the lock and one summary line is printed
 * (with {@code --json}: the result object of {@link MoveResultJson}).
 */
abstract class MoveCommand extends AbstractCommand {

	@Option(names = "--sql", description = "Don't emit SQL to the database - dump to standard output instead.")
	boolean sql;

	final TenantOptions tenants = new TenantOptions();

	/** The TARGET argument. */
	abstract String target();

	/** Checks an offline target before anything is loaded. */
	void checkSqlTarget(String target) {
	}

	/** Writes the SQL of moving to {@code target}. */
	abstract void writeSql(Migrator migrator, String target, Appendable out);

	/** Moves the database to {@code target}. */
	abstract MigrationResult move(Migrator migrator, String target);

	/** Moves every tenant to {@code target}. */
	abstract TenantReport moveTenants(TenantMigrator tenants, String target);

	/** The verb of the summary line ("Upgraded"). */
	abstract String verb();

	@Override
	final void run(CliContext context) {
		String target = target();
		if (this.tenants.active(context)) {
			TenantOptions.rejectSql(this.sql);
			if (target.contains(":")) {
				throw new MigrateException("Range revision not allowed");
			}
			String verb = verb().toLowerCase(java.util.Locale.ROOT);
			this.tenants.run(context, verb.substring(0, verb.length() - 1), (t) -> moveTenants(t, target),
					(r) -> TenantOptions.moveLine(r, verb), dev.migrate.command.TenantResult::failed);
			return;
		}
		if (this.sql) {
			checkSqlTarget(target);
			Migrator migrator = CliContext.startsAtCurrent(target) ? context.offlineMigratorReadingCurrent()
					: context.offlineMigrator(true);
			StringWriter out = new StringWriter();
			writeSql(migrator, target, out);
			context.out().print(out);
			context.out().flush();
			return;
		}
		if (target.contains(":")) {
			throw new MigrateException("Range revision not allowed");
		}
		if (context.json()) {
			MoveResultJson json = new MoveResultJson(name(), List.of(target));
			Migrator migrator = context.onlineMigrator(json);
			runForJson(context, migrator, json, () -> move(migrator, target));
			return;
		}
		Migrator migrator = context.onlineMigrator(new ProgressListener(context));
		long start = System.nanoTime();
		MigrationResult result = move(migrator, target);
		summary(context, verb(), result, start);
	}

	/** The command's name ("upgrade"). */
	abstract String name();

	/**
	 * Runs {@code move} and prints its {@code --json} result instead of progress lines and the
	 * summary; a failure prints the result too (what ran, where the database is now), then fails
	 * as usual (one line on stderr, the exit code of the error).
	 */
	static void runForJson(CliContext context, Migrator migrator, MoveResultJson json, Supplier<MigrationResult> move) {
		List<String> before = migrator.current();
		MigrationResult result;
		try {
			result = move.get();
		}
		catch (RuntimeException ex) {
			printJson(context, json.failure(before, migrator::current, context.redact(CliContext.oneLine(ex.getMessage()))));
			throw ex;
		}
		printJson(context, json.success(result));
	}

	/** Prints "{@code verb} to heads: N revisions in T." or that there was nothing to do. */
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
