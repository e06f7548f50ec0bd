package dev.migrate.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The graph's working copy of one revision (Alembic's {@code Revision} after the map is built):
 * resolved and normalized dependencies, children, effective branch labels. Identity is the object.
 */
final class Rev {

	/** Alembic's {@code "base"} marker that {@code _walk} returns below a base. */
	static final Rev BASE = new Rev();

	static final Rev[] NONE = new Rev[0];

	final String id;

	/** Position in load order. */
	final int index;

	final RevisionNode node;

	/** {@code down_revision}, as declared. */
	final List<String> down;

	/** {@code _resolved_dependencies}: declared dependencies resolved to revision ids. */
	List<String> resolvedDeps = List.of();

	/** {@code _normalized_resolved_dependencies}: those no versioned ancestor already depends on. */
	List<String> normalizedDeps = List.of();

	/** {@code _normalized_down_revisions}: down revisions plus normalized dependencies. */
	List<String> normalizedDown = List.of();

	Rev[] downRevs = NONE;

	Rev[] allDownRevs = NONE;

	Rev[] normalizedDownRevs = NONE;

	/** {@code nextrev}: children by down revision, in load order. */
	Rev[] nextrev = NONE;

	/** {@code _all_nextrev}: children by down revision or dependency, in load order. */
	Rev[] allNextrev = NONE;

	final List<Rev> nextrevBuild = new ArrayList<>(2);

	final List<Rev> allNextrevBuild = new ArrayList<>(2);

	/** Declared labels (sorted, for a stable key order). */
	final List<String> declaredLabels;

	/** Effective labels after propagation ({@code branch_labels}). */
	final Set<String> branchLabels;

	private Rev() {
		this.id = "base";
		this.index = -1;
		this.node = null;
		this.down = List.of();
		this.declaredLabels = List.of();
		this.branchLabels = Set.of();
	}

	Rev(RevisionNode node, int index) {
		this.id = node.id();
		this.index = index;
		this.node = node;
		this.down = node.downRevisions();
		if (node.branchLabels().isEmpty()) {
			this.declaredLabels = List.of();
		}
		else {
			List<String> labels = new ArrayList<>(node.branchLabels());
			labels.sort(null);
			this.declaredLabels = List.copyOf(labels);
		}
		this.branchLabels = new LinkedHashSet<>(this.declaredLabels);
	}

	boolean isBase() {
		return this.down.isEmpty();
	}

	boolean isRealBase() {
		return this.down.isEmpty() && this.node.dependsOn().isEmpty();
	}

	boolean isMergePoint() {
		return this.down.size() > 1;
	}

	boolean isRealBranchPoint() {
		return this.allNextrev.length > 1;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
