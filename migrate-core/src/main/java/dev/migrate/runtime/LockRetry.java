package dev.migrate.runtime;

import java.sql.SQLException;
import java.time.Duration;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.script.MigrationScript;

/** The lock-timeout retry of {@link MigrationRunner}: recognising the timeout, the pause, the final message. */
final class LockRetry {

	/** The logger, created on first use: finding the logging backend scans the class path, which a start at head need not pay. */
	private static final class Log {

		static final System.Logger logger = System.getLogger(MigrationRunner.class.getName());

	}

	private LockRetry() {
	}

	/** The lock-timeout SQLException in the cause chain of {@code failure}, or null. */
	static SQLException lockTimeout(Throwable failure, Dialect dialect) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof SQLException sql && dialect.isLockTimeout(sql)) {
				return sql;
			}
		}
		return null;
	}

	/** Logs the attempt that timed out and waits the back-off before the next. */
	static void pause(MigrationScript script, DdlTimeouts timeouts, int retry, String statement, SQLException cause) {
		Duration wait = timeouts.backoff(retry);
		Log.logger.log(System.Logger.Level.WARNING, "Revision {0}: lock wait timed out{1} on: {2}; rolled back, retry {3} of {4} in {5} ms",
				script.id(), (timeouts.lockTimeout() != null) ? " after " + millis(timeouts.lockTimeout()) : "",
				StatementFailedException.abbreviate(String.valueOf(statement)), retry, timeouts.lockRetries(), wait.toMillis());
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while waiting to retry revision " + script.id(), ex);
		}
	}

	/** The failure after the last attempt: how often and how long it waited, and who holds the lock. */
	static MigrationFailedException failure(MigrationFailedException failure, DdlTimeouts timeouts, int attempts,
			boolean retryable, String holders) {
		StringBuilder message = new StringBuilder(failure.getMessage());
		message.append("; lock wait timed out");
		if (timeouts.lockTimeout() != null) {
			message.append(" after ").append(millis(timeouts.lockTimeout())).append(" (lock-timeout-ddl)");
		}
		message.append(" on ").append((attempts == 1) ? "the only attempt" : "each of " + attempts + " attempts");
		if (!retryable && timeouts.lockRetries() > 0) {
			message.append(" (not retried: statements of the revision had already run outside a transaction)");
		}
		else if (timeouts.lockRetries() == 0) {
			message.append(" (lock-retries 0)");
		}
		if (holders != null) {
			message.append("; ").append(holders);
		}
		String reason = failure.reason() + message.substring(failure.getMessage().length());
		return new MigrationFailedException(message.toString(), reason, failure.revision(), failure.source(), failure.statement(),
				failure.upgrade(), failure.lastGoodHeads(), failure.mayBeHalfApplied(), failure.getCause());
	}

	private static String millis(Duration d) {
		return (d.toMillis() % 1000 == 0) ? (d.toMillis() / 1000) + "s" : d.toMillis() + "ms";
	}

}
