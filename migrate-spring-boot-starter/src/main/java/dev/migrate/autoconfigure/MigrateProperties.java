package dev.migrate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Migrate ({@code migrate.*}): the primary database, and named
 * further databases under {@code migrate.instances.<name>.*}.
 */
@ConfigurationProperties("migrate")
public class MigrateProperties extends MigrateDatabaseProperties {

	/**
	 * Whether to enable Migrate.
	 */
	private boolean enabled = true;

	/**
	 * Whether the drift check compares column types.
	 */
	private boolean compareType = true;

	/**
	 * Whether the drift check compares server defaults.
	 */
	private boolean compareServerDefault = false;

	/**
	 * Whether each revision runs in its own transaction.
	 */
	private boolean transactionPerMigration = true;

	/**
	 * Further databases, each migrated by its own bean, keyed by instance name.
	 */
	private Map<String, Instance> instances = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isCompareType() {
		return this.compareType;
	}

	public void setCompareType(boolean compareType) {
		this.compareType = compareType;
	}

	public boolean isCompareServerDefault() {
		return this.compareServerDefault;
	}

	public void setCompareServerDefault(boolean compareServerDefault) {
		this.compareServerDefault = compareServerDefault;
	}

	public boolean isTransactionPerMigration() {
		return this.transactionPerMigration;
	}

	public void setTransactionPerMigration(boolean transactionPerMigration) {
		this.transactionPerMigration = transactionPerMigration;
	}

	public Map<String, Instance> getInstances() {
		return this.instances;
	}

	public void setInstances(Map<String, Instance> instances) {
		this.instances = instances;
	}

	/** What the starter does on boot. */
	public enum Mode {

		/** Upgrade to {@code migrate.target} under the migration lock. */
		UPGRADE,

		/** Fail startup unless the database is at head (another job migrates). */
		VALIDATE,

		/** Do nothing. */
		NONE

	}

	/** What the drift check does when models and database differ. */
	public enum Drift {

		/** Skip the drift check. */
		IGNORE,

		/** Log a warning listing the differences. */
		WARN,

		/** Fail startup, listing the differences. */
		FAIL

	}

	/**
	 * A further database. Unset values are taken from the primary {@code migrate.*} settings,
	 * except the connection and the locations (default {@code classpath:db/migrations-<name>}).
	 */
	public static class Instance extends MigrateDatabaseProperties {

		/**
		 * Whether to migrate this database.
		 */
		private boolean enabled = true;

		/**
		 * Order in which instances run at boot, lowest first; ties run by name. The primary
		 * database always runs first.
		 */
		private int order = 0;

		/**
		 * Name of a DataSource bean to migrate instead of a url.
		 */
		private String dataSource;

		/**
		 * Whether the drift check compares column types.
		 */
		private Boolean compareType;

		/**
		 * Whether the drift check compares server defaults.
		 */
		private Boolean compareServerDefault;

		/**
		 * Whether each revision runs in its own transaction.
		 */
		private Boolean transactionPerMigration;

		/** An instance with nothing set: unset values are taken from the primary settings. */
		public Instance() {
			setTarget(null);
			setLocations(null);
			setVersionTable(null);
			setMode(null);
			setDrift(null);
			setModelPackages(null);
			setLockTimeout(null);
			setBaselineOnMigrate(null);
			setConnectRetries(null);
			setConnectRetriesInterval(null);
			setInitSqls(null);
			setCreateSchemas(null);
			setDriftIncludeSchemas(null);
			setDriftExcludeTables(null);
			setLockLease(null);
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getOrder() {
			return this.order;
		}

		public void setOrder(int order) {
			this.order = order;
		}

		public String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(String dataSource) {
			this.dataSource = dataSource;
		}

		public Boolean getCompareType() {
			return this.compareType;
		}

		public void setCompareType(Boolean compareType) {
			this.compareType = compareType;
		}

		public Boolean getCompareServerDefault() {
			return this.compareServerDefault;
		}

		public void setCompareServerDefault(Boolean compareServerDefault) {
			this.compareServerDefault = compareServerDefault;
		}

		public Boolean getTransactionPerMigration() {
			return this.transactionPerMigration;
		}

		public void setTransactionPerMigration(Boolean transactionPerMigration) {
			this.transactionPerMigration = transactionPerMigration;
		}

	}

}
