package dev.migrate.runtime;

import dev.migrate.MigrateException;

/** The migration lock was not acquired within the configured lock timeout. */
public class LockTimeoutException extends MigrateException {

	public LockTimeoutException(String message) {
		super(message);
	}

}
