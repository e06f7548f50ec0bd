package dev.migrate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrate.autogenerate.DriftExtras;

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
	 * What the drift check does with tables, primary keys, indexes and constraints only the
	 * database has: report (log them, never fail), ignore, or fail (differences like any other).
	 */
	private DriftExtras driftExtras = DriftExtras.REPORT;

	/**
	 * Whether each revision runs in its own transaction.
	 */
	private boolean transactionPerMigration = true;

	/**
	 * Whether pending revisions are linted before any runs (migrate lint): ignore, warn (log the
	 * findings) or fail (refuse to start on an error-level finding).
	 */
	private Lint lint = Lint.WARN;

	/**
	 * Lint rule ids switched off for the project.
	 */
	private java.util.List<String> lintDisabledRules = new java.util.ArrayList<>();

	/**
	 * Longest wait of a revision's statements for a table lock (unset: the database's default).
	 */
	private java.time.Duration lockTimeoutDdl;

	/**
	 * Longest run of one statement of a revision (unset: the database's default).
	 */
	private java.time.Duration statementTimeout;

	/**
	 * How often a revision whose lock wait timed out is rolled back and tried again.
	 */
	private int lockRetries = 0;

	/**
	 * Wait before the first retry of a revision whose lock wait timed out; doubled each time.
	 */
	private java.time.Duration lockRetryBackoff = java.time.Duration.ofSeconds(1);

	/**
	 * Further databases, each migrated by its own bean, keyed by instance name.
	 */
	private Map<String, Instance> instances = new LinkedHashMap<>();

	/**
	 * Many tenants of the primary database: schemas, parallelism, what a failed tenant does.
	 */
	@org.springframework.boot.context.properties.NestedConfigurationProperty
	private final Tenants tenants = new Tenants();

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

	public DriftExtras getDriftExtras() {
		return this.driftExtras;
	}

	public void setDriftExtras(DriftExtras driftExtras) {
		this.driftExtras = driftExtras;
	}

	public boolean isTransactionPerMigration() {
		return this.transactionPerMigration;
	}

	public void setTransactionPerMigration(boolean transactionPerMigration) {
		this.transactionPerMigration = transactionPerMigration;
	}

	public Lint getLint() {
		return this.lint;
	}

	public void setLint(Lint lint) {
		this.lint = lint;
	}

	public java.util.List<String> getLintDisabledRules() {
		return this.lintDisabledRules;
	}

	public void setLintDisabledRules(java.util.List<String> lintDisabledRules) {
		this.lintDisabledRules = lintDisabledRules;
	}

	public java.time.Duration getLockTimeoutDdl() {
		return this.lockTimeoutDdl;
	}

	public void setLockTimeoutDdl(java.time.Duration lockTimeoutDdl) {
		this.lockTimeoutDdl = lockTimeoutDdl;
	}

	public java.time.Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(java.time.Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public java.time.Duration getLockRetryBackoff() {
		return this.lockRetryBackoff;
	}

	public void setLockRetryBackoff(java.time.Duration lockRetryBackoff) {
		this.lockRetryBackoff = lockRetryBackoff;
	}

	public Tenants getTenants() {
		return this.tenants;
	}

	public Map<String, Instance> getInstances() {
		return this.instances;
	}

	public void setInstances(Map<String, Instance> instances) {
		this.instances = instances;
	}

	/**
	 * Many tenants ({@code migrate.tenants.*}): the primary database's revisions run in each tenant
	 * schema instead of the connection's default schema.
	 */
	public static class Tenants {

		/**
		 * Tenant schemas of the primary DataSource; each gets its own version table and lock. A
		 * MigrateTenantSource bean replaces this list.
		 */
		private java.util.List<String> schemas = new java.util.ArrayList<>();

		/**
		 * How many tenants are migrated at once, each with its own connections (the pool must allow
		 * as many).
		 */
		private int parallelism = dev.migrate.command.TenantMigrator.DEFAULT_PARALLELISM;

		/**
		 * What a tenant that fails on boot does: fail the startup (after every other tenant ran), or
		 * log it and continue (health then reports it).
		 */
		private OnFailure onFailure = OnFailure.FAIL;

		public java.util.List<String> getSchemas() {
			return this.schemas;
		}

		public void setSchemas(java.util.List<String> schemas) {
			this.schemas = schemas;
		}

		public int getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(int parallelism) {
			this.parallelism = parallelism;
		}

		public OnFailure getOnFailure() {
			return this.onFailure;
		}

		public void setOnFailure(OnFailure onFailure) {
			this.onFailure = onFailure;
		}

	}

	/** What a tenant failing on boot does ({@code migrate.tenants.on-failure}). */
	public enum OnFailure {

		/** Fail startup, naming the failed tenants, once every tenant ran. */
		FAIL,

		/** Log the failed tenants as errors and start. */
		CONTINUE

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

	/** What the starter does with lint findings of the pending revisions before it upgrades. */
	public enum Lint {

		/** Do not lint. */
		IGNORE,

		/** Log each finding as a warning and go on. */
		WARN,

		/** Refuse to start on an error-level finding, listing the findings. */
		FAIL

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
		 * What the drift check does with what only the database has (unset: migrate.drift-extras).
		 */
		private DriftExtras driftExtras;

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

		public DriftExtras getDriftExtras() {
			return this.driftExtras;
		}

		public void setDriftExtras(DriftExtras driftExtras) {
			this.driftExtras = driftExtras;
		}

		public Boolean getTransactionPerMigration() {
			return this.transactionPerMigration;
		}

		public void setTransactionPerMigration(Boolean transactionPerMigration) {
			this.transactionPerMigration = transactionPerMigration;
		}

	}

}
