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
 * as they apply) and one {@code <path class="edge">} per down revision ({@code edge dependency},
 * dashed, per {@code depends_on}), each edge carrying {@code data-from} (older) and
 * {@code data-to}.
 */
public final class SvgWriter {

	private static final double UNIT = 150;

	private static final double BOX_HEIGHT = 34;

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
		out.append("<style>\n")
			.append(".edge{fill:none;stroke:#666;stroke-width:1.4}\n")
			.append(".edge.dependency{stroke-dasharray:5 4;stroke:#999}\n")
			.append(".revision rect{fill:#eef3fb;stroke:#3b6ea8;stroke-width:1.2}\n")
			.append(".revision.applied rect{fill:#e6f4ea;stroke:#2e7d32}\n")
			.append(".revision.current rect{fill:#2e7d32;stroke:#1b5e20;stroke-width:2.4}\n")
			.append(".revision.current text{fill:#fff}\n")
			.append(".revision.pending rect{fill:#fff;stroke:#9e9e9e;stroke-dasharray:4 3}\n")
			.append(".revision.pending text{fill:#616161}\n")
			.append(".revision .labels{font-size:10px;font-style:italic}\n")
			.append("</style>\n");
		out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
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
				.append("\" marker-end=\"url(#arrow)\"/>\n");
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
			boolean labelled = !node.labels().isEmpty() || node.head();
			out.append("<text x=\"").append(num(cx)).append("\" y=\"").append(num(labelled ? cy - 2 : cy + 4))
				.append("\" text-anchor=\"middle\">")
				.append(escape(shorten(node.id(), 20)))
				.append("</text>");
			if (labelled) {
				List<String> tags = new ArrayList<>(node.labels());
				if (node.head()) {
					tags.add("head");
				}
				out.append("<text class=\"labels\" x=\"").append(num(cx)).append("\" y=\"").append(num(cy + 11))
					.append("\" text-anchor=\"middle\">")
					.append(escape(shorten(String.join(", ", tags), 24)))
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

	private static String shorten(String s, int max) {
		return (s.length() <= max) ? s : s.substring(0, max - 1) + "…";
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
				default -> sb.append(c);
			}
		}
		return sb.toString();
	}

}
