package dev.migrate.command;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a {@link TenantMigrator} run: one result per tenant, in the order the tenants
 * were given, whatever order they ran in.
 *
 * @param command what ran: {@code upgrade}, {@code downgrade}, {@code stamp} or {@code status}
 * @param results every tenant's result
 * @param duration the run's wall-clock time
 */
public record TenantReport(String command, List<TenantResult> results, Duration duration) {

	public TenantReport {
		results = List.copyOf(results);
	}

	/** The tenants that failed. */
	public List<TenantResult> failed() {
		return this.results.stream().filter(TenantResult::failed).toList();
	}

	/** Whether every tenant succeeded. */
	public boolean ok() {
		return this.results.stream().noneMatch(TenantResult::failed);
	}

	/** One tenant's result by name, or null. */
	public TenantResult result(String tenant) {
		return this.results.stream().filter((r) -> r.tenant().equals(tenant)).findFirst().orElse(null);
	}

	/**
	 * One line: {@code 50 tenants: 49 ok, 1 failed (t_13)}; at most ten failed tenants are named,
	 * then {@code ... and N more}.
	 */
	public String summary() {
		List<TenantResult> failed = failed();
		StringBuilder sb = new StringBuilder().append(this.results.size())
			.append(this.results.size() == 1 ? " tenant: " : " tenants: ")
			.append(this.results.size() - failed.size())
			.append(" ok, ")
			.append(failed.size())
			.append(" failed");
		if (!failed.isEmpty()) {
			sb.append(" (").append(names(failed.stream().map(TenantResult::tenant).toList(), 10)).append(')');
		}
		return sb.append(" in ").append(this.duration.toMillis()).append(" ms").toString();
	}

	/** At most {@code max} names, comma-separated, then {@code ... and N more}. */
	public static String names(List<String> names, int max) {
		if (names.size() <= max) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, max)) + " ... and " + (names.size() - max) + " more";
	}

}
