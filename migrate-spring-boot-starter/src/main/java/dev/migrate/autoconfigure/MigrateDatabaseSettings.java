package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.command.MigrateConfig;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * The settings of issue-14 properties for one database (the primary, or an instance with the
 * primary's values where its own are unset): baseline, schemas, arguments and placeholders,
 * {@code {vendor}} in locations, and the migration connection's retries and init statements.
 */
final class MigrateDatabaseSettings {

	/** The placeholder in {@code migrate.locations} replaced by the database's vendor, as Flyway's. */
	static final String VENDOR = "{vendor}";

	private final MigrateDatabaseProperties primary;

	private final MigrateDatabaseProperties instance;

	private final String prefix;

	/**
	 * @param primary the {@code migrate.*} settings
	 * @param instance the instance's settings, or null for the primary
	 * @param prefix the property prefix, for messages
	 */
	MigrateDatabaseSettings(MigrateDatabaseProperties primary, MigrateDatabaseProperties instance, String prefix) {
		this.primary = primary;
		this.instance = instance;
		this.prefix = prefix;
	}

	private <T> T value(java.util.function.Function<MigrateDatabaseProperties, T> getter) {
		T own = (this.instance != null) ? getter.apply(this.instance) : null;
		return (own != null) ? own : getter.apply(this.primary);
	}

	/** Applies baseline, create-schemas, arguments and placeholders to the engine configuration. */
	void apply(MigrateConfig.Builder builder) {
		// a baseline revision belongs to one revision graph: an instance does not take the primary's
		String baseline = (this.instance != null) ? this.instance.getBaselineRevision()
				: this.primary.getBaselineRevision();
		builder.baselineRevision(StringUtils.hasText(baseline) ? baseline.strip() : null);
		builder.baselineOnMigrate(Boolean.TRUE.equals(value(MigrateDatabaseProperties::getBaselineOnMigrate)));
		builder.createSchemas(!Boolean.FALSE.equals(value(MigrateDatabaseProperties::getCreateSchemas)));
		builder.validateChecksums(!Boolean.FALSE.equals(value(MigrateDatabaseProperties::getValidateChecksums)));
		Map<String, String> arguments = new LinkedHashMap<>(this.primary.getArguments());
		if (this.instance != null && this.instance.getArguments() != null) {
			arguments.putAll(this.instance.getArguments());
		}
		arguments.forEach(builder::argument);
		Boolean placeholders = (this.instance != null) ? this.instance.getPlaceholders().getEnabled() : null;
		if (placeholders == null) {
			placeholders = this.primary.getPlaceholders().getEnabled();
		}
		builder.placeholders(Boolean.TRUE.equals(placeholders));
	}

	/** Whether any location names {@code {vendor}}. */
	static boolean hasVendor(List<String> locations) {
		return locations != null && locations.stream().anyMatch((l) -> l.contains(VENDOR));
	}

	/** {@code {vendor}} in the locations replaced by the database's vendor (postgresql, h2, mysql, mariadb, sqlite). */
	List<String> resolveVendor(List<String> locations, DataSource dataSource) {
		if (!hasVendor(locations)) {
			return locations;
		}
		try {
			return new PlatformPlaceholderDatabaseDriverResolver(VENDOR).resolveAll(dataSource,
					locations.toArray(new String[0]));
		}
		catch (RuntimeException ex) {
			throw new ConfigurationException("Cannot resolve " + VENDOR + " in " + this.prefix + "locations: "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * The DataSource migrations go through: {@code dataSource}, with retries and init statements
	 * when configured. Init statements never run on the application's pool ({@code pooled}): the
	 * migration then opens connections of its own, derived from it.
	 */
	DataSource connections(DataSource dataSource, boolean pooled) {
		Integer retries = value(MigrateDatabaseProperties::getConnectRetries);
		Duration interval = value(MigrateDatabaseProperties::getConnectRetriesInterval);
		List<String> initSqls = new ArrayList<>();
		List<String> configured = value(MigrateDatabaseProperties::getInitSqls);
		if (configured != null) {
			configured.stream().filter(StringUtils::hasText).forEach(initSqls::add);
		}
		int n = (retries != null) ? retries : 0;
		if (n < 0) {
			throw new ConfigurationException("Connect retries must not be negative, got " + n + " (" + this.prefix
					+ "connect-retries)");
		}
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new ConfigurationException("Connect retries interval must be positive, got " + interval + " ("
					+ this.prefix + "connect-retries-interval)");
		}
		if (n == 0 && initSqls.isEmpty()) {
			return dataSource;
		}
		DataSource target = dataSource;
		if (!initSqls.isEmpty() && pooled) {
			try {
				target = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class).build();
			}
			catch (RuntimeException ex) {
				throw new ConfigurationException(this.prefix + "init-sqls must not run on the application's pooled"
						+ " connections, and no connection of its own can be derived from its DataSource ("
						+ ex.getMessage() + "): set " + this.prefix + "url", ex);
			}
		}
		return new MigrationDataSource(target, this.prefix, n, interval, initSqls);
	}

}
