package dev.migrate.actuate.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Statuses of the {@code migrations} health contributor ({@code migrate.health.*}).
 */
@ConfigurationProperties("migrate.health")
public class MigrationsHealthProperties {

	/**
	 * Health status when revisions are pending (the code is ahead of the database).
	 */
	private String pendingStatus = "OUT_OF_SERVICE";

	/**
	 * Health status when the version table holds revisions the code does not know (the database
	 * is ahead of the code, as after rolling back a deployment).
	 */
	private String aheadStatus = "UNKNOWN";

	public String getPendingStatus() {
		return this.pendingStatus;
	}

	public void setPendingStatus(String pendingStatus) {
		this.pendingStatus = pendingStatus;
	}

	public String getAheadStatus() {
		return this.aheadStatus;
	}

	public void setAheadStatus(String aheadStatus) {
		this.aheadStatus = aheadStatus;
	}

}
