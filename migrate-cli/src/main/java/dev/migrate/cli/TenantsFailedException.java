package dev.migrate.cli;

import dev.migrate.MigrateException;

/** A command run with {@code --schemas} failed for at least one tenant (exit code 1). */
final class TenantsFailedException extends MigrateException {

	TenantsFailedException(String message) {
		super(message);
	}

}
