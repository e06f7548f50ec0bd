package dev.migrate.graph;

/** Two revisions share one id. */
public class DuplicateRevisionException extends RevisionException {

	private final String revision;

	public DuplicateRevisionException(String revision) {
		super("Revision " + revision + " is present more than once");
		this.revision = revision;
	}

	public String getRevision() {
		return this.revision;
	}

}
