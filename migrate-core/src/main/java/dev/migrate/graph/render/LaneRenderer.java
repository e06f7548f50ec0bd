package dev.migrate.graph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.migrate.graph.render.RevisionPicture.Node;
import dev.migrate.graph.render.RevisionPicture.State;

/**
 * Draws a {@link RevisionPicture} as lanes in the terminal, the way {@code git log --graph} draws
 * commits: one column per line of descent, newest revision first; a merge point opens a lane per
 * extra down revision ({@code |\}), a branch point is where lanes waiting for the same revision
 * join again ({@code |/}, {@code |_|/} across other lanes), and a base (or the edge of a
 * {@code -r} range) closes its lane.
 *
 * <p>Column {@code c} is character {@code 2c}; the odd characters between columns carry the
 * diagonals. A revision's text starts right of the widest of its rows, and its further lines
 * (verbose) continue beside the lanes, as git prints a commit's body.
 *
 * <p>Markers: {@code *} a revision ({@code ●} with box-drawing), {@code @} a current revision
 * ({@code ◉}), {@code o} a pending one ({@code ○}) when the database is known.
 */
public final class LaneRenderer {

	/** Characters to draw with. */
	public enum Charset {

		/** Plain ASCII, like git. */
		ASCII('*', '@', 'o', '|', '/', '\\', '_'),
		/** Box-drawing characters. */
		UNICODE('●', '◉', '○', '│', '╱', '╲', '_');

		final char revision;

		final char current;

		final char pending;

		final char vertical;

		final char left;

		final char right;

		final char across;

		Charset(char revision, char current, char pending, char vertical, char left, char right, char across) {
			this.revision = revision;
			this.current = current;
			this.pending = pending;
			this.vertical = vertical;
			this.left = left;
			this.right = right;
			this.across = across;
		}

	}

	private final Charset charset;

	private final Function<Node, List<String>> text;

	/**
	 * A renderer with the given characters and text: {@code text} gives a revision's lines (the
	 * first beside its marker); {@link #defaultText} when null.
	 */
	public LaneRenderer(Charset charset, Function<Node, List<String>> text) {
		this.charset = charset;
		this.text = (text != null) ? text : (node) -> List.of(defaultText(node));
	}

	/**
	 * {@code <id> (<labels>) (head) (current) (depends on <ids>), <message>}.
	 */
	public static String defaultText(Node node) {
		StringBuilder sb = new StringBuilder(node.title());
		sb.append(node.head() ? " (head)" : "");
		sb.append((node.state() == State.CURRENT) ? " (current)" : "");
		if (!node.dependencies().isEmpty()) {
			sb.append(" (depends on ").append(String.join(", ", node.dependencies())).append(")");
		}
		if (!node.message().isEmpty()) {
			sb.append(", ").append(node.message());
		}
		return sb.toString();
	}

	/** The drawing, one line per row, each ending with a line break. */
	public String render(RevisionPicture picture) {
		StringBuilder out = new StringBuilder();
		List<String> lanes = new ArrayList<>();
		for (Node node : picture.nodes()) {
			int col = lanes.indexOf(node.id());
			if (col < 0) {
				lanes.add(node.id());
				col = lanes.size() - 1;
			}
			// lanes waiting for this revision join its column, one per row
			for (int j = lanes.lastIndexOf(node.id()); j > col; j = lanes.lastIndexOf(node.id())) {
				int dup = nextDuplicate(lanes, node.id(), col);
				line(out, joinRow(lanes, col, dup), null, 0);
				lanes.remove(dup);
			}
			List<char[]> rows = new ArrayList<>();
			List<Integer> widths = new ArrayList<>();
			rows.add(nodeRow(lanes, col, node));
			widths.add(2 * lanes.size() - 1);
			List<String> parents = node.downRevisions();
			if (parents.isEmpty()) {
				if (col < lanes.size() - 1) {
					rows.add(closeRow(lanes, col));
				}
				lanes.remove(col);
				widths.add(Math.max(1, 2 * lanes.size() - 1));
			}
			else {
				lanes.set(col, parents.get(0));
				for (int p = parents.size() - 1; p >= 1; p--) {
					rows.add(openRow(lanes, col));
					lanes.add(col + 1, parents.get(p));
					widths.add(2 * lanes.size() - 1);
				}
			}
			int width = 0;
			for (int i = 0; i < rows.size(); i++) {
				width = Math.max(width, Math.max(widths.get(i), trimmed(rows.get(i)).length()));
			}
			List<String> lines = this.text.apply(node);
			int count = Math.max(rows.size(), lines.size());
			for (int i = 0; i < count; i++) {
				char[] row = (i < rows.size()) ? rows.get(i) : laneRow(lanes);
				line(out, row, (i < lines.size()) ? lines.get(i) : null, width);
			}
		}
		return out.toString();
	}

