package dev.migrate.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.dialect.Dialect;

/**
 * Immutable engine configuration. Build with {@link #builder()}; {@link Builder#build()} validates
 * and names the option at fault.
 *
 * @param dataSource where to connect (null in offline mode)
 * @param dialect the dialect; null to detect it from the connection (online) — offline needs one
 * @param locations revision locations: {@code classpath:db/migrations} (SQL files and Java classes
 * in package {@code db.migrations}) or {@code filesystem:path} / a plain directory path
 * @param classLoader where classpath locations and Java revisions are loaded from
 * @param versionTable version table name (default {@code migrate_version})
 * @param schema schema of the version table, or null for the connection's default
 * @param transactionPerMigration one transaction per revision (default true); false runs all
 * revisions of one command in a single transaction where the dialect allows
 * @param lockTimeout how long to wait for the migration lock
 * @param logTable name of the append-only log of steps run, or null for none
 * @param arguments {@code -x key=value} arguments revisions can read
 * @param listeners notified before and after each step
 * @param baselineRevision what an upgrade stamps first when the schema already has tables but no
 * version table ({@code base}: nothing, every revision runs); null refuses such a schema
 * @param baselineOnMigrate with no {@code baselineRevision}, stamp the base revision in that case
 * @param createSchemas create the configured schema when it does not exist (default true)
 * @param placeholders replace {@code ${key}} in SQL revisions with the {@code arguments} (default
 * false); an unknown key fails when the revisions are loaded
 * @param lockLease lease length of the lock row (H2, SQLite): a runner that dies holds the lock
 * this long at most
 * @param lockRenewInterval how often the holder renews its lease (default a third of the lease)
 * @param ddlTimeouts lock and statement timeouts of each revision, lock-timeout retries ({@code lock-timeout-ddl},
 * {@code statement-timeout}, {@code lock-retries}, {@code lock-retry-backoff})
 * @param lintDisabledRules {@code migrate lint} rules switched off for the project ({@code lint-disabled-rules})
 * @param validateChecksums an upgrade refuses to run when an applied revision was edited since it
 * was applied (its checksum changed; default true, as Flyway's validateOnMigrate)
 */
