package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate heads}: the head revisions of the revision files. */
@Command(name = "heads", mixinStandardHelpOptions = true,
		description = "Show the current available heads in the revision files (no database needed).")
final class HeadsCommand extends AbstractCommand {

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Option(names = "--resolve-dependencies",
			description = "Treat dependencies as down revisions: list only heads nothing depends on.")
	boolean resolveDependencies;

	@Override
	void run(CliContext context) {
		Current current = context.json() ? readCurrent(context) : null;
		Migrator migrator = context.json() ? current.migrator() : context.offlineMigrator(false);
		RevisionFormatter formatter = formatter(migrator, List.of());
		List<RevisionInfo> heads = this.resolveDependencies ? formatter.realHeads()
				: migrator.heads().stream().map((h) -> (formatter.get(h.id()) != null) ? formatter.get(h.id()) : h).toList();
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("heads", heads.stream().map((h) -> json(formatter, h, current.is(h.id()))).toList());
			printJson(context, json);
			return;
		}
		for (RevisionInfo head : heads) {
			context.println(formatter.cmdFormat(head, this.verbose, true, false, false, false));
		}
	}

}
