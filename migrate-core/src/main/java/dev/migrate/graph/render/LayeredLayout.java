package dev.migrate.graph.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.graph.render.RevisionPicture.Node;

/**
 * A small layered (Sugiyama-style) layout of a {@link RevisionPicture}: longest-path layering from
 * the bases (down revisions and dependencies both push a revision down), a dummy point per layer
 * an edge crosses, a few barycenter sweeps to reduce crossings, then each layer centred.
 * Coordinates are in abstract units: {@code x} is the centre of a slot, {@code y} the layer.
 */
final class LayeredLayout {

	/** A placed revision or edge bend: {@code id} null for a bend. */
	record Point(String id, int layer, double x) {
	}

	/** An edge from {@code from} (older) to {@code to}, through its bends. */
	record Edge(String from, String to, boolean dependency, List<Point> bends) {
	}

	private final Map<String, Point> points = new LinkedHashMap<>();

	private final List<Edge> edges = new ArrayList<>();

	private int layers;

	private double width;

	/** Slot widths, in units of a revision box: bends take a fraction. */
	private static final double BEND = 0.25;

	private static final double GAP = 0.2;

	LayeredLayout(RevisionPicture picture) {
		Map<String, Integer> layer = new HashMap<>();
		// nodes are newest first: walk them oldest first so parents are layered before children
		List<Node> oldestFirst = new ArrayList<>(picture.nodes());
		java.util.Collections.reverse(oldestFirst);
		for (Node node : oldestFirst) {
			int l = 0;
			for (String p : node.downRevisions()) {
				l = Math.max(l, layer.getOrDefault(p, -1) + 1);
			}
			for (String p : node.dependencies()) {
				l = Math.max(l, layer.getOrDefault(p, -1) + 1);
			}
			layer.put(node.id(), l);
		}
		this.layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
		// per layer, its items (revision ids or bend keys) in order; initial order: oldest first
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < this.layers; i++) {
			rows.add(new ArrayList<>());
		}
		for (Node node : oldestFirst) {
			rows.get(layer.get(node.id())).add(node.id());
		}
		// edges as chains of items between adjacent layers
		List<Object[]> chains = new ArrayList<>();
		List<Edge> pending = new ArrayList<>();
		for (Node node : oldestFirst) {
			for (String p : node.downRevisions()) {
				chains.add(chain(rows, layer, p, node.id(), chains.size()));
				pending.add(new Edge(p, node.id(), false, null));
			}
			for (String p : node.dependencies()) {
				chains.add(chain(rows, layer, p, node.id(), chains.size()));
				pending.add(new Edge(p, node.id(), true, null));
			}
		}
		Map<Object, List<Object>> up = new HashMap<>();
		Map<Object, List<Object>> down = new HashMap<>();
		for (Object[] chain : chains) {
			for (int i = 0; i + 1 < chain.length; i++) {
				down.computeIfAbsent(chain[i], (k) -> new ArrayList<>()).add(chain[i + 1]);
				up.computeIfAbsent(chain[i + 1], (k) -> new ArrayList<>()).add(chain[i]);
			}
		}
		for (int sweep = 0; sweep < 4; sweep++) {
			for (int l = 1; l < this.layers; l++) {
				order(rows.get(l), rows.get(l - 1), up);
			}
			for (int l = this.layers - 2; l >= 0; l--) {
				order(rows.get(l), rows.get(l + 1), down);
			}
		}
		// x: each layer centred on the widest
		double[] widths = new double[this.layers];
		for (int l = 0; l < this.layers; l++) {
			double w = 0;
			for (Object item : rows.get(l)) {
				w += size(item) + GAP;
			}
			widths[l] = Math.max(0, w - GAP);
			this.width = Math.max(this.width, widths[l]);
		}
		Map<Object, Double> xs = new HashMap<>();
		for (int l = 0; l < this.layers; l++) {
			double x = (this.width - widths[l]) / 2;
			for (Object item : rows.get(l)) {
				xs.put(item, x + size(item) / 2);
				x += size(item) + GAP;
			}
		}
		for (Node node : picture.nodes()) {
			this.points.put(node.id(), new Point(node.id(), layer.get(node.id()), xs.get(node.id())));
		}
		for (int e = 0; e < pending.size(); e++) {
			Object[] chain = chains.get(e);
			List<Point> bends = new ArrayList<>();
			for (int i = 1; i + 1 < chain.length; i++) {
				bends.add(new Point(null, layer.get(pending.get(e).from()) + i, xs.get(chain[i])));
			}
			Edge edge = pending.get(e);
			this.edges.add(new Edge(edge.from(), edge.to(), edge.dependency(), List.copyOf(bends)));
		}
	}

	private static double size(Object item) {
		return (item instanceof String) ? 1 : BEND;
	}

	/** The items of an edge from {@code from} to {@code to}, with a bend in each layer between. */
	private static Object[] chain(List<List<Object>> rows, Map<String, Integer> layer, String from, String to,
			int edge) {
		int a = layer.get(from);
		int b = layer.get(to);
		Object[] chain = new Object[b - a + 1];
		chain[0] = from;
		chain[chain.length - 1] = to;
		for (int l = a + 1; l < b; l++) {
			Object bend = List.of(edge, l);
			rows.get(l).add(bend);
			chain[l - a] = bend;
		}
		return chain;
	}

	/** Sorts {@code row} by the mean position of each item's neighbours in {@code fixed} (stable). */
	private static void order(List<Object> row, List<Object> fixed, Map<Object, List<Object>> neighbours) {
		Map<Object, Integer> position = new HashMap<>();
		for (int i = 0; i < fixed.size(); i++) {
			position.put(fixed.get(i), i);
		}
		Map<Object, Double> key = new HashMap<>();
		for (int i = 0; i < row.size(); i++) {
			Object item = row.get(i);
			List<Object> ns = neighbours.getOrDefault(item, List.of());
			double sum = 0;
			int count = 0;
			for (Object n : ns) {
				Integer p = position.get(n);
				if (p != null) {
					sum += p;
					count++;
				}
			}
			// items without neighbours keep their place relative to the others
			key.put(item, (count > 0) ? sum / count : i * (fixed.size() / (double) Math.max(1, row.size())));
		}
		row.sort(Comparator.comparingDouble(key::get));
	}

	Point point(String id) {
		return this.points.get(id);
	}

	List<Edge> edges() {
		return this.edges;
	}

	int layers() {
		return this.layers;
	}

	/** Width in revision boxes (bends count a quarter). */
	double width() {
		return this.width;
	}

}
