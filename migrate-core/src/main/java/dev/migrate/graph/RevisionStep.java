package dev.migrate.graph;

import java.util.List;

/** Running one revision's upgrade or downgrade. */
public record RevisionStep(RevisionNode revision, boolean upgrade) implements Step {

	@Override
	public List<String> fromRevisions() {
		return this.upgrade ? this.revision.downRevisions() : List.of(this.revision.id());
	}

	@Override
	public List<String> toRevisions() {
		return this.upgrade ? List.of(this.revision.id()) : this.revision.downRevisions();
	}

	/** {@code up:<id>} or {@code down:<id>}, the notation of the conformance cases. */
	@Override
	public String toString() {
		return (this.upgrade ? "up:" : "down:") + this.revision.id();
	}

}
