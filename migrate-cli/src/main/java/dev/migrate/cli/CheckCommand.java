package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.Migrator;
import dev.migrate.command.Status;
import picocli.CommandLine.Command;

/** {@code migrate check}: is the database at head, and does it match the models? */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Check that the database is on all head revisions and, when models are configured "
				+ "(models, classpath), that it matches them (as 'revision --autogenerate' would find nothing).",
				"Exit code 1 when it is not: use it in CI instead of a verification script." })
final class CheckCommand extends AbstractCommand {

	@Override
	void run(CliContext context) {
		Migrator migrator = context.onlineMigrator();
		Status status = migrator.status();
		// nothing pending and no unknown rows (a head that is only a dependency has no row of its own)
		boolean atHead = status.upToDate();
		boolean compareModels = !context.settings().list("models").isEmpty();
		SchemaDiff diff = (atHead && compareModels) ? RevisionCommand.compare(context) : null;
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("upToDate", atHead && (diff == null || diff.isEmpty()));
			json.put("current", status.current());
			json.put("heads", status.heads());
			json.put("pending", status.pending());
			json.put("unknown", status.unknown());
			json.put("modelsCompared", diff != null);
			json.put("differences", (diff != null) ? diff.report() : List.of());
			json.put("inDatabaseOnly", (diff != null) ? diff.extras() : List.of());
			printJson(context, json);
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
			context.println(compareModels ? "No new upgrade operations detected."
					: "No models configured (models): the schema was not compared with models.");
		}
	}

	private static String text(List<String> revisions) {
		return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
	}

}
