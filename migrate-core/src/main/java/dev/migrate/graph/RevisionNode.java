package dev.migrate.graph;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A node of the revision graph: id, down revisions, branch labels, dependencies. Pure data, no
 * files or JDBC; {@link RevisionGraph} derives everything else (heads, bases, children).
 */
public final class RevisionNode {

	private final String id;

	private final List<String> downRevisions;

	private final Set<String> branchLabels;

	private final List<String> dependsOn;

	public RevisionNode(String id, Collection<String> downRevisions, Collection<String> branchLabels,
			Collection<String> dependsOn) {
		this.id = Objects.requireNonNull(id, "revision id");
		this.downRevisions = distinct(downRevisions);
		this.branchLabels = branchLabels.isEmpty() ? Set.of() : Set.copyOf(branchLabels);
		this.dependsOn = distinct(dependsOn);
	}

	/** An immutable copy without repeats, in order (no set needed for the usual zero or one element). */
	private static List<String> distinct(Collection<String> values) {
		return (values.size() <= 1) ? List.copyOf(values) : List.copyOf(new LinkedHashSet<>(values));
	}

	public String id() {
		return this.id;
	}

	/** Versioned parents: empty for a base, several for a merge point. */
	public List<String> downRevisions() {
		return this.downRevisions;
	}

	/** Labels declared on this revision (not the ones it inherits). */
	public Set<String> branchLabels() {
		return this.branchLabels;
	}

	/** Dependencies as declared (ids, prefixes or branch labels). */
	public List<String> dependsOn() {
		return this.dependsOn;
	}

	public boolean isBase() {
		return this.downRevisions.isEmpty();
	}

	public boolean isMergePoint() {
		return this.downRevisions.size() > 1;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
