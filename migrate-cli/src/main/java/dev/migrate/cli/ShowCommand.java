package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrate show}: one revision in detail. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Show the revision(s) denoted by the given symbol: an id, a unique prefix, a branch label, "
				+ "head, heads, label@head, or current (reads the database).")
final class ShowCommand extends AbstractCommand {

	@Parameters(paramLabel = "REV", description = "Revision to show.")
	String revision;

	@Override
	void run(CliContext context) {
		boolean current = "current".equals(this.revision);
		Current known = (!current && context.json()) ? readCurrent(context) : null;
		Migrator migrator = current ? context.onlineMigrator()
				: (known != null) ? known.migrator() : context.offlineMigrator(false);
		List<String> rows = current ? migrator.current() : (known != null) ? known.rows() : List.of();
		RevisionFormatter formatter = formatter(migrator, List.of());
		List<RevisionInfo> shown = new ArrayList<>();
		if (current) {
			if (rows.isEmpty()) {
				throw new MigrateException("No current revisions");
			}
			rows.forEach((id) -> shown.add(migrator.show(id)));
		}
		else if ("heads".equals(this.revision)) {
			shown.addAll(formatter.realHeads());
		}
		else {
			shown.add(migrator.show(this.revision));
		}
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("revisions", shown.stream()
				.map((r) -> json(formatter, (formatter.get(r.id()) != null) ? formatter.get(r.id()) : r,
						(rows != null) ? (Boolean) rows.contains(r.id()) : null))
				.toList());
			printJson(context, json);
			return;
		}
		for (RevisionInfo info : shown) {
			RevisionInfo full = (formatter.get(info.id()) != null) ? formatter.get(info.id()) : info;
			context.println(formatter.logEntry(full));
		}
	}

}
