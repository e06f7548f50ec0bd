package dev.migrate.graph;

/** A branch label is declared twice, or equals a revision id. */
public class DuplicateBranchLabelException extends RevisionException {

	private final String label;

	private final String revision;

	private final String usedBy;

	public DuplicateBranchLabelException(String label, String revision, String usedBy) {
		super("Branch name '" + label + "' in revision " + revision + " already used by revision " + usedBy);
		this.label = label;
		this.revision = revision;
		this.usedBy = usedBy;
	}

	public String getLabel() {
		return this.label;
	}

	public String getRevision() {
		return this.revision;
	}

	/** The revision that already has the name. */
	public String getUsedBy() {
		return this.usedBy;
	}

}
