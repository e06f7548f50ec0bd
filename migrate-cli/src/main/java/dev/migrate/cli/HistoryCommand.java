package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrate.MigrateException;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.graph.render.LaneRenderer;
import dev.migrate.graph.render.RevisionPicture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate history}: revisions newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = { "List revisions in chronological order, newest first, as Alembic prints them:",
				"<down> -> <rev> (branch labels) (head) (current) (branchpoint) (mergepoint), <message>" })
final class HistoryCommand extends AbstractCommand {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "[START]:[END]",
			description = "Range of revisions, e.g. 'base:head', '-3:', 'current:', 'abc1:def2', 'branch@head:'.")
	String range;

	@Option(names = { "-v", "--verbose" }, description = "Use more verbose output.")
	boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Indicate the current revision (reads the database).")
	boolean indicateCurrent;

	@Option(names = "--graph", description = "Draw the history as lanes, as 'git log --graph' does: branch points split "
			+ "lanes, merge points join them; with -i, @ marks current revisions and o pending ones.")
	boolean graph;

	@Option(names = "--ascii", description = "With --graph: plain ASCII instead of box-drawing characters.")
	boolean ascii;

	@Override
	void run(CliContext context) {
		if (this.range != null && !this.range.contains(":")) {
			throw new MigrateException("History range requires [start]:[end], [start]:, or :[end]");
		}
		boolean needsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		// JSON says which revisions are current whenever a database is configured (null: unknown)
		Current known = (!needsDatabase && context.json() && !this.graph) ? readCurrent(context) : null;
		Migrator migrator = needsDatabase ? context.onlineMigrator()
				: (known != null) ? known.migrator() : context.offlineMigrator(false);
		List<String> current = this.indicateCurrent ? migrator.current() : List.of();
		List<RevisionInfo> revisions = migrator.history((this.range == null) ? null : this.range.strip());
		RevisionFormatter formatter = formatter(migrator, current);
		if (this.graph && !context.json()) {
			drawGraph(context, migrator, revisions, formatter, current);
			return;
		}
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			if (this.indicateCurrent) {
				json.put("current", current);
			}
			List<String> rows = this.indicateCurrent ? current
					: needsDatabase ? migrator.current() : (known != null) ? known.rows() : null;
			json.put("revisions", revisions.stream()
				.map((r) -> json(formatter, formatter.get(r.id()) != null ? formatter.get(r.id()) : r,
						(rows != null) ? (Boolean) rows.contains(r.id()) : null))
				.toList());
			printJson(context, json);
			return;
		}
		for (RevisionInfo info : revisions) {
			RevisionInfo full = (formatter.get(info.id()) != null) ? formatter.get(info.id()) : info;
			context.println(formatter.cmdFormat(full, this.verbose, true, true, true, true));
		}
	}

	private void drawGraph(CliContext context, Migrator migrator, List<RevisionInfo> revisions,
			RevisionFormatter formatter, List<String> current) {
		RevisionPicture picture = GraphCommand.picture(migrator, revisions, this.indicateCurrent ? current : null);
		Map<String, RevisionInfo> byId = new LinkedHashMap<>();
		revisions.forEach((r) -> byId.put(r.id(), (formatter.get(r.id()) != null) ? formatter.get(r.id()) : r));
		Function<RevisionPicture.Node, List<String>> text = this.verbose
				? (node) -> formatter.cmdFormat(byId.get(node.id()), true, true, true, true, true).lines().toList()
				: null;
		String drawing = new LaneRenderer(this.ascii ? LaneRenderer.Charset.ASCII : LaneRenderer.Charset.UNICODE, text)
			.render(picture);
		drawing.lines().forEach(context::println);
	}

}
