package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.command.MigrateConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties for Migrate ({@code migrate.*}): the primary database, and named
 * further databases under {@code migrate.instances.<name>.*}.
 */
@ConfigurationProperties("migrate")
public class MigrateProperties {

	/**
	 * Whether to enable Migrate.
	 */
	private boolean enabled = true;

	/**
	 * Revision to upgrade to on boot: head, heads, a revision id, label@head, or a relative target.
	 */
	private String target = "head";

	/**
	 * Comma-separated list of revision locations (SQL files and Java classes), such as
	 * classpath:db/migrations or filesystem:/opt/app/migrations.
	 */
	private List<String> locations = new ArrayList<>(List.of(MigrateConfig.DEFAULT_LOCATION));

	/**
	 * Name of the version table.
	 */
	private String versionTable = MigrateConfig.DEFAULT_VERSION_TABLE;

	/**
	 * Schema of the version table. The connection's default schema when not set.
	 */
	private String schema;

	/**
	 * What to do on boot: upgrade to the target, validate that the database is at head, or
	 * nothing.
	 */
	private Mode mode = Mode.UPGRADE;

	/**
	 * Whether the drift check compares column types.
	 */
	private boolean compareType = true;

	/**
	 * Whether the drift check compares server defaults.
	 */
	private boolean compareServerDefault = false;

	/**
	 * What to do when the models and the database differ after boot: ignore, warn (log the
	 * differences) or fail startup.
	 */
	private Drift drift = Drift.WARN;

	/**
	 * Comma-separated list of packages holding the models (JPA entities or schema definitions)
	 * for the drift check. The application's entity scan packages, or else its
	 * auto-configuration packages, when not set.
	 */
	private List<String> modelPackages = new ArrayList<>();

	/**
	 * Whether each revision runs in its own transaction.
	 */
	private boolean transactionPerMigration = true;

	/**
	 * How long to wait for the migration lock held by another instance. Seconds when no unit is
	 * given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = MigrateConfig.DEFAULT_LOCK_TIMEOUT;

	/**
	 * Name of the append-only table recording every step run. No log when not set.
	 */
	private String logTable;

	/**
	 * JDBC URL of the database to migrate, for a connection other than the application's
	 * DataSource.
	 */
	private String url;

	/**
	 * Login user of the database to migrate. With no url, used against the application's
	 * database.
	 */
	private String user;

	/**
	 * Login password of the database to migrate.
	 */
	private String password;

	/**
	 * Fully qualified name of the JDBC driver. Auto-detected from the URL by default.
	 */
	private String driverClassName;

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

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
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

	public Drift getDrift() {
		return this.drift;
	}

	public void setDrift(Drift drift) {
		this.drift = drift;
	}

	public List<String> getModelPackages() {
		return this.modelPackages;
	}

	public void setModelPackages(List<String> modelPackages) {
		this.modelPackages = modelPackages;
	}

	public boolean isTransactionPerMigration() {
		return this.transactionPerMigration;
	}

	public void setTransactionPerMigration(boolean transactionPerMigration) {
		this.transactionPerMigration = transactionPerMigration;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public String getLogTable() {
		return this.logTable;
	}

	public void setLogTable(String logTable) {
		this.logTable = logTable;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getDriverClassName() {
		return this.driverClassName;
	}

	public void setDriverClassName(String driverClassName) {
		this.driverClassName = driverClassName;
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
	public static class Instance {

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
		 * JDBC URL of this database.
		 */
		private String url;

		/**
		 * Login user of this database.
		 */
		private String user;

		/**
		 * Login password of this database.
		 */
		private String password;

		/**
		 * Fully qualified name of the JDBC driver. Auto-detected from the URL by default.
		 */
		private String driverClassName;

		/**
		 * Name of a DataSource bean to migrate instead of a url.
		 */
		private String dataSource;

		/**
		 * Comma-separated list of revision locations of this database.
		 */
		private List<String> locations;

		/**
		 * Revision to upgrade to on boot.
		 */
		private String target;

		/**
		 * Name of the version table.
		 */
		private String versionTable;

		/**
		 * Schema of the version table.
		 */
		private String schema;

		/**
		 * What to do on boot.
		 */
		private Mode mode;

		/**
		 * Whether the drift check compares column types.
		 */
		private Boolean compareType;

		/**
		 * Whether the drift check compares server defaults.
		 */
		private Boolean compareServerDefault;

		/**
		 * What to do when the models and this database differ. Ignore unless model packages
		 * are set for this instance.
		 */
		private Drift drift;

		/**
		 * Comma-separated list of packages holding the models of this database.
		 */
		private List<String> modelPackages;

		/**
		 * Whether each revision runs in its own transaction.
		 */
		private Boolean transactionPerMigration;

		/**
		 * How long to wait for the migration lock. Seconds when no unit is given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration lockTimeout;

		/**
		 * Name of the append-only table recording every step run.
		 */
		private String logTable;

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

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getDriverClassName() {
			return this.driverClassName;
		}

		public void setDriverClassName(String driverClassName) {
			this.driverClassName = driverClassName;
		}

		public String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(String dataSource) {
			this.dataSource = dataSource;
		}

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public String getTarget() {
			return this.target;
		}

		public void setTarget(String target) {
			this.target = target;
		}

		public String getVersionTable() {
			return this.versionTable;
		}

		public void setVersionTable(String versionTable) {
			this.versionTable = versionTable;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

		public Mode getMode() {
			return this.mode;
		}

		public void setMode(Mode mode) {
			this.mode = mode;
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

		public Drift getDrift() {
			return this.drift;
		}

		public void setDrift(Drift drift) {
			this.drift = drift;
		}

		public List<String> getModelPackages() {
			return this.modelPackages;
		}

		public void setModelPackages(List<String> modelPackages) {
			this.modelPackages = modelPackages;
		}

		public Boolean getTransactionPerMigration() {
			return this.transactionPerMigration;
		}

		public void setTransactionPerMigration(Boolean transactionPerMigration) {
			this.transactionPerMigration = transactionPerMigration;
		}

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public String getLogTable() {
			return this.logTable;
		}

		public void setLogTable(String logTable) {
			this.logTable = logTable;
		}

	}

}
