package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate branches}: branch points and where they lead. */
@Command(name = "branches", mixinStandardHelpOptions = true,
		description = "Show the branch points of the revision graph and the revisions they branch into.")
final class BranchesCommand extends AbstractCommand {

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Override
	void run(CliContext context) {
		Current current = context.json() ? readCurrent(context) : null;
		Migrator migrator = context.json() ? current.migrator() : context.offlineMigrator(false);
		RevisionFormatter formatter = formatter(migrator, List.of());
		List<RevisionInfo> points = formatter.all()
			.stream()
			.filter((r) -> r.branchPoint() || formatter.children(r.id()).size() > 1)
			.toList();
		List<RevisionInfo> ordered = new ArrayList<>();
		for (RevisionInfo info : migrator.history(null)) {
			if (points.stream().anyMatch((p) -> p.id().equals(info.id()))) {
				ordered.add(formatter.get(info.id()));
			}
		}
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("branchPoints", ordered.stream().map((p) -> {
				Map<String, Object> m = json(formatter, p, current.is(p.id()));
				m.put("branchesInto", formatter.children(p.id()));
				return m;
			}).toList());
			printJson(context, json);
			return;
		}
		for (RevisionInfo point : ordered) {
			StringBuilder sb = new StringBuilder(formatter.cmdFormat(point, this.verbose, true, false, false, true));
			sb.append("\n");
			List<String> lines = new ArrayList<>();
			for (String child : formatter.children(point.id())) {
				lines.add(" ".repeat(point.id().length()) + " -> "
						+ formatter.cmdFormat(formatter.get(child), false, true, this.verbose, false, true));
			}
			sb.append(String.join("\n", lines)).append("\n");
			context.println(sb.toString());
		}
	}

}
