package dev.migrate.graph;

/** An identifier resolves to no revision or branch (Alembic's {@code ResolutionError}). */
public class UnknownRevisionException extends RevisionException {

	private final String argument;

	public UnknownRevisionException(String message, String argument) {
		this(message, argument, null);
	}

	public UnknownRevisionException(String message, String argument, Throwable cause) {
		super(message, cause);
		this.argument = argument;
	}

	/** The part of the identifier that could not be resolved. */
	public String getArgument() {
		return this.argument;
	}

}
