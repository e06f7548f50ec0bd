package dev.migrate.graph;

import java.util.List;

/** The down revisions or dependencies form a cycle or a self-loop. */
public class CycleDetectedException extends RevisionException {

	/** Which kind of cycle, worded as in the message. */
	public enum Kind {

		CYCLE("Cycle"), DEPENDENCY_CYCLE("Dependency cycle"), SELF_LOOP("Self-loop"),
		DEPENDENCY_SELF_LOOP("Dependency self-loop");

		private final String text;

		Kind(String text) {
			this.text = text;
		}

	}

	private final Kind kind;

	private final List<String> revisions;

	public CycleDetectedException(Kind kind, List<String> revisions) {
		super(kind.text + " is detected in revisions (" + String.join(", ", revisions) + ")");
		this.kind = kind;
		this.revisions = List.copyOf(revisions);
	}

	public Kind getKind() {
		return this.kind;
	}

	/** The revisions involved. */
	public List<String> getRevisions() {
		return this.revisions;
	}

}
