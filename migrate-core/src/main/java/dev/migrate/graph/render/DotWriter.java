package dev.migrate.graph.render;

import dev.migrate.graph.render.RevisionPicture.Node;
import dev.migrate.graph.render.RevisionPicture.State;

/**
 * A {@link RevisionPicture} as Graphviz DOT: bases at the top, an edge from each down revision to
 * its revision (the direction an upgrade runs), dependencies dashed; applied, current and pending
 * revisions filled differently when the database is known.
 */
public final class DotWriter {

	/** The DOT text. */
	public String write(RevisionPicture picture) {
		StringBuilder out = new StringBuilder();
		out.append("digraph migrations {\n");
		out.append("  rankdir=TB;\n");
		out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, "
				+ "fillcolor=\"#eef3fb\", color=\"#3b6ea8\"];\n");
		out.append("  edge [color=\"#555555\", arrowsize=0.7];\n");
		for (int i = picture.nodes().size() - 1; i >= 0; i--) {
			Node node = picture.nodes().get(i);
			String label = node.message().isEmpty() ? node.title() : node.title() + "\n" + node.message();
			out.append("  ").append(quote(node.id())).append(" [label=").append(quote(label));
			out.append(style(node));
			out.append("];\n");
		}
		for (int i = picture.nodes().size() - 1; i >= 0; i--) {
			Node node = picture.nodes().get(i);
			for (String down : node.downRevisions()) {
				out.append("  ").append(quote(down)).append(" -> ").append(quote(node.id())).append(";\n");
			}
			for (String dep : node.dependencies()) {
				out.append("  ")
					.append(quote(dep))
					.append(" -> ")
					.append(quote(node.id()))
					.append(" [style=dashed, color=\"#7e57c2\", label=\"depends on\", fontsize=9];\n");
			}
		}
		out.append("}\n");
		return out.toString();
	}

	private static String style(Node node) {
		String style = node.head() ? ", penwidth=2" : "";
		if (node.state() == State.CURRENT) {
			style += ", fillcolor=\"#a5d6a7\", color=\"#1b5e20\", penwidth=3, xlabel=\"current\"";
		}
		else if (node.state() == State.APPLIED) {
			style += ", fillcolor=\"#e8f5e9\", color=\"#2e7d32\"";
		}
		else if (node.state() == State.PENDING) {
			style += ", style=\"rounded,dashed\", fillcolor=\"#ffffff\", color=\"#9e9e9e\"";
		}
		return style;
	}

	/** A DOT double-quoted string. */
	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
