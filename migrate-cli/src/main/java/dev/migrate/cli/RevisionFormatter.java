package dev.migrate.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.command.RevisionInfo;

/**
 * Formats revisions exactly as Alembic prints them ({@code Script._head_only}, {@code log_entry}):
 * {@code <down> -> <rev> (labels) (head) (current) (branchpoint) (mergepoint), <message>}. Built
 * from every revision of the graph so that it can tell real heads from effective heads and
 * propagate branch labels to descendants as Alembic does.
 */
final class RevisionFormatter {

	private final Map<String, RevisionInfo> revisions = new LinkedHashMap<>();

	private final Map<String, List<String>> children = new LinkedHashMap<>();

	private final Map<String, Set<String>> dependents = new LinkedHashMap<>();

	private final Map<String, Set<String>> labels = new LinkedHashMap<>();

	private final Set<String> current;

	RevisionFormatter(Collection<RevisionInfo> all, Collection<String> current) {
		this.current = Set.copyOf(current);
		for (RevisionInfo info : all) {
			this.revisions.put(info.id(), info);
			this.children.put(info.id(), new ArrayList<>());
			this.dependents.put(info.id(), new LinkedHashSet<>());
			this.labels.put(info.id(), new TreeSet<>(info.branchLabels()));
		}
		for (RevisionInfo info : all) {
			for (String down : info.downRevisions()) {
				List<String> list = this.children.get(down);
				if (list != null) {
					list.add(info.id());
				}
			}
			for (String dep : info.dependsOn()) {
				String target = resolve(dep);
				if (target != null) {
					this.dependents.get(target).add(info.id());
				}
			}
		}
		propagateLabels(all);
	}

	private String resolve(String ident) {
		if (this.revisions.containsKey(ident)) {
			return ident;
		}
		for (RevisionInfo info : this.revisions.values()) {
			if (info.branchLabels().contains(ident)) {
				return info.id();
			}
		}
		String found = null;
		for (String id : this.revisions.keySet()) {
			if (id.startsWith(ident)) {
				if (found != null) {
					return null;
				}
				found = id;
			}
		}
		return found;
	}

	/** Alembic's {@code _add_branches}: labels go to every descendant and down to the branch point. */
	private void propagateLabels(Collection<RevisionInfo> all) {
		for (RevisionInfo info : all) {
			if (info.branchLabels().isEmpty()) {
				continue;
			}
			Deque<String> todo = new ArrayDeque<>(List.of(info.id()));
			Set<String> seen = new LinkedHashSet<>();
			while (!todo.isEmpty()) {
				String id = todo.pop();
				if (seen.add(id)) {
					this.labels.get(id).addAll(info.branchLabels());
					todo.addAll(this.children.getOrDefault(id, List.of()));
				}
			}
			RevisionInfo parent = info;
			while (parent != null && !isRealBranchPoint(parent.id()) && parent.downRevisions().size() <= 1) {
				this.labels.get(parent.id()).addAll(info.branchLabels());
				parent = parent.downRevisions().isEmpty() ? null : this.revisions.get(parent.downRevisions().get(0));
			}
		}
	}

	private boolean isRealBranchPoint(String id) {
		Set<String> next = new LinkedHashSet<>(this.children.getOrDefault(id, List.of()));
		next.addAll(this.dependents.getOrDefault(id, Set.of()));
		return next.size() > 1;
	}

	RevisionInfo get(String id) {
		return this.revisions.get(id);
	}

	Collection<RevisionInfo> all() {
		return this.revisions.values();
	}

	List<String> children(String id) {
		return this.children.getOrDefault(id, List.of());
	}

	Set<String> labels(RevisionInfo info) {
		return this.labels.getOrDefault(info.id(), new TreeSet<>(info.branchLabels()));
	}

	boolean isHead(RevisionInfo info) {
		return children(info.id()).isEmpty();
	}

	/** A head nothing depends on either (Alembic's {@code _is_real_head}). */
	boolean isRealHead(RevisionInfo info) {
		return isHead(info) && this.dependents.getOrDefault(info.id(), Set.of()).isEmpty();
	}

