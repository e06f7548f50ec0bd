package dev.migrate.cli;

import java.io.StringWriter;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrate stamp}: set the version table without running migrations. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = { "'stamp' the version table with the given revision(s); don't run any migrations.",
				"Use it after fixing a database by hand, or to adopt a database created some other way." })
final class StampCommand extends AbstractCommand {

	@Parameters(paramLabel = "REV", arity = "1..*",
			description = "Revision(s): head, heads, base, ids, label@head; with --sql also FROM:TO.")
	List<String> revisions;

	@Option(names = "--purge", description = "Unconditionally erase the version table before stamping.")
	boolean purge;

	@Option(names = "--sql", description = "Don't emit SQL to the database - dump to standard output instead.")
	boolean sql;

	final TenantOptions tenants = new TenantOptions();

	@Override
	void run(CliContext context) {
		if (this.tenants.active(context)) {
			TenantOptions.rejectSql(this.sql);
			for (String rev : this.revisions) {
				if (rev.contains(":")) {
					throw new MigrateException("Range revision not allowed");
				}
			}
			this.tenants.run(context, "stamp", (t) -> t.stamp(this.revisions, this.purge),
					(r) -> TenantOptions.moveLine(r, "stamped"), dev.migrate.command.TenantResult::failed);
			return;
		}
		if (this.sql) {
			if (this.purge) {
				throw new MigrateException("Can't use --purge with --sql mode");
			}
			String start = null;
			for (String rev : this.revisions) {
				if (rev.contains(":")) {
					String from = rev.substring(0, rev.indexOf(':'));
					if (start != null && !start.equals(from)) {
						throw new MigrateException(
								"Stamp operation with --sql only supports a single starting revision at a time");
					}
					start = from;
				}
			}
			Migrator migrator = this.revisions.stream().anyMatch(CliContext::startsAtCurrent)
					? context.offlineMigratorReadingCurrent() : context.offlineMigrator(true);
			StringWriter out = new StringWriter();
			migrator.stampSql(this.revisions, false, out);
			context.out().print(out);
			context.out().flush();
			return;
		}
		for (String rev : this.revisions) {
			if (rev.contains(":")) {
				throw new MigrateException("Range revision not allowed");
			}
		}
		if (context.json()) {
			MoveResultJson json = new MoveResultJson("stamp", this.revisions);
			Migrator migrator = context.onlineMigrator(json);
			MoveCommand.runForJson(context, migrator, json, () -> migrator.stamp(this.revisions, this.purge));
			return;
		}
		Migrator migrator = context.onlineMigrator(new ProgressListener(context));
		long start = System.nanoTime();
		MigrationResult result = migrator.stamp(this.revisions, this.purge);
		MoveCommand.summary(context, "Stamped", result, start);
	}

}
