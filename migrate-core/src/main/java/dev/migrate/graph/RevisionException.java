package dev.migrate.graph;

import dev.migrate.MigrateException;

/**
 * Base of every revision-graph error (Alembic's {@code RevisionError}); also used as-is for the
 * plain ones such as {@code Ambiguous walk} or {@code Walked too far}.
 */
public class RevisionException extends MigrateException {

	public RevisionException(String message) {
		super(message);
	}

	public RevisionException(String message, Throwable cause) {
		super(message, cause);
	}

}
