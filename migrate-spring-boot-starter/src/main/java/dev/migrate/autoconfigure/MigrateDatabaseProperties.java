package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.autoconfigure.MigrateProperties.Drift;
import dev.migrate.autoconfigure.MigrateProperties.Mode;
import dev.migrate.command.MigrateConfig;

import org.springframework.boot.convert.DurationUnit;

/**
 * The settings of one migrated database, shared by the primary {@code migrate.*} settings and each
 * {@code migrate.instances.<name>.*}. The defaults are the primary's; an {@link MigrateProperties.Instance}
 * starts with them unset so that it takes the primary's values.
 */
public abstract class MigrateDatabaseProperties {

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
	 * How long to wait for the migration lock held by another instance. Seconds when no unit is
	 * given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockTimeout = MigrateConfig.DEFAULT_LOCK_TIMEOUT;

	/**
	 * Lease of the lock row on databases without a session lock (H2, SQLite): the holder renews
	 * it while it runs, and an instance that died holds the lock this long at most. Seconds when
	 * no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockLease = MigrateConfig.DEFAULT_LOCK_LEASE;

	/**
	 * How often the holder renews its lease on the lock row. A third of the lease when not set.
	 * Seconds when no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration lockRenewInterval;

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
	 * Revision to stamp when the schema already has tables but no version table (a database
	 * built before Migrate), before upgrading from there. "base" applies every revision anyway.
	 * Such a schema fails startup when neither this nor baseline-on-migrate is set.
	 */
	private String baselineRevision;

	/**
	 * Whether to stamp the base revision when the schema already has tables but no version table
	 * (Flyway's baseline-on-migrate), unless baseline-revision names another.
	 */
	private Boolean baselineOnMigrate = false;

	/**
	 * Maximum number of retries when the database does not accept a connection yet (it starts
	 * after the service).
	 */
	private Integer connectRetries = 0;

	/**
	 * Longest wait between two connection attempts; the wait starts at one second and doubles.
	 * Seconds when no unit is given.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetriesInterval = Duration.ofSeconds(120);

	/**
	 * SQL statements run on every migration connection as soon as it is opened, such as
	 * SET ROLE. The application's pool is never given them: the starter then migrates through
	 * connections of its own.
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * Whether to create the version table's schema (migrate.schema) when it does not exist.
	 */
	private Boolean createSchemas = true;

	/**
	 * Whether boot fails when an applied revision was edited after it was applied (its checksum
	 * changed), in upgrade and validate mode; 'migrate repair' accepts a deliberate edit. Unset:
	 * true (an instance: the primary's value).
	 */
	private Boolean validateChecksums;

	/**
	 * Arguments revisions read, as "-x key=value" on the command line: Java revisions through
	 * op.context().arguments(), SQL revisions as ${key} when placeholders are enabled.
	 */
	private Map<String, String> arguments = new LinkedHashMap<>();

	/**
	 * Placeholder replacement in SQL revisions.
	 */
	private final Placeholders placeholders = new Placeholders();

	/**
	 * Comma-separated list of schemas the drift check compares with the models; model tables
	 * without a schema belong to the first. The version table's schema when not set.
	 */
	private List<String> driftIncludeSchemas = new ArrayList<>();

	/**
	 * Comma-separated list of table name patterns ('*' any characters, '?' one, case-insensitive)
	 * the drift check leaves alone: tables the application does not own.
	 */
	private List<String> driftExcludeTables = new ArrayList<>();

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

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getLockLease() {
		return this.lockLease;
	}

	public void setLockLease(Duration lockLease) {
		this.lockLease = lockLease;
	}

	public Duration getLockRenewInterval() {
		return this.lockRenewInterval;
	}

	public void setLockRenewInterval(Duration lockRenewInterval) {
		this.lockRenewInterval = lockRenewInterval;
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

	public String getBaselineRevision() {
		return this.baselineRevision;
	}

	public void setBaselineRevision(String baselineRevision) {
		this.baselineRevision = baselineRevision;
	}

	public Boolean getBaselineOnMigrate() {
		return this.baselineOnMigrate;
	}

	public void setBaselineOnMigrate(Boolean baselineOnMigrate) {
		this.baselineOnMigrate = baselineOnMigrate;
	}

	public Integer getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(Integer connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public Boolean getCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(Boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public Boolean getValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(Boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public Map<String, String> getArguments() {
		return this.arguments;
	}

	public void setArguments(Map<String, String> arguments) {
		this.arguments = arguments;
	}

	public Placeholders getPlaceholders() {
		return this.placeholders;
	}

	public List<String> getDriftIncludeSchemas() {
		return this.driftIncludeSchemas;
	}

	public void setDriftIncludeSchemas(List<String> driftIncludeSchemas) {
		this.driftIncludeSchemas = driftIncludeSchemas;
	}

	public List<String> getDriftExcludeTables() {
		return this.driftExcludeTables;
	}

	public void setDriftExcludeTables(List<String> driftExcludeTables) {
		this.driftExcludeTables = driftExcludeTables;
	}

	/** {@code ${key}} placeholders in SQL revisions. */
	public static class Placeholders {

		/**
		 * Whether ${key} in SQL revisions is replaced with migrate.arguments.key; an unknown key
		 * then fails startup naming the file. Default false.
		 */
		private Boolean enabled;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

	}

}
