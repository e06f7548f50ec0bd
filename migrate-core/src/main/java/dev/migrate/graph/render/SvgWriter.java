package dev.migrate.graph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.graph.render.LayeredLayout.Edge;
import dev.migrate.graph.render.LayeredLayout.Point;
import dev.migrate.graph.render.RevisionPicture.Node;
import dev.migrate.graph.render.RevisionPicture.State;

/**
 * Writes a {@link RevisionPicture} as a self-contained SVG drawn by {@link LayeredLayout}: newest
 * revisions on top, one {@code <g class="revision">} per revision (class {@code applied},
 * {@code current} or {@code pending} when the database is known, {@code head} and {@code merge}
 * as they apply; in its box the id, the message cut to {@value #MESSAGE_CHARS} characters and the
 * labels, the whole text in its {@code <title>} tooltip) and one {@code <path class="edge">} per down revision ({@code edge dependency},
 * dashed, per {@code depends_on}), each edge carrying {@code data-from} (older) and
 * {@code data-to}.
 */
public final class SvgWriter {

	private static final double UNIT = 180;

	private static final double BOX_HEIGHT = 48;

	/** Line height of the text in a box: id, message, labels. */
	private static final double LINE = 13;

	/** Characters of a message shown in its box (the rest is in the tooltip). */
	static final int MESSAGE_CHARS = 28;

	private final String idPrefix;

	/** A writer for stand-alone SVG files. */
	public SvgWriter() {
		this("");
	}

	/**
	 * A writer whose document ids (the arrow marker) start with {@code idPrefix}, so several
	 * pictures can be inlined in one HTML page without clashing ids; letters, digits, '-' and '_'.
	 */
	public SvgWriter(String idPrefix) {
		if (!idPrefix.matches("[A-Za-z0-9_-]*")) {
			throw new IllegalArgumentException("SVG id prefix may hold letters, digits, '-' and '_' only: " + idPrefix);
		}
		this.idPrefix = idPrefix;
	}

	private static final double LAYER = 70;

	private static final double MARGIN = 16;