	/** The first lane right of {@code col} that also waits for {@code id}. */
	private static int nextDuplicate(List<String> lanes, String id, int col) {
		for (int j = col + 1; j < lanes.size(); j++) {
			if (lanes.get(j).equals(id)) {
				return j;
			}
		}
		throw new IllegalStateException(id);
	}

	private char[] blank(int lanes) {
		char[] row = new char[Math.max(2, 2 * lanes + 1)];
		java.util.Arrays.fill(row, ' ');
		return row;
	}

	private char[] laneRow(List<String> lanes) {
		char[] row = blank(lanes.size());
		for (int c = 0; c < lanes.size(); c++) {
			row[2 * c] = this.charset.vertical;
		}
		return row;
	}

	private char[] nodeRow(List<String> lanes, int col, Node node) {
		char[] row = laneRow(lanes);
		row[2 * col] = (node.state() == State.CURRENT) ? this.charset.current
				: (node.state() == State.PENDING) ? this.charset.pending : this.charset.revision;
		return row;
	}

	/** Lane {@code dup} runs left into lane {@code col}; the lanes right of it move one column left. */
	private char[] joinRow(List<String> lanes, int col, int dup) {
		char[] row = blank(lanes.size());
		for (int c = 0; c < lanes.size(); c++) {
			if (c < dup) {
				row[2 * c] = this.charset.vertical;
			}
			else if (c > dup) {
				row[2 * c - 1] = this.charset.left;
			}
		}
		for (int c = col; c < dup - 1; c++) {
			row[2 * c + 1] = this.charset.across;
		}
		row[2 * dup - 1] = this.charset.left;
		return row;
	}

	/** Lane {@code col} ends (a base); the lanes right of it move one column left. */
	private char[] closeRow(List<String> lanes, int col) {
		char[] row = blank(lanes.size());
		for (int c = 0; c < lanes.size(); c++) {
			if (c < col) {
				row[2 * c] = this.charset.vertical;
			}
			else if (c > col) {
				row[2 * c - 1] = this.charset.left;
			}
		}
		return row;
	}

	/** Lane {@code col} opens a lane right of it (a merge point); the lanes right of it move one column right. */
	private char[] openRow(List<String> lanes, int col) {
		char[] row = blank(lanes.size() + 1);
		for (int c = 0; c < lanes.size(); c++) {
			if (c <= col) {
				row[2 * c] = this.charset.vertical;
			}
			else {
				row[2 * c + 1] = this.charset.right;
			}
		}
		row[2 * col + 1] = this.charset.right;
		return row;
	}

	private static String trimmed(char[] row) {
		return new String(row).stripTrailing();
	}

	private static void line(StringBuilder out, char[] row, String text, int width) {
		String graph = trimmed(row);
		if (text == null || text.isEmpty()) {
			out.append(graph).append('\n');
			return;
		}
		out.append(graph).append(" ".repeat(Math.max(0, width - graph.length()))).append(' ').append(text).append('\n');
	}

}
