package dev.migrate.cli;

import java.time.Duration;

import dev.migrate.ConfigurationException;
import dev.migrate.runtime.DdlTimeouts;

/** Reads {@code lock-timeout-ddl}, {@code statement-timeout}, {@code lock-retries} and {@code lock-retry-backoff}. */
final class SafetySettings {

	private SafetySettings() {
	}

	static DdlTimeouts timeouts(Settings settings) {
		Duration lock = duration(settings, "lock-timeout-ddl");
		Duration statement = duration(settings, "statement-timeout");
		Duration backoff = duration(settings, "lock-retry-backoff");
		String retries = settings.get("lock-retries");
		int n = 0;
		if (retries != null) {
			try {
				n = Integer.parseInt(retries.strip());
			}
			catch (NumberFormatException ex) {
				throw new ConfigurationException("Invalid lock-retries '" + retries + "' (" + settings.origin("lock-retries")
						+ "): use a whole number");
			}
		}
		try {
			return new DdlTimeouts(lock, statement, n, (backoff != null) ? backoff : DdlTimeouts.NONE.retryBackoff());
		}
		catch (ConfigurationException ex) {
			throw new ConfigurationException(ex.getMessage() + " (see migrate.properties, MIGRATE_* or the global options)");
		}
	}

	private static Duration duration(Settings settings, String key) {
		String value = settings.get(key);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return DdlTimeouts.parse(value, key);
		}
		catch (ConfigurationException ex) {
			throw new ConfigurationException(ex.getMessage() + " (" + settings.origin(key) + ")");
		}
	}

}
