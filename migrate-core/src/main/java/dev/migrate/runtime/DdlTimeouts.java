package dev.migrate.runtime;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.ConfigurationException;

/**
 * How long a revision's statements may wait for table locks and run, and how often a revision
 * whose lock wait timed out is rolled back and tried again.
 *
 * <p>On PostgreSQL each revision's transaction starts with {@code SET LOCAL lock_timeout} and
 * {@code SET LOCAL statement_timeout}; on MySQL/MariaDB the session's {@code lock_wait_timeout}
 * (and {@code innodb_lock_wait_timeout}) are set for the revision. A DDL statement queued behind
 * a long transaction then gives up after {@code lockTimeout} instead of blocking every query
 * that arrives after it; the revision is rolled back and retried after {@code retryBackoff},
 * doubled each attempt, up to {@code lockRetries} times.
 *
 * @param lockTimeout the longest wait for a lock per statement, or null for the database's default (wait forever)
 * @param statementTimeout the longest run of one statement, or null for the database's default
 * @param lockRetries how many times a revision that timed out waiting for a lock is tried again (0: never)
 * @param retryBackoff the wait before the first retry; doubled for each next one
 */
public record DdlTimeouts(Duration lockTimeout, Duration statementTimeout, int lockRetries, Duration retryBackoff) {

	/** No timeouts, no retries: the database's defaults. */
	public static final DdlTimeouts NONE = new DdlTimeouts(null, null, 0, Duration.ofSeconds(1));

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

	public DdlTimeouts {
		if (lockTimeout != null && (lockTimeout.isNegative() || lockTimeout.isZero())) {
			throw new ConfigurationException("lock-timeout-ddl must be positive, got " + lockTimeout);
		}
		if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
			throw new ConfigurationException("statement-timeout must be positive, got " + statementTimeout);
		}
		if (lockRetries < 0) {
			throw new ConfigurationException("lock-retries must not be negative, got " + lockRetries);
		}
		if (retryBackoff == null || retryBackoff.isNegative()) {
			throw new ConfigurationException("lock-retry-backoff must not be negative, got " + retryBackoff);
		}
	}

	/** Whether any timeout is set. */
	public boolean any() {
		return this.lockTimeout != null || this.statementTimeout != null;
	}

	/** These settings with a revision's own timeouts (null: keep the configured one). */
	public DdlTimeouts forRevision(Duration revisionLockTimeout, Duration revisionStatementTimeout) {
		if (revisionLockTimeout == null && revisionStatementTimeout == null) {
			return this;
		}
		return new DdlTimeouts((revisionLockTimeout != null) ? revisionLockTimeout : this.lockTimeout,
				(revisionStatementTimeout != null) ? revisionStatementTimeout : this.statementTimeout, this.lockRetries,
				this.retryBackoff);
	}

	/** The wait before retry {@code attempt} (1 for the first retry): the back-off doubled each time, at most a minute more. */
	public Duration backoff(int attempt) {
		long millis = this.retryBackoff.toMillis();
		for (int k = 1; k < attempt && millis < 60_000; k++) {
			millis *= 2;
		}
		return Duration.ofMillis(Math.min(millis, Math.max(60_000, this.retryBackoff.toMillis())));
	}

	/**
	 * Parses {@code 5s}, {@code 500ms}, {@code 2m}, {@code 1h}, plain seconds ({@code 5}) or
	 * ISO-8601 ({@code PT5S}).
	 * @param what the setting, for the error message ({@code lock-timeout-ddl}, a file's header)
	 */
	public static Duration parse(String value, String what) {
		String v = value.strip().toLowerCase(Locale.ROOT);
		Matcher m = DURATION.matcher(v);
		if (m.matches()) {
			try {
				long n = Long.parseLong(m.group(1));
				String unit = (m.group(2) != null) ? m.group(2) : "s";
				return switch (unit) {
					case "ms" -> Duration.ofMillis(n);
					case "m" -> Duration.ofMinutes(n);
					case "h" -> Duration.ofHours(n);
					default -> Duration.ofSeconds(n);
				};
			}
			catch (NumberFormatException | ArithmeticException ex) {
				throw new ConfigurationException("Invalid " + what + " '" + value + "': too large");
			}
		}
		try {
			Duration parsed = Duration.parse(value.strip());
			if (parsed.isNegative()) {
				throw new ConfigurationException("Invalid " + what + " '" + value + "': must not be negative");
			}
			return parsed;
		}
		catch (java.time.format.DateTimeParseException | ArithmeticException ex) {
			throw new ConfigurationException("Invalid " + what + " '" + value + "': use 500ms, 5s, 2m, 1h or ISO-8601 like PT5S");
		}
	}

}
