package dev.migrate.graph;

/** The lower end of a range is not an ancestor of the upper end (Alembic's {@code RangeNotAncestorError}). */
public class RangeNotAncestorException extends RevisionException {

	private final String lower;

	private final String upper;

	public RangeNotAncestorException(String message, String lower, String upper, Throwable cause) {
		super(message, cause);
		this.lower = lower;
		this.upper = upper;
	}

	/** The lower end as given ({@code base} when empty). */
	public String getLower() {
		return this.lower;
	}

	/** The upper end as given ({@code base} when empty). */
	public String getUpper() {
		return this.upper;
	}

}
