package dev.migrate.autoconfigure;

import dev.migrate.MigrateException;
import dev.migrate.command.TenantReport;
import dev.migrate.command.TenantResult;

/** Tenants failed on boot with {@code migrate.tenants.on-failure=fail} (or were not at head with {@code mode=validate}). */
public class MigrateTenantsException extends MigrateException {

	private final transient TenantReport report;

	public MigrateTenantsException(String what, TenantReport report, java.util.List<TenantResult> failed) {
		super(message(what, report, failed));
		this.report = report;
	}

	private static String message(String what, TenantReport report, java.util.List<TenantResult> failed) {
		StringBuilder sb = new StringBuilder().append(failed.size())
			.append(" of ")
			.append(report.results().size())
			.append(" tenants ")
			.append(what)
			.append(": ");
		int shown = 0;
		for (TenantResult r : failed) {
			if (shown == 10) {
				sb.append("; ... and ").append(failed.size() - 10).append(" more");
				break;
			}
			sb.append((shown++ > 0) ? "; " : "").append(r.tenant()).append(": ").append(
					(r.error() != null) ? r.error() : "pending " + String.join(",", r.status().pending()));
		}
		return sb.toString();
	}

	/** Every tenant's outcome. */
	public TenantReport getReport() {
		return this.report;
	}

}