public record MigrateConfig(DataSource dataSource, Dialect dialect, List<String> locations, ClassLoader classLoader,
		String versionTable, String schema, boolean transactionPerMigration, Duration lockTimeout, String logTable,
		Map<String, String> arguments, List<MigrationListener> listeners, String baselineRevision,
		boolean baselineOnMigrate, boolean createSchemas, boolean placeholders, Duration lockLease,
		Duration lockRenewInterval, dev.migrate.runtime.DdlTimeouts ddlTimeouts, java.util.Set<String> lintDisabledRules,
		boolean validateChecksums) {

	public static final String DEFAULT_VERSION_TABLE = "migrate_version";

	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	/** Default lease length of the lock row. */
	public static final Duration DEFAULT_LOCK_LEASE = dev.migrate.runtime.MigrationLock.DEFAULT_LEASE;

	public MigrateConfig {
		locations = List.copyOf(locations);
		arguments = Map.copyOf(arguments);
		listeners = List.copyOf(listeners);
		lockLease = (lockLease != null) ? lockLease : DEFAULT_LOCK_LEASE;
		lockRenewInterval = (lockRenewInterval != null) ? lockRenewInterval
				: dev.migrate.runtime.MigrationLock.Options.defaultRenewInterval(lockLease);
		ddlTimeouts = (ddlTimeouts != null) ? ddlTimeouts : dev.migrate.runtime.DdlTimeouts.NONE;
		lintDisabledRules = (lintDisabledRules != null) ? java.util.Set.copyOf(lintDisabledRules) : java.util.Set.of();
	}

	/** A configuration with the default lease that refuses an unversioned schema with tables. */
	public MigrateConfig(DataSource dataSource, Dialect dialect, List<String> locations, ClassLoader classLoader,
			String versionTable, String schema, boolean transactionPerMigration, Duration lockTimeout, String logTable,
			Map<String, String> arguments, List<MigrationListener> listeners) {
		this(dataSource, dialect, locations, classLoader, versionTable, schema, transactionPerMigration, lockTimeout,
				logTable, arguments, listeners, null, false, true, false, null, null, null, null, true);
	}

	/**
	 * The names (lower case) of the tables this configuration owns: version table, its lock-row
	 * table, log table ({@link dev.migrate.schema.OwnTables}); drift checks never report them.
	 */
	public java.util.Set<String> ownTables() {
		return dev.migrate.schema.OwnTables.names(this.versionTable, this.schema, this.logTable);
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.dataSource = this.dataSource;
		b.dialect = this.dialect;
		b.locations = new ArrayList<>(this.locations);
		b.classLoader = this.classLoader;
		b.versionTable = this.versionTable;
		b.schema = this.schema;
		b.transactionPerMigration = this.transactionPerMigration;
		b.lockTimeout = this.lockTimeout;
		b.logTable = this.logTable;
		b.arguments = new LinkedHashMap<>(this.arguments);
		b.listeners = new ArrayList<>(this.listeners);
		b.baselineRevision = this.baselineRevision;
		b.baselineOnMigrate = this.baselineOnMigrate;
		b.createSchemas = this.createSchemas;
		b.placeholders = this.placeholders;
		b.lockLease = this.lockLease;
		b.lockRenewInterval = this.lockRenewInterval;
		b.ddlTimeouts = this.ddlTimeouts;
		b.lintDisabledRules = new java.util.LinkedHashSet<>(this.lintDisabledRules);
		b.validateChecksums = this.validateChecksums;
		return b;
	}

	/** Builder; every setter returns this. */
	public static final class Builder {

		private DataSource dataSource;

		private Dialect dialect;

		private List<String> locations = new ArrayList<>(List.of(DEFAULT_LOCATION));

		private ClassLoader classLoader;

		private String versionTable = DEFAULT_VERSION_TABLE;

		private String schema;

		private boolean transactionPerMigration = true;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private String logTable;

		private Map<String, String> arguments = new LinkedHashMap<>();

		private List<MigrationListener> listeners = new ArrayList<>();

		private String baselineRevision;

		private boolean baselineOnMigrate;

		private boolean createSchemas = true;

		private boolean placeholders;
		private Duration lockLease;

		private Duration lockRenewInterval;

		private dev.migrate.runtime.DdlTimeouts ddlTimeouts = dev.migrate.runtime.DdlTimeouts.NONE;

		private java.util.Set<String> lintDisabledRules = new java.util.LinkedHashSet<>();

		private boolean validateChecksums = true;

		private Builder() {
		}

		/** Whether an upgrade refuses to run when an applied revision's checksum changed (default true). */
		public Builder validateChecksums(boolean validateChecksums) {
			this.validateChecksums = validateChecksums;
			return this;
		}

		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		public Builder dialect(Dialect dialect) {
			this.dialect = dialect;
			return this;
		}

		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		public Builder locations(List<String> locations) {
			this.locations = new ArrayList<>(locations);
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public Builder versionTable(String versionTable) {
			this.versionTable = versionTable;
			return this;
		}

		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		public Builder transactionPerMigration(boolean transactionPerMigration) {
			this.transactionPerMigration = transactionPerMigration;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		/** Lease length of the lock row (H2, SQLite); default {@link #DEFAULT_LOCK_LEASE}. */
		public Builder lockLease(Duration lockLease) {
			this.lockLease = lockLease;
			return this;
		}

		/** How often the holder renews its lease; default a third of the lease. */
		public Builder lockRenewInterval(Duration lockRenewInterval) {
			this.lockRenewInterval = lockRenewInterval;
			return this;
		}

		public Builder logTable(String logTable) {
			this.logTable = logTable;
			return this;
		}

		public Builder argument(String key, String value) {
			this.arguments.put(key, value);
			return this;
		}

		public Builder arguments(Map<String, String> arguments) {
			this.arguments = new LinkedHashMap<>(arguments);
			return this;
		}

		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
			return this;
		}

		/** What an upgrade stamps when the schema has tables but no version table; null (default) refuses it. */
		public Builder baselineRevision(String baselineRevision) {
			this.baselineRevision = (baselineRevision == null || baselineRevision.isBlank()) ? null
					: baselineRevision.strip();
			return this;
		}

		/** With no baseline revision, stamp the base revision on such a schema (Flyway's baselineOnMigrate). */
		public Builder baselineOnMigrate(boolean baselineOnMigrate) {
			this.baselineOnMigrate = baselineOnMigrate;
			return this;
		}

		/** Whether to create the configured schema when it does not exist. */
		public Builder createSchemas(boolean createSchemas) {
			this.createSchemas = createSchemas;
			return this;
		}

		/** Whether {@code ${key}} in SQL revisions is replaced with the arguments. */
		public Builder placeholders(boolean placeholders) {
			this.placeholders = placeholders;
			return this;
		}

		/**
		 * One rule for every identifier setting (schema, version table, log table, and so the lock
		 * table {@code <version table>_lock}): a letter or underscore, then letters, digits,
		 * underscores or {@code $}, at most 63 characters (PostgreSQL's limit, less than MySQL's).
		 */
		private static void checkIdentifier(String what, String key, String value) {
			if (value == null || !value.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
				throw new ConfigurationException("Invalid " + what + " name '" + value + "' (" + key
						+ "): use letters, digits and underscores, starting with a letter or underscore");
			}
			if (value.length() > 63) {
				throw new ConfigurationException("Invalid " + what + " name '" + value + "' (" + key + "): "
						+ value.length() + " characters, at most 63 are allowed");
			}
		}

		/** Lock and statement timeouts and lock-timeout retries (see {@link dev.migrate.runtime.DdlTimeouts}). */
		public Builder ddlTimeouts(dev.migrate.runtime.DdlTimeouts ddlTimeouts) {
			this.ddlTimeouts = ddlTimeouts;
			return this;
		}

		/** {@code migrate lint} rule ids switched off for the project. */
		public Builder lintDisabledRules(java.util.Collection<String> ruleIds) {
			this.lintDisabledRules = new java.util.LinkedHashSet<>(ruleIds);
			return this;
		}

		public MigrateConfig build() {
			if (this.locations == null || this.locations.isEmpty()) {
				throw new ConfigurationException("At least one revision location is required (locations)");
			}
			checkIdentifier("version table", "version-table", this.versionTable);
			if (this.versionTable.length() > 53) {
				// room for the checksum table <version table>_checksums within PostgreSQL's 63
				throw new ConfigurationException("Invalid version table name '" + this.versionTable + "' (version-table): "
						+ this.versionTable.length() + " characters, at most 53 are allowed (the checksum table adds '"
						+ dev.migrate.runtime.ChecksumTable.SUFFIX + "')");
			}
			if (this.schema != null && this.schema.isBlank()) {
				this.schema = null;
			}
			if (this.schema != null) {
				checkIdentifier("schema", "schema", this.schema);
			}
			if (this.logTable != null) {
				checkIdentifier("log table", "log-table", this.logTable);
			}
			Objects.requireNonNull(this.lockTimeout, "lockTimeout");
			if (this.lockTimeout.isNegative()) {
				throw new ConfigurationException("lock-timeout must not be negative, got " + this.lockTimeout);
			}
			if (this.lockLease != null && (this.lockLease.isNegative() || this.lockLease.isZero())) {
				throw new ConfigurationException("lock-lease must be positive, got " + this.lockLease);
			}
			if (this.lockRenewInterval != null) {
				Duration lease = (this.lockLease != null) ? this.lockLease : DEFAULT_LOCK_LEASE;
				if (this.lockRenewInterval.isNegative() || this.lockRenewInterval.isZero()
						|| this.lockRenewInterval.compareTo(lease) >= 0) {
					throw new ConfigurationException("lock-renew-interval must be positive and shorter than lock-lease ("
							+ lease + "), got " + this.lockRenewInterval);
				}
			}
			ClassLoader cl = (this.classLoader != null) ? this.classLoader : Thread.currentThread().getContextClassLoader();
			if (cl == null) {
				cl = MigrateConfig.class.getClassLoader();
			}
			return new MigrateConfig(this.dataSource, this.dialect, this.locations, cl, this.versionTable, this.schema,
					this.transactionPerMigration, this.lockTimeout, this.logTable, this.arguments, this.listeners,
					this.baselineRevision, this.baselineOnMigrate, this.createSchemas, this.placeholders, this.lockLease,
					this.lockRenewInterval, this.ddlTimeouts, this.lintDisabledRules, this.validateChecksums);
		}

	}

}
