package dev.migrate.graph.render;

import dev.migrate.graph.render.RevisionPicture.Node;
import dev.migrate.graph.render.RevisionPicture.State;

/**
 * A {@link RevisionPicture} as a Mermaid flowchart (GitHub and GitLab render it in Markdown): bases
 * at the top, {@code -->} from each down revision, {@code -.->} for dependencies, and the classes
 * {@code applied}, {@code current}, {@code pending} when the database is known.
 */
public final class MermaidWriter {

	/** The Mermaid text. */
	public String write(RevisionPicture picture) {
		StringBuilder out = new StringBuilder("flowchart TB\n");
		for (int i = picture.nodes().size() - 1; i >= 0; i--) {
			Node node = picture.nodes().get(i);
			String label = escape(node.title()) + (node.message().isEmpty() ? "" : "<br/>" + escape(node.message()));
			out.append("  ").append(key(node.id())).append("[\"").append(label).append("\"]\n");
		}
		for (int i = picture.nodes().size() - 1; i >= 0; i--) {
			Node node = picture.nodes().get(i);
			for (String down : node.downRevisions()) {
				out.append("  ").append(key(down)).append(" --> ").append(key(node.id())).append('\n');
			}
			for (String dep : node.dependencies()) {
				out.append("  ").append(key(dep)).append(" -. depends on .-> ").append(key(node.id())).append('\n');
			}
		}
		if (picture.stateKnown()) {
			out.append("  classDef applied fill:#e8f5e9,stroke:#2e7d32\n");
			out.append("  classDef current fill:#a5d6a7,stroke:#1b5e20,stroke-width:3px\n");
			out.append("  classDef pending fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:4 3\n");
			for (State state : new State[] { State.APPLIED, State.CURRENT, State.PENDING }) {
				StringBuilder ids = new StringBuilder();
				for (Node node : picture.nodes()) {
					if (node.state() == state) {
						ids.append(ids.isEmpty() ? "" : ",").append(key(node.id()));
					}
				}
				if (!ids.isEmpty()) {
					out.append("  class ").append(ids).append(' ').append(state.name().toLowerCase()).append('\n');
				}
			}
		}
		return out.toString();
	}

	/** Node keys: ids are word characters, but a key must not be a Mermaid keyword such as {@code end}. */
	private static String key(String id) {
		return "r_" + id.replaceAll("[^A-Za-z0-9_]", "_");
	}

	private static String escape(String text) {
		return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
	}

}
