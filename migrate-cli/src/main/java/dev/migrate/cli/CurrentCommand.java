package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate current}: the revisions the database is at. */
@Command(name = "current", mixinStandardHelpOptions = true,
		description = { "Display the current revision(s) of the database (the rows of the version table).",
				"Prints nothing when the database is at base. Does not create the version table." })
final class CurrentCommand extends AbstractCommand {

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Option(names = "--check-heads", description = "Fail (exit 1) unless the database is on all head revisions.")
	boolean checkHeads;

	final TenantOptions tenants = new TenantOptions();

	@Override
	void run(CliContext context) {
		if (this.tenants.active(context)) {
			// a tenant fails the run when it cannot be read, or with --check-heads when it is not at head
			this.tenants.run(context, "current", (t) -> t.status(), TenantOptions::statusLine,
					(r) -> r.failed() || (this.checkHeads && !r.upToDate()));
			return;
		}
		Migrator migrator = context.onlineMigrator();
		List<String> current = migrator.current();
		RevisionFormatter formatter = formatter(migrator, List.of());
		List<RevisionInfo> infos = new ArrayList<>();
		for (String id : current) {
			RevisionInfo info = formatter.get(id);
			infos.add((info != null) ? info : migrator.show(id));
		}
		if (this.checkHeads && !migrator.status().upToDate()) {
			throw new CheckFailedException("Database is not on all head revisions");
		}
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("current", current);
			json.put("revisions", infos.stream().map((i) -> json(formatter, i, true)).toList());
			printJson(context, json);
			return;
		}
		if (this.verbose) {
			String url = context.settings().get("url");
			context.println("Current revision(s) for " + CliContext.redactUrls(url) + ":");
		}
		for (RevisionInfo info : infos) {
			String line = formatter.cmdFormat(info, this.verbose, false, false, false, true);
			context.println(this.verbose ? line.stripTrailing() + "\n" : line);
		}
	}

}
