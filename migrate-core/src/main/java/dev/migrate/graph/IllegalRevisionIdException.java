package dev.migrate.graph;

/** A revision id is empty or contains one of {@code @ - + :}. */
public class IllegalRevisionIdException extends RevisionException {

	private final String revision;

	public IllegalRevisionIdException(String message, String revision) {
		super(message);
		this.revision = revision;
	}

	public String getRevision() {
		return this.revision;
	}

}
