package dev.migrate.runtime;

import dev.migrate.MigrateException;

/** The migration lock was not acquired within the configured lock timeout. */
public class LockTimeoutException extends MigrateException {

	private final LockInfo holder;

	public LockTimeoutException(String message) {
		this(message, null);
	}

	public LockTimeoutException(String message, LockInfo holder) {
		super(message);
		this.holder = holder;
	}

	/** Who held the lock when the wait gave up, where the database can tell; else null. */
	public LockInfo holder() {
		return this.holder;
	}

}
