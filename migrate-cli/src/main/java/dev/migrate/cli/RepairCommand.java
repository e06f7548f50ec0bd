package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.command.Migrator;
import dev.migrate.runtime.ChecksumReport;
import dev.migrate.runtime.MigrationRunner;
import picocli.CommandLine.Command;

/** {@code migrate repair}: accept the current checksums of the applied revisions (Flyway's repair). */
@Command(name = "repair", mixinStandardHelpOptions = true,
		description = { "Accept the current checksums of the applied revisions: after an applied revision was edited"
				+ " deliberately (a comment, a fix that leaves the same schema), record its new checksum so that check,"
				+ " upgrade and the starter stop reporting it. Also records missing checksums and forgets those of"
				+ " revisions no longer applied.",
				"Runs no revision and leaves the version table alone; prints what it changed." })
final class RepairCommand extends AbstractCommand {

	@Override
	void run(CliContext context) {
		Migrator migrator = context.onlineMigrator();
		MigrationRunner.Repair repair = migrator.repair();
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("accepted", repair.accepted().stream().map(RepairCommand::json).toList());
			json.put("recorded", repair.recorded());
			json.put("removed", repair.removed());
			printJson(context, json);
			return;
		}
		if (repair.nothingChanged()) {
			context.println("Nothing to repair: every applied revision matches its recorded checksum.");
			return;
		}
		for (ChecksumReport.Changed c : repair.accepted()) {
			context.println("Accepted the edit of " + c.describe() + ": checksum " + c.recorded() + " -> " + c.current());
		}
		if (!repair.recorded().isEmpty()) {
			context.println("Recorded the checksum of " + count(repair.recorded()) + " that had none: "
					+ String.join(", ", repair.recorded()));
		}
		if (!repair.removed().isEmpty()) {
			context.println("Forgot the checksum of " + count(repair.removed()) + " no longer applied: "
					+ String.join(", ", repair.removed()));
		}
	}

	private static String count(List<String> ids) {
		return ids.size() + ((ids.size() == 1) ? " revision" : " revisions");
	}

	private static Map<String, Object> json(ChecksumReport.Changed changed) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("revision", changed.revision());
		map.put("source", changed.source());
		map.put("from", changed.recorded());
		map.put("to", changed.current());
		return map;
	}

}
