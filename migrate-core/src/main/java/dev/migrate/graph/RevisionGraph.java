package dev.migrate.graph;

import java.util.Collection;
import java.util.List;

/**
 * The revision graph with Alembic's semantics (RevisionMap + ScriptDirectory traversal).
 * CONTRACT STUB — implemented by the graph work; signatures are fixed.
 */
public final class RevisionGraph {

	private RevisionGraph() {
	}

	/**
	 * Builds and validates the graph. {@code revisions} are in load order (the tie-breaker of the
	 * topological sort). Throws on duplicate ids, missing down revisions or dependencies, cycles,
	 * duplicate branch labels.
	 */
	public static RevisionGraph of(List<RevisionNode> revisions) {
		throw new UnsupportedOperationException("graph not implemented yet");
	}

	/** All revisions in load order. */
	public List<RevisionNode> revisions() {
		throw new UnsupportedOperationException();
	}

	/** The revision with exactly this id, or null. */
	public RevisionNode get(String id) {
		throw new UnsupportedOperationException();
	}

	/** Head ids (revisions with no versioned children), in load order. */
	public List<String> heads() {
		throw new UnsupportedOperationException();
	}

	/** Base ids, in load order. */
	public List<String> bases() {
		throw new UnsupportedOperationException();
	}

	/** Resolves an identifier as Alembic's get_revisions: id, prefix, label, head(s), base, label@head, relative. */
	public List<RevisionNode> resolve(String identifier) {
		throw new UnsupportedOperationException();
	}

	/** Upgrade plan from the current version rows to {@code target}, in execution order. */
	public List<RevisionStep> upgradePlan(Collection<String> currentHeads, String target) {
		throw new UnsupportedOperationException();
	}

	/** Downgrade plan; {@code currentHeads} in database row order (matters for ambiguous -1). */
	public List<RevisionStep> downgradePlan(List<String> currentHeads, String target) {
		throw new UnsupportedOperationException();
	}

	/** Stamp plan (Alembic's _stamp_revs) for one or more destinations. */
	public List<StampStep> stampPlan(List<String> currentHeads, List<String> destinations) {
		throw new UnsupportedOperationException();
	}

	/** Alembic's iterate_revisions, top-down (newest first). */
	public List<RevisionNode> iterate(String upper, String lower, boolean inclusive, boolean implicitBase,
			boolean selectForDowngrade) {
		throw new UnsupportedOperationException();
	}

	/** Every revision, newest first, as {@code alembic history} lists them. */
	public List<RevisionNode> walkTopDown() {
		throw new UnsupportedOperationException();
	}

	public boolean isBranchPoint(String id) {
		throw new UnsupportedOperationException();
	}

	/** Versioned children of a revision. */
	public List<String> children(String id) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Applies a step to a set of version rows, as Alembic's HeadMaintainer: returns the row
	 * changes to make, in order. {@code heads} is updated in place.
	 */
	public List<VersionChange> applyToHeads(List<String> heads, Step step) {
		throw new UnsupportedOperationException();
	}

}