	/** The SVG document (no XML declaration, so it can also be inlined in HTML). */
	public String write(RevisionPicture picture) {
		LayeredLayout layout = new LayeredLayout(picture);
		double width = Math.max(1, layout.width()) * UNIT + 2 * MARGIN;
		double height = Math.max(1, layout.layers()) * LAYER - (LAYER - BOX_HEIGHT) + 2 * MARGIN;
		StringBuilder out = new StringBuilder();
		out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"migrate-graph\" width=\"")
			.append(num(width))
			.append("\" height=\"")
			.append(num(height))
			.append("\" viewBox=\"0 0 ")
			.append(num(width))
			.append(' ')
			.append(num(height))
			.append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
		out.append("<title>Revision graph</title>\n");
		// scoped to the picture: inlined in HTML, an SVG <style> applies to the whole page
		String g = "svg.migrate-graph ";
		out.append("<style>\n")
			.append(g).append(".edge{fill:none;stroke:#666;stroke-width:1.4}\n")
			.append(g).append(".edge.dependency{stroke-dasharray:5 4;stroke:#999}\n")
			.append(g).append(".revision rect{fill:#eef3fb;stroke:#3b6ea8;stroke-width:1.2}\n")
			.append(g).append(".revision.applied rect{fill:#e6f4ea;stroke:#2e7d32}\n")
			.append(g).append(".revision.current rect{fill:#2e7d32;stroke:#1b5e20;stroke-width:2.4}\n")
			.append(g).append(".revision.current text{fill:#fff}\n")
			.append(g).append(".revision.pending rect{fill:#fff;stroke:#9e9e9e;stroke-dasharray:4 3}\n")
			.append(g).append(".revision.pending text{fill:#616161}\n")
			.append(g).append(".revision .id{font-weight:bold}\n")
			.append(g).append(".revision .message{font-size:10px}\n")
			.append(g).append(".revision .labels{font-size:10px;font-style:italic}\n")
			.append("</style>\n");
		String arrow = this.idPrefix + "arrow";
		out.append("<defs><marker id=\"").append(arrow).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
				+ "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#666\"/>"
				+ "</marker></defs>\n");
		int layers = layout.layers();
		for (Edge edge : layout.edges()) {
			Point from = layout.point(edge.from());
			Point to = layout.point(edge.to());
			List<double[]> points = new ArrayList<>();
			points.add(new double[] { x(from), y(layers, from.layer()) - BOX_HEIGHT / 2 });
			for (Point bend : edge.bends()) {
				points.add(new double[] { x(bend), y(layers, bend.layer()) });
			}
			points.add(new double[] { x(to), y(layers, to.layer()) + BOX_HEIGHT / 2 });
			StringBuilder d = new StringBuilder();
			for (int i = 0; i < points.size(); i++) {
				d.append((i == 0) ? "M" : " L").append(num(points.get(i)[0])).append(',').append(num(points.get(i)[1]));
			}
			out.append("<path class=\"edge").append(edge.dependency() ? " dependency" : "")
				.append("\" data-from=\"")
				.append(escape(edge.from()))
				.append("\" data-to=\"")
				.append(escape(edge.to()))
				.append("\" d=\"")
				.append(d)
				.append("\" marker-end=\"url(#").append(arrow).append(")\"/>\n");
		}
		for (Node node : picture.nodes()) {
			Point p = layout.point(node.id());
			double cx = x(p);
			double cy = y(layers, p.layer());
			StringBuilder cls = new StringBuilder("revision");
			if (node.state() != State.UNKNOWN) {
				cls.append(' ').append(node.state().name().toLowerCase(Locale.ROOT));
			}
			cls.append(node.head() ? " head" : "").append(node.mergePoint() ? " merge" : "");
			out.append("<g class=\"").append(cls).append("\" data-revision=\"").append(escape(node.id())).append("\">");
			out.append("<title>").append(escape(LaneRenderer.defaultText(node))).append("</title>");
			out.append("<rect x=\"")
				.append(num(cx - UNIT * 0.45))
				.append("\" y=\"")
				.append(num(cy - BOX_HEIGHT / 2))
				.append("\" width=\"")
				.append(num(UNIT * 0.9))
				.append("\" height=\"")
				.append(num(BOX_HEIGHT))
				.append("\" rx=\"6\"")
				.append(node.head() ? " stroke-width=\"2\"" : "")
				.append("/>");
			List<String[]> lines = new ArrayList<>();
			lines.add(new String[] { "id", shorten(node.id(), 22) });
			String message = node.message().replaceAll("\\s+", " ").strip();
			if (!message.isEmpty()) {
				lines.add(new String[] { "message", shorten(message, MESSAGE_CHARS) });
			}
			List<String> tags = new ArrayList<>(node.labels());
			if (node.head()) {
				tags.add("head");
			}
			if (!tags.isEmpty()) {
				lines.add(new String[] { "labels", shorten(String.join(", ", tags), MESSAGE_CHARS) });
			}
			// baselines centred in the box (4 px: about half the cap height of 12 px text)
			double first = cy + 4 - (lines.size() - 1) * LINE / 2;
			for (int i = 0; i < lines.size(); i++) {
				out.append("<text class=\"").append(lines.get(i)[0]).append("\" x=\"").append(num(cx))
					.append("\" y=\"").append(num(first + i * LINE))
					.append("\" text-anchor=\"middle\">")
					.append(escape(lines.get(i)[1]))
					.append("</text>");
			}
			out.append("</g>\n");
		}
		out.append("</svg>\n");
		return out.toString();
	}

	private static double x(Point p) {
		return MARGIN + p.x() * UNIT;
	}

	/** Layer 0 (the bases) at the bottom. */
	private static double y(int layers, int layer) {
		return MARGIN + BOX_HEIGHT / 2 + (layers - 1 - layer) * LAYER;
	}

	/** At most {@code max} code points, the last an ellipsis when cut. */
	static String shorten(String s, int max) {
		if (s.codePointCount(0, s.length()) <= max) {
			return s;
		}
		return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
	}

	private static String num(double d) {
		return String.format(Locale.ROOT, "%.1f", d);
	}

	static String escape(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				case '\'' -> sb.append("&#39;");
				case '\t', '\n', '\r' -> sb.append(' ');
				// not allowed in XML 1.0, not even as a character reference
				default -> sb.append((c < 0x20 || c == 0xFFFE || c == 0xFFFF) ? '\uFFFD' : c);
			}
		}
		return sb.toString();
	}

}
