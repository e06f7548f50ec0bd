package dev.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;
import dev.migrate.graph.render.DotWriter;
import dev.migrate.graph.render.MermaidWriter;
import dev.migrate.graph.render.RevisionPicture;
import dev.migrate.graph.render.SvgWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate graph}: the revision graph as DOT, Mermaid or SVG, for documentation and reviews. */
@Command(name = "graph", mixinStandardHelpOptions = true,
		description = { "Write the revision graph as DOT, Mermaid or SVG (drawn by Migrate itself, no renderer needed).",
				"With --indicate-current the database is read and applied, current and pending revisions are styled;",
				"depends_on edges are dashed." })
final class GraphCommand extends AbstractCommand {

	enum Format {
		dot, mermaid, svg
	}

	@Option(names = { "-f", "--format" }, paramLabel = "FORMAT", defaultValue = "svg",
			description = "dot, mermaid or svg (default: ${DEFAULT-VALUE}).")
	Format format;

	@Option(names = { "-r", "--rev-range" }, paramLabel = "[START]:[END]",
			description = "Range of revisions, as for history: 'base:head', '-3:', 'current:', 'abc1:def2'.")
	String range;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
	String output;

	@Option(names = { "-i", "--indicate-current" },
			description = "Read the database and style applied, current and pending revisions.")
	boolean indicateCurrent;

	@Override
	void run(CliContext context) {
		if (this.range != null && !this.range.contains(":")) {
			throw new MigrateException("Graph range requires [start]:[end], [start]:, or :[end]");
		}
		boolean needsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		Migrator migrator = needsDatabase ? context.onlineMigrator() : context.offlineMigrator(false);
		List<String> current = this.indicateCurrent ? migrator.current() : null;
		List<RevisionInfo> revisions = migrator.history((this.range == null) ? null : this.range.strip());
		RevisionPicture picture = picture(migrator, revisions, current);
		String text = switch (this.format) {
			case dot -> new DotWriter().write(picture);
			case mermaid -> new MermaidWriter().write(picture);
			case svg -> new SvgWriter().write(picture);
		};
		if (this.output == null) {
			context.out().print(text);
			context.out().flush();
			return;
		}
		Path file = context.settings().path(this.output);
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write " + this.output + ": " + ex.getMessage(), ex);
		}
		context.println("Wrote " + this.output + " (" + this.format + ", " + picture.nodes().size() + " revisions)");
	}

	/**
	 * The picture of {@code revisions} (a history range, newest first) with their messages;
	 * {@code current}: the database's version rows, or null when it was not read.
	 */
	static RevisionPicture picture(Migrator migrator, List<RevisionInfo> revisions, List<String> current) {
		RevisionGraph graph = migrator.graph();
		Map<String, String> messages = new HashMap<>();
		revisions.forEach((r) -> messages.put(r.id(), r.message()));
		List<RevisionNode> selection = revisions.stream().map((r) -> graph.get(r.id())).toList();
		return RevisionPicture.of(graph, selection, messages::get, current);
	}

}