	/** Real heads, in load order: what {@code heads} resolves to. */
	List<RevisionInfo> realHeads() {
		return this.revisions.values().stream().filter(this::isRealHead).toList();
	}

	static String downText(RevisionInfo info) {
		return info.downRevisions().isEmpty() ? "<base>" : String.join(", ", info.downRevisions());
	}

	/** Alembic's {@code Script._head_only}. */
	String headOnly(RevisionInfo info, boolean includeBranches, boolean includeDoc, boolean includeParents,
			boolean treeIndicators) {
		String text = info.id();
		if (includeParents) {
			text = info.dependsOn().isEmpty() ? downText(info) + " -> " + text
					: downText(info) + " (" + String.join(", ", info.dependsOn()) + ") -> " + text;
		}
		Set<String> labels = labels(info);
		if (includeBranches && !labels.isEmpty()) {
			text += " (" + String.join(", ", labels) + ")";
		}
		text += isRealHead(info) ? " (head)" : "";
		text += (isHead(info) && !isRealHead(info)) ? " (effective head)" : "";
		text += this.current.contains(info.id()) ? " (current)" : "";
		if (treeIndicators) {
			text += info.branchPoint() || children(info.id()).size() > 1 ? " (branchpoint)" : "";
			text += info.downRevisions().size() > 1 ? " (mergepoint)" : "";
		}
		if (includeDoc) {
			text += ", " + doc(info);
		}
		return text;
	}

	/** Alembic's {@code cmd_format}. */
	String cmdFormat(RevisionInfo info, boolean verbose, boolean includeBranches, boolean includeDoc,
			boolean includeParents, boolean treeIndicators) {
		return verbose ? logEntry(info) : headOnly(info, includeBranches, includeDoc, includeParents, treeIndicators);
	}

	/** Alembic's {@code log_entry} (ends with a blank line). */
	String logEntry(RevisionInfo info) {
		boolean branchPoint = info.branchPoint() || children(info.id()).size() > 1;
		boolean mergePoint = info.downRevisions().size() > 1;
		StringBuilder sb = new StringBuilder();
		sb.append("Rev: ").append(info.id());
		sb.append(isHead(info) ? " (head)" : "");
		sb.append(branchPoint ? " (branchpoint)" : "");
		sb.append(mergePoint ? " (mergepoint)" : "");
		sb.append(this.current.contains(info.id()) ? " (current)" : "");
		sb.append("\n");
		sb.append(mergePoint ? "Merges: " : "Parent: ").append(downText(info)).append("\n");
		if (!info.dependsOn().isEmpty()) {
			sb.append("Also depends on: ").append(String.join(", ", info.dependsOn())).append("\n");
		}
		if (branchPoint) {
			sb.append("Branches into: ").append(String.join(", ", children(info.id()))).append("\n");
		}
		Set<String> labels = labels(info);
		if (!labels.isEmpty()) {
			sb.append("Branch names: ").append(String.join(", ", labels)).append("\n");
		}
		sb.append("Path: ").append(info.source()).append("\n");
		sb.append("\n");
		List<String> lines = new ArrayList<>();
		for (String line : longDoc(info).split("\n", -1)) {
			lines.add("    " + line);
		}
		sb.append(String.join("\n", lines)).append("\n");
		return sb.toString();
	}

	/** The revision's docstring as the template writes it: message, then id, parents and date. */
	static String longDoc(RevisionInfo info) {
		return message(info) + "\n\nRevision ID: " + info.id() + "\nRevises: "
				+ String.join(", ", info.downRevisions()) + "\nCreate Date: "
				+ ((info.createDate() != null) ? info.createDate() : "");
	}

	/** First paragraph of the docstring: the message. */
	static String doc(RevisionInfo info) {
		return message(info).split("\n\n", 2)[0];
	}

	private static String message(RevisionInfo info) {
		return (info.message() == null || info.message().isBlank()) ? "empty message" : info.message().strip();
	}

}
