package dev.migrate.actuate.health;

import dev.migrate.command.Migrator;
import dev.migrate.command.Status;

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

	/**
	 * Creates an indicator.
	 * @param migrator the database's engine
	 * @param pendingStatus status when revisions are pending
	 * @param aheadStatus status when the version table holds revisions the code does not know
	 */
	public MigrationsHealthIndicator(Migrator migrator, String pendingStatus, String aheadStatus) {
		super("Cannot read the version table");
		this.migrator = migrator;
		this.pendingStatus = pendingStatus;
		this.aheadStatus = aheadStatus;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
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
