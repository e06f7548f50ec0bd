package dev.migrate.command;

import java.time.Duration;
import java.util.List;

/**
 * What one tenant's part of a {@link TenantMigrator} run did.
 *
 * @param tenant the tenant's name
 * @param from version rows before (empty: base), or null when they could not be read
 * @param to version rows after: where a failed tenant was left (its last good revision), or null
 * when they could not be read
 * @param steps the steps that ran and committed, in order
 * @param status for a status run: current, heads, pending and unknown rows; otherwise null
 * @param duration how long the tenant took
 * @param error the failure as one line, or null when the tenant succeeded
 * @param failure the exception, or null
 */
public record TenantResult(String tenant, List<String> from, List<String> to, List<StepResult> steps, Status status,
		Duration duration, String error, Throwable failure) {

	public TenantResult {
		from = (from != null) ? List.copyOf(from) : null;
		to = (to != null) ? List.copyOf(to) : null;
		steps = List.copyOf(steps);
	}

	public boolean failed() {
		return this.error != null;
	}

	/** For a status run: whether the tenant is at the heads with no unknown rows. */
	public boolean upToDate() {
		return this.status != null && this.status.upToDate();
	}

}
