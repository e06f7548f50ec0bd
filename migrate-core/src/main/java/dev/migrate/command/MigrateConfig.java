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
 * @param ddlTimeouts lock and statement timeouts of each revision, lock-timeout retries ({@code lock-timeout-ddl},
 * {@code statement-timeout}, {@code lock-retries}, {@code lock-retry-backoff})
 * @param lintDisabledRules {@code migrate lint} rules switched off for the project ({@code lint-disabled-rules})
 */
public record MigrateConfig(DataSource dataSource, Dialect dialect, List<String> locations, ClassLoader classLoader,
		String versionTable, String schema, boolean transactionPerMigration, Duration lockTimeout, String logTable,
		Map<String, String> arguments, List<MigrationListener> listeners, dev.migrate.runtime.DdlTimeouts ddlTimeouts,
		java.util.Set<String> lintDisabledRules) {

	public static final String DEFAULT_VERSION_TABLE = "migrate_version";

	public static final String DEFAULT_LOCATION = "classpath:db/migrations";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

	public MigrateConfig {
		locations = List.copyOf(locations);
		arguments = Map.copyOf(arguments);
		listeners = List.copyOf(listeners);
		ddlTimeouts = (ddlTimeouts != null) ? ddlTimeouts : dev.migrate.runtime.DdlTimeouts.NONE;
		lintDisabledRules = (lintDisabledRules != null) ? java.util.Set.copyOf(lintDisabledRules) : java.util.Set.of();
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
		b.ddlTimeouts = this.ddlTimeouts;
		b.lintDisabledRules = new java.util.LinkedHashSet<>(this.lintDisabledRules);
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

		private dev.migrate.runtime.DdlTimeouts ddlTimeouts = dev.migrate.runtime.DdlTimeouts.NONE;

		private java.util.Set<String> lintDisabledRules = new java.util.LinkedHashSet<>();

		private Builder() {
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
			if (this.versionTable == null || !this.versionTable.matches("[A-Za-z_][A-Za-z0-9_$]{0,62}")) {
				throw new ConfigurationException("Invalid version table name '" + this.versionTable
						+ "' (version-table): use letters, digits and underscores");
			}
			if (this.schema != null && this.schema.isBlank()) {
				this.schema = null;
			}
			Objects.requireNonNull(this.lockTimeout, "lockTimeout");
			if (this.lockTimeout.isNegative()) {
				throw new ConfigurationException("lock-timeout must not be negative, got " + this.lockTimeout);
			}
			ClassLoader cl = (this.classLoader != null) ? this.classLoader : Thread.currentThread().getContextClassLoader();
			if (cl == null) {
				cl = MigrateConfig.class.getClassLoader();
			}
			return new MigrateConfig(this.dataSource, this.dialect, this.locations, cl, this.versionTable, this.schema,
					this.transactionPerMigration, this.lockTimeout, this.logTable, this.arguments, this.listeners,
					this.ddlTimeouts, this.lintDisabledRules);
		}

	}

}
