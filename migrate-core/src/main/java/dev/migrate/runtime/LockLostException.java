package dev.migrate.runtime;

import dev.migrate.MigrateException;

/** The run's lease on the migration lock was taken over by another runner (it was not renewed in time). */
public class LockLostException extends MigrateException {

	public LockLostException(String message) {
		super(message);
	}

}
