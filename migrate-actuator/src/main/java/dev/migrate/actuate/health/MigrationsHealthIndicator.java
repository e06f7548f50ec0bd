package dev.migrate.actuate.health;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.autoconfigure.MigrateTenants;
import dev.migrate.command.Migrator;
import dev.migrate.command.Status;
import dev.migrate.command.TenantReport;
import dev.migrate.command.TenantResult;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of one migrated database: UP at head, a configurable status when revisions are pending
 * or when the database is ahead of the code, DOWN when the version table cannot be read. Details
 * list the current revisions and the heads.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrator migrator;

	private final String pendingStatus;

	private final String aheadStatus;

	private final MigrateTenants tenants;

	/**
	 * Creates an indicator.
	 * @param migrator the database's engine
	 * @param pendingStatus status when revisions are pending
	 * @param aheadStatus status when the version table holds revisions the code does not know
	 */
	public MigrationsHealthIndicator(Migrator migrator, String pendingStatus, String aheadStatus) {
		this(migrator, null, pendingStatus, aheadStatus);
	}

	/**
	 * Creates an indicator of a migration bean with tenants: UP when every tenant is at head, the
	 * ahead status when one holds unknown revisions, else the pending status when one has pending
	 * revisions, DOWN when one cannot be read. Details count the tenants and name at most ten of
	 * each kind not at head.
	 * @param migrator the database's engine
	 * @param tenants its tenants, or null
	 * @param pendingStatus status when revisions are pending
	 * @param aheadStatus status when the version table holds revisions the code does not know
	 */
	public MigrationsHealthIndicator(Migrator migrator, MigrateTenants tenants, String pendingStatus, String aheadStatus) {
		super("Cannot read the version table");
		this.migrator = migrator;
		this.tenants = tenants;
		this.pendingStatus = pendingStatus;
		this.aheadStatus = aheadStatus;
	}

	private static final int NAMED = 10;

	private void tenantsHealth(Health.Builder builder) {
		TenantReport report = this.tenants.status();
		List<String> failed = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		List<String> ahead = new ArrayList<>();
		for (TenantResult r : report.results()) {
			if (r.failed()) {
				failed.add(r.tenant());
			}
			else if (!r.status().unknown().isEmpty()) {
				ahead.add(r.tenant());
			}
			else if (!r.upToDate()) {
				pending.add(r.tenant());
			}
		}
		int total = report.results().size();
		builder.withDetail("heads", this.migrator.graph().heads())
			.withDetail("tenants", total)
			.withDetail("upToDate", total - failed.size() - pending.size() - ahead.size());
		if (!pending.isEmpty()) {
			builder.withDetail("pending", pending.size()).withDetail("pendingTenants", TenantReport.names(pending, NAMED));
		}
		if (!ahead.isEmpty()) {
			builder.withDetail("ahead", ahead.size()).withDetail("aheadTenants", TenantReport.names(ahead, NAMED));
		}
		if (!failed.isEmpty()) {
			builder.withDetail("failed", failed.size()).withDetail("failedTenants", TenantReport.names(failed, NAMED));
		}
		if (!failed.isEmpty()) {
			builder.down();
		}
		else if (!ahead.isEmpty()) {
			builder.status(this.aheadStatus);
		}
		else if (!pending.isEmpty()) {
			builder.status(this.pendingStatus);
		}
		else {
			builder.up();
		}
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.tenants != null) {
			tenantsHealth(builder);
			return;
		}
		Status status = this.migrator.status();
		builder.withDetail("current", status.current()).withDetail("heads", status.heads());
		if (!status.unknown().isEmpty()) {
			builder.status(this.aheadStatus).withDetail("unknown", status.unknown());
		}
		else if (!status.pending().isEmpty()) {
			builder.status(this.pendingStatus).withDetail("pending", status.pending());
		}
		else if (status.upToDate()) {
			builder.up();
		}
		else {
			builder.status(this.pendingStatus);
		}
	}

}
