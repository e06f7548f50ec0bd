package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.Migrator;
import dev.migrate.command.Status;
import dev.migrate.runtime.ChecksumReport;
import picocli.CommandLine.Command;

/** {@code migrate check}: is the database at head, and does it match the models? */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Check that the database is on all head revisions, that no applied revision was edited since"
				+ " it was applied (checksums; 'migrate repair' accepts an edit) and, when models are configured "
				+ "(models, classpath), that it matches them (as 'revision --autogenerate' would find nothing).",
				"Exit code 1 when it is not: use it in CI instead of a verification script." })
final class CheckCommand extends AbstractCommand {

	final TenantOptions tenants = new TenantOptions();

	@Override
	void run(CliContext context) {
		if (this.tenants.active(context)) {
			// per tenant: at head, nothing unknown (models are not compared per tenant)
			this.tenants.run(context, "check", (t) -> t.status(),
					(r) -> r.failed() ? TenantOptions.statusLine(r)
							: r.upToDate() ? "up to date at " + TenantOptions.revisions(r.status().current())
									: "not up to date: " + TenantOptions.statusLine(r),
					(r) -> r.failed() || !r.upToDate());
			return;
		}
		Migrator migrator = context.onlineMigrator();
		Status status = migrator.status();
		// nothing pending and no unknown rows (a head that is only a dependency has no row of its own)
		boolean atHead = status.upToDate();
		ChecksumReport checksums = status.current().isEmpty() ? ChecksumReport.EMPTY : migrator.checksums();
		boolean compareModels = !context.settings().list("models").isEmpty();
		SchemaDiff diff = (atHead && compareModels) ? RevisionCommand.compare(context) : null;
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("upToDate", atHead && (diff == null || diff.isEmpty()));
			json.put("current", status.current());
			json.put("heads", status.heads());
			json.put("pending", status.pending());
			json.put("unknown", status.unknown());
			json.put("changedRevisions", checksums.changed().stream().map(CheckCommand::json).toList());
			json.put("unrecordedChecksums", List.copyOf(checksums.unrecorded().keySet()));
			json.put("modelsCompared", diff != null);
			json.put("differences", (diff != null) ? diff.report() : List.of());
			json.put("inDatabaseOnly", (diff != null) ? diff.extras() : List.of());
			printJson(context, json);
		}
		if (!checksums.changed().isEmpty()) {
			if (!context.json()) {
				checksums.changed().forEach((c) -> context.println("Changed after it was applied: " + c.describe()
						+ " (checksum recorded " + c.recorded() + ", now " + c.current() + ")"));
			}
			throw new CheckFailedException(changedMessage(checksums.changed())
					+ (atHead ? "" : "; also not up to date (current: " + text(status.current()) + "; heads: "
							+ text(status.heads()) + ")"));
		}
		if (!atHead) {
			throw new CheckFailedException("Target database is not up to date. (current: " + text(status.current())
					+ "; heads: " + text(status.heads()) + ")");
		}
		if (diff != null && !context.json()) {
			diff.extras().forEach((line) -> context.println("Note: " + line + " (drift-extras: report)"));
		}
		if (diff != null && !diff.isEmpty()) {
			if (!context.json()) {
				diff.report().forEach((line) -> context.println("Detected " + line));
			}
			throw new CheckFailedException("New upgrade operations detected: [" + String.join("; ", diff.report()) + "]");
		}
		if (!context.json()) {
			context.println("Database is up to date at " + text(status.current()) + ".");
			if (!checksums.unrecorded().isEmpty()) {
				context.println("No checksum recorded yet for " + checksums.unrecorded().size()
						+ " applied revision(s) (applied before checksums were recorded, or stamped): the next upgrade"
						+ " or 'migrate repair' records them.");
			}
			context.println(compareModels ? "No new upgrade operations detected."
					: "No models configured (models): the schema was not compared with models.");
		}
	}

	/** One line naming every changed revision and how to accept the change. */
	static String changedMessage(List<ChecksumReport.Changed> changed) {
		return "Applied revision" + ((changed.size() == 1) ? " " : "s ")
				+ String.join(", ", changed.stream().map(ChecksumReport.Changed::describe).toList())
				+ ((changed.size() == 1) ? " was" : " were")
				+ " changed after being applied: restore the file (put the change in a new revision), or accept it with"
				+ " 'migrate repair'";
	}

	private static Map<String, Object> json(ChecksumReport.Changed changed) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("revision", changed.revision());
		map.put("source", changed.source());
		map.put("recorded", changed.recorded());
		map.put("current", changed.current());
		return map;
	}

	private static String text(List<String> revisions) {
		return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
	}

}
