package dev.migrate.graph;

/** A down revision or dependency names a revision that is not present. */
public class MissingRevisionException extends RevisionException {

	private final String revision;

	private final String referencedFrom;

	public MissingRevisionException(String revision, String referencedFrom) {
		super("Revision " + revision + " referenced from " + referencedFrom + " is not present");
		this.revision = revision;
		this.referencedFrom = referencedFrom;
	}

	/** The missing id. */
	public String getRevision() {
		return this.revision;
	}

	/** The revision that references it. */
	public String getReferencedFrom() {
		return this.referencedFrom;
	}

}
