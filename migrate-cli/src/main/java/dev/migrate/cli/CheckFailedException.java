package dev.migrate.cli;

import dev.migrate.MigrateException;

/** {@code migrate check} found the database not at head, or models and database differ (exit code 1). */
final class CheckFailedException extends MigrateException {

	CheckFailedException(String message) {
		super(message);
	}

}
