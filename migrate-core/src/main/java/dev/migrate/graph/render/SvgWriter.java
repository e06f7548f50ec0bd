package dev.migrate.graph.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.graph.render.LayeredLayout.Edge;
import dev.migrate.graph.render.LayeredLayout.Point;
import dev.migrate.graph.render.RevisionPicture.Node;
import dev.migrate.graph.render.RevisionPicture.State;

/**
 * A {@link RevisionPicture} as a standalone SVG image, laid out by {@link LayeredLayout} (no
 * external renderer): bases at the top, one {@code <g class="node ...">} per revision (id, branch
 * labels, message) and one {@code <path class="edge ...">} per down revision or dependency, the
 * latter dashed. When the database is known, applied, current and pending revisions are styled
 * differently and a legend says how. Styles are inline ({@code <style>} in the image), so the file
 * renders the same in a browser, an {@code <img>} or inline in an HTML page.
 */
public final class SvgWriter {

	private static final int BOX_W = 196;

	private static final int BOX_H = 46;

	private static final int LAYER_H = 92;

	private static final int MARGIN = 16;

	private static final int MESSAGE_CHARS = 30;

	/** The SVG document, with an XML declaration. */
	public String write(RevisionPicture picture) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(picture);
	}

	/** The {@code <svg>} element alone, for inlining in HTML. */
	public String element(RevisionPicture picture) {
		LayeredLayout layout = new LayeredLayout(picture);
		int legend = picture.stateKnown() ? 30 : 0;
		int width = (int) Math.ceil(layout.width() * BOX_W) + 2 * MARGIN;
		width = Math.max(width, picture.stateKnown() ? 420 : BOX_W + 2 * MARGIN);
		int height = Math.max(1, layout.layers()) * LAYER_H - (LAYER_H - BOX_H) + 2 * MARGIN + 10 + legend;
		double offset = (width - 2 * MARGIN - layout.width() * BOX_W) / 2;
		StringBuilder out = new StringBuilder();
		out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"migrate-graph\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-label=\"revision graph\">\n");
		out.append("<style>\n").append(STYLE).append("</style>\n");
		out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
				+ "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/>"
				+ "</marker></defs>\n");
		out.append("<rect class=\"background\" width=\"100%\" height=\"100%\"/>\n");
		out.append("<g class=\"edges\">\n");
		for (Edge edge : layout.edges()) {
			List<double[]> pts = new ArrayList<>();
			Point from = layout.point(edge.from());
			Point to = layout.point(edge.to());
			pts.add(new double[] { x(from.x(), offset), y(from.layer()) + BOX_H });
			for (Point bend : edge.bends()) {
				pts.add(new double[] { x(bend.x(), offset), y(bend.layer()) + BOX_H / 2.0 });
			}
			pts.add(new double[] { x(to.x(), offset), y(to.layer()) - 2 });
			out.append("<path class=\"edge").append(edge.dependency() ? " dependency" : "").append("\" data-from=\"")
				.append(escape(edge.from()))
				.append("\" data-to=\"")
				.append(escape(edge.to()))
				.append("\" d=\"")
				.append(curve(pts))
				.append("\" marker-end=\"url(#arrow)\"><title>")
				.append(escape(edge.dependency() ? edge.to() + " depends on " + edge.from() : edge.from() + " \u2192 " + edge.to()))
				.append("</title></path>\n");
		}
		out.append("</g>\n<g class=\"nodes\">\n");
		for (int i = picture.nodes().size() - 1; i >= 0; i--) {
			Node node = picture.nodes().get(i);
			Point p = layout.point(node.id());
			double left = x(p.x(), offset) - BOX_W / 2.0;
			double top = y(p.layer());
			String state = node.state().name().toLowerCase(Locale.ROOT);
			out.append("<g class=\"node ").append(state).append(node.head() ? " head" : "").append("\" id=\"rev-")
				.append(escape(node.id()))
				.append("\" data-revision=\"")
				.append(escape(node.id()))
				.append("\">");
			out.append("<title>").append(escape(title(node))).append("</title>");
			out.append("<rect x=\"").append(n(left)).append("\" y=\"").append(n(top)).append("\" width=\"")
				.append(BOX_W).append("\" height=\"").append(BOX_H).append("\" rx=\"7\"/>");
			String id = node.id();
			String labels = node.labels().isEmpty() ? "" : String.join(", ", node.labels());
			out.append("<text class=\"id\" x=\"").append(n(left + 10)).append("\" y=\"").append(n(top + 18)).append("\">")
				.append(escape(id)).append("</text>");
			String badge = (node.state() == State.CURRENT) ? "current" : node.head() ? "head" : null;
			if (!labels.isEmpty()) {
				out.append("<text class=\"label\" x=\"").append(n(left + BOX_W - 10)).append("\" y=\"")
					.append(n(top + 18)).append("\" text-anchor=\"end\">")
					.append(escape(shorten(labels, 14))).append("</text>");
			}
			else if (badge != null) {
				out.append("<text class=\"badge\" x=\"").append(n(left + BOX_W - 10)).append("\" y=\"")
					.append(n(top + 18)).append("\" text-anchor=\"end\">").append(badge).append("</text>");
			}
			out.append("<text class=\"message\" x=\"").append(n(left + 10)).append("\" y=\"").append(n(top + 36))
				.append("\">").append(escape(shorten(node.message(), MESSAGE_CHARS))).append("</text>");
			out.append("</g>\n");
		}
		out.append("</g>\n");
		if (picture.stateKnown()) {
			double ly = height - MARGIN - 12;
			out.append("<g class=\"legend\">");
			String[][] items = { { "applied", "applied" }, { "current", "current" }, { "pending", "pending" } };
			double lx = MARGIN;
			for (String[] item : items) {
				out.append("<g class=\"node ").append(item[0]).append("\"><rect x=\"").append(n(lx)).append("\" y=\"")
					.append(n(ly)).append("\" width=\"18\" height=\"12\" rx=\"3\"/></g>");
				out.append("<text class=\"legend-text\" x=\"").append(n(lx + 24)).append("\" y=\"").append(n(ly + 10))
					.append("\">").append(item[1]).append("</text>");
				lx += 90;
			}
			out.append("<path class=\"edge dependency\" d=\"M").append(n(lx)).append(',').append(n(ly + 6)).append(" h24\"/>");
			out.append("<text class=\"legend-text\" x=\"").append(n(lx + 30)).append("\" y=\"").append(n(ly + 10))
				.append("\">depends on</text>");
			out.append("</g>\n");
		}
		out.append("</svg>\n");
		return out.toString();
	}

	private static final String STYLE = """
			.migrate-graph .background { fill: #ffffff; }
			.migrate-graph text { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 11px; fill: #333333; }
			.migrate-graph text.id { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 12px; font-weight: bold; fill: #1a1a1a; }
			.migrate-graph text.label { font-size: 10px; fill: #6a4c93; font-weight: bold; }
			.migrate-graph text.badge { font-size: 10px; fill: #555555; }
			.migrate-graph .node rect { fill: #eef3fb; stroke: #3b6ea8; stroke-width: 1.2; }
			.migrate-graph .node.head rect { stroke-width: 2.2; }
			.migrate-graph .node.applied rect { fill: #e8f5e9; stroke: #2e7d32; }
			.migrate-graph .node.current rect { fill: #a5d6a7; stroke: #1b5e20; stroke-width: 3; }
			.migrate-graph .node.current text.badge { fill: #1b5e20; font-weight: bold; }
			.migrate-graph .node.pending rect { fill: #ffffff; stroke: #9e9e9e; stroke-dasharray: 5 3; }
			.migrate-graph .node.pending text { fill: #757575; }
			.migrate-graph .edge { fill: none; stroke: #607080; stroke-width: 1.4; }
			.migrate-graph .edge.dependency { stroke: #7e57c2; stroke-dasharray: 6 4; }
			.migrate-graph .arrowhead { fill: #607080; }
			""";

	private static double x(double units, double offset) {
		return MARGIN + offset + units * BOX_W;
	}

	private static double y(int layer) {
		return MARGIN + layer * LAYER_H;
	}

	/** A smooth path through the points: a vertical-tangent cubic between each pair. */
	private static String curve(List<double[]> pts) {
		StringBuilder d = new StringBuilder("M").append(n(pts.get(0)[0])).append(',').append(n(pts.get(0)[1]));
		for (int i = 1; i < pts.size(); i++) {
			double[] a = pts.get(i - 1);
			double[] b = pts.get(i);
			double mid = (a[1] + b[1]) / 2;
			d.append(" C").append(n(a[0])).append(',').append(n(mid)).append(' ').append(n(b[0])).append(',')
				.append(n(mid)).append(' ').append(n(b[0])).append(',').append(n(b[1]));
		}
		return d.toString();
	}

	private static String title(Node node) {
		StringBuilder sb = new StringBuilder(node.id());
		if (!node.labels().isEmpty()) {
			sb.append(" (").append(String.join(", ", node.labels())).append(')');
		}
		sb.append(node.head() ? " (head)" : "");
		if (node.state() != State.UNKNOWN) {
			sb.append(" (").append(node.state().name().toLowerCase(Locale.ROOT)).append(')');
		}
		if (!node.message().isEmpty()) {
			sb.append(": ").append(node.message());
		}
		if (!node.dependencies().isEmpty()) {
			sb.append("; depends on ").append(String.join(", ", node.dependencies()));
		}
		return sb.toString();
	}

	private static String shorten(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "\u2026";
	}

	private static String n(double value) {
		long rounded = Math.round(value * 10);
		return (rounded % 10 == 0) ? Long.toString(rounded / 10) : Double.toString(rounded / 10.0);
	}

	/** Escapes XML text and attribute values. */
	static String escape(String text) {
		StringBuilder sb = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				case '\'' -> sb.append("&#39;");
				default -> {
					if (c < 0x20 && c != '\n' && c != '\t') {
						sb.append(' ');
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.toString();
	}

}
