package dev.migrate.graph.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;

/**
 * What the pictures of a revision graph draw: the revisions to show, newest first (every revision
 * before its down revisions), their edges restricted to the revisions shown, their labels and,
 * when the database is known, whether each is applied, current or pending. Built from a
 * {@link RevisionGraph}; the writers ({@link LaneRenderer}, {@link DotWriter},
 * {@link MermaidWriter}, {@link SvgWriter}) only read it.
 */
public final class RevisionPicture {

	/** Where a revision stands in the database. */
	public enum State {

		/** No database was read. */
		UNKNOWN,
		/** Applied: at or below a version row. */
		APPLIED,
		/** A version row. */
		CURRENT,
		/** Not applied yet. */
		PENDING

	}

	/**
	 * One revision of the picture.
	 *
	 * @param id revision id
	 * @param downRevisions down revisions that are in the picture, in declaration order
	 * @param dependencies dependencies (resolved to ids) that are in the picture
	 * @param labels branch labels declared on it, sorted
	 * @param message its message (may be empty)
	 * @param head whether it is a head of the whole graph
	 * @param mergePoint whether it has several down revisions (in the whole graph)
	 * @param state where it stands in the database
	 */
	public record Node(String id, List<String> downRevisions, List<String> dependencies, Set<String> labels,
			String message, boolean head, boolean mergePoint, State state) {

		/** {@code <id>}, with its branch labels as {@code <id> (<label>, <label>)}. */
		public String title() {
			return this.labels.isEmpty() ? this.id : this.id + " (" + String.join(", ", this.labels) + ")";
		}

	}

	private final List<Node> nodes;

	private final Map<String, Node> byId;

	private final boolean stateKnown;

	private RevisionPicture(List<Node> nodes, boolean stateKnown) {
		this.nodes = List.copyOf(nodes);
		this.byId = new LinkedHashMap<>();
		for (Node node : this.nodes) {
			this.byId.put(node.id(), node);
		}
		this.stateKnown = stateKnown;
	}

	/**
	 * The picture of {@code selection} (e.g. {@code graph.history(range, current)}; null for every
	 * revision). {@code current}: the database's version rows, or null when no database was read.
	 */
	public static RevisionPicture of(RevisionGraph graph, Collection<RevisionNode> selection,
			Function<String, String> messages, List<String> current) {
		List<RevisionNode> shown = (selection != null) ? List.copyOf(selection) : graph.walkTopDown();
		Set<String> ids = new HashSet<>();
		for (RevisionNode node : shown) {
			ids.add(node.id());
		}
		Set<String> heads = Set.copyOf(graph.heads());
		Set<String> applied = (current != null) ? applied(graph, current) : Set.of();
		Set<String> currentSet = (current != null) ? Set.copyOf(current) : Set.of();
		List<Node> nodes = new ArrayList<>(shown.size());
		for (RevisionNode node : shown) {
			List<String> down = node.downRevisions().stream().filter(ids::contains).toList();
			List<String> deps = graph.resolvedDependencies(node.id())
				.stream()
				.filter(ids::contains)
				.filter((d) -> !down.contains(d))
				.distinct()
				.toList();
			State state = (current == null) ? State.UNKNOWN
					: currentSet.contains(node.id()) ? State.CURRENT
							: applied.contains(node.id()) ? State.APPLIED : State.PENDING;
			String message = (messages != null) ? messages.apply(node.id()) : null;
			nodes.add(new Node(node.id(), down, deps, new TreeSet<>(node.branchLabels()),
					(message != null) ? message.strip() : "", heads.contains(node.id()), node.isMergePoint(), state));
		}
		return new RevisionPicture(topological(nodes), current != null);
	}

	/** The picture of every revision of {@code graph}. */
	public static RevisionPicture of(RevisionGraph graph, Function<String, String> messages, List<String> current) {
		return of(graph, null, messages, current);
	}

	/** Revisions at or below the version rows, through down revisions and dependencies. */
	private static Set<String> applied(RevisionGraph graph, List<String> current) {
		Set<String> applied = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>(current);
		while (!todo.isEmpty()) {
			String id = todo.pop();
			if (graph.get(id) == null || !applied.add(id)) {
				continue;
			}
			todo.addAll(graph.get(id).downRevisions());
			todo.addAll(graph.resolvedDependencies(id));
		}
		return applied;
	}

	/**
	 * Newest first with every revision before its down revisions and dependencies, keeping the
	 * given order wherever it already is one (Kahn's algorithm, ties broken by that order).
	 */
	private static List<Node> topological(List<Node> nodes) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < nodes.size(); i++) {
			index.put(nodes.get(i).id(), i);
		}
		Map<String, Integer> waiting = new HashMap<>();
		for (Node node : nodes) {
			waiting.putIfAbsent(node.id(), 0);
			for (String parent : parents(node)) {
				waiting.merge(parent, 1, Integer::sum);
			}
		}
		PriorityQueue<Integer> ready = new PriorityQueue<>();
		for (int i = 0; i < nodes.size(); i++) {
			if (waiting.get(nodes.get(i).id()) == 0) {
				ready.add(i);
			}
		}
		List<Node> out = new ArrayList<>(nodes.size());
		while (!ready.isEmpty()) {
			Node node = nodes.get(ready.poll());
			out.add(node);
			for (String parent : parents(node)) {
				if (waiting.merge(parent, -1, Integer::sum) == 0) {
					ready.add(index.get(parent));
				}
			}
		}
		if (out.size() != nodes.size()) {
			// a cycle cannot get here (the graph rejects it); keep the given order rather than lose revisions
			return nodes;
		}
		return out;
	}

	private static Set<String> parents(Node node) {
		Set<String> parents = new java.util.LinkedHashSet<>(node.downRevisions());
		parents.addAll(node.dependencies());
		return parents;
	}

	/** The revisions, newest first: each before its down revisions and dependencies. */
	public List<Node> nodes() {
		return this.nodes;
	}

	/** The revision with this id, or null when it is not in the picture. */
	public Node get(String id) {
		return this.byId.get(id);
	}

	/** Whether the database was read (states are then applied, current or pending). */
	public boolean stateKnown() {
		return this.stateKnown;
	}

}
