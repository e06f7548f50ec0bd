package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.autoconfigure.MigrateProperties.Drift;
import dev.migrate.autoconfigure.MigrateProperties.Instance;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrationListener;
import dev.migrate.command.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link Migrator} of each database from {@code migrate.*} and resolves the
 * boot-time settings of every migration bean. Validates the properties, naming the one at fault.
 */
class MigratorFactory {

	/** Suffix of a named instance's bean name: {@code migrate.instances.reporting} is {@code reportingMigrator}. */
	static final String BEAN_NAME_SUFFIX = "Migrator";

	/** Bean name of the primary instance. */
	static final String PRIMARY_BEAN_NAME = "migrator";

	private static final Pattern TARGET = Pattern
		.compile("(?:[A-Za-z0-9_.\\-]+@)?(?:[A-Za-z0-9_]+(?:[+-]\\d+)?|[+-]\\d+)");

	private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");

	private static final String PROPERTIES_CONNECTION_DETAILS = "org.springframework.boot.jdbc.autoconfigure.PropertiesJdbcConnectionDetails";

	private static final String ENTITY_SCAN_PACKAGES = "org.springframework.boot.persistence.autoconfigure.EntityScanPackages";

	private final MigrateProperties properties;

	private final ConfigurableListableBeanFactory beanFactory;

	private final ObjectProvider<MigrateConfigCustomizer> customizers;

	private final ObjectProvider<MigrationListener> listeners;

	MigratorFactory(MigrateProperties properties, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<MigrateConfigCustomizer> customizers, ObjectProvider<MigrationListener> listeners) {
		this.properties = properties;
		this.beanFactory = beanFactory;
		this.customizers = customizers;
		this.listeners = listeners;
	}

	static String beanName(String instance) {
		return MigrateInstance.PRIMARY.equals(instance) ? PRIMARY_BEAN_NAME : instance + BEAN_NAME_SUFFIX;
	}

	ClassLoader classLoader() {
		ClassLoader cl = this.beanFactory.getBeanClassLoader();
		return (cl != null) ? cl : ClassUtils.getDefaultClassLoader();
	}

	/** The primary database's engine, through {@code dataSource}. */
	Migrator createPrimary(DataSource dataSource) {
		MigrateProperties p = this.properties;
		String prefix = "migrate.";
		MigrateDatabaseSettings settings = new MigrateDatabaseSettings(p, null, prefix);
		List<String> locations = settings.resolveVendor(p.getLocations(), dataSource);
		validateCommon(prefix, p.getTarget(), locations, p.getLockTimeout());
		MigrateConfig.Builder builder = MigrateConfig.builder()
			.dataSource(dataSource)
			.locations(locations)
			.versionTable(p.getVersionTable())
			.schema(p.getSchema())
			.transactionPerMigration(p.isTransactionPerMigration())
			.lockTimeout(p.getLockTimeout())
			.lockLease(p.getLockLease())
			.lockRenewInterval(p.getLockRenewInterval())
			.logTable(StringUtils.hasText(p.getLogTable()) ? p.getLogTable() : null);
		settings.apply(builder);
		return build(MigrateInstance.PRIMARY, prefix, builder);
	}

	/** A named instance's engine. */
	Migrator createInstance(String name) {
		String prefix = "migrate.instances." + name + ".";
		if (!INSTANCE_NAME.matcher(name).matches() || MigrateInstance.PRIMARY.equals(name)) {
			throw new ConfigurationException("Invalid instance name '" + name + "' (migrate.instances." + name
					+ "): use a letter then letters, digits, '-' or '_', and not '" + MigrateInstance.PRIMARY + "'");
		}
		Instance i = this.properties.getInstances().get(name);
		MigrateProperties p = this.properties;
		List<String> locations = (i.getLocations() != null) ? i.getLocations()
				: List.of(MigrateConfig.DEFAULT_LOCATION + "-" + name);
		String target = (i.getTarget() != null) ? i.getTarget() : p.getTarget();
		MigrateDatabaseSettings settings = new MigrateDatabaseSettings(p, i, prefix);
		DataSource dataSource = instanceDataSource(name, prefix, i);
		dataSource = settings.connections(dataSource, StringUtils.hasText(i.getDataSource()));
		locations = settings.resolveVendor(locations, dataSource);
		validateCommon(prefix, target, locations, (i.getLockTimeout() != null) ? i.getLockTimeout() : p.getLockTimeout());
		String logTable = (i.getLogTable() != null) ? i.getLogTable() : p.getLogTable();
		MigrateConfig.Builder builder = MigrateConfig.builder()
			.dataSource(dataSource)
			.locations(locations)
			.versionTable((i.getVersionTable() != null) ? i.getVersionTable() : p.getVersionTable())
			.schema((i.getSchema() != null) ? i.getSchema() : p.getSchema())
			.transactionPerMigration((i.getTransactionPerMigration() != null) ? i.getTransactionPerMigration()
					: p.isTransactionPerMigration())
			.lockTimeout((i.getLockTimeout() != null) ? i.getLockTimeout() : p.getLockTimeout())
			.lockLease((i.getLockLease() != null) ? i.getLockLease() : p.getLockLease())
			.lockRenewInterval((i.getLockRenewInterval() != null) ? i.getLockRenewInterval() : p.getLockRenewInterval())
			.logTable(StringUtils.hasText(logTable) ? logTable : null);
		settings.apply(builder);
		return build(name, prefix, builder);
	}

	private Migrator build(String instance, String prefix, MigrateConfig.Builder builder) {
		builder.classLoader(classLoader());
		MigrateLintCheck.configure(this.properties, builder);
		builder.listener(new LoggingMigrationListener(beanName(instance)));
		this.listeners.orderedStream().forEach(builder::listener);
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(instance, builder));
		MigrateConfig config;
		try {
			config = builder.build();
		}
		catch (ConfigurationException ex) {
			throw new ConfigurationException(prefix + "*: " + ex.getMessage(), ex);
		}
		try {
			return Migrator.create(config);
		}
		catch (ConfigurationException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("(baseline-revision)")) {
				throw new ConfigurationException(
						ex.getMessage().replace("(baseline-revision)", "(" + prefix + "baseline-revision)"), ex);
			}
			throw ex;
		}
	}

	private DataSource instanceDataSource(String name, String prefix, Instance instance) {
		if (StringUtils.hasText(instance.getDataSource())) {
			if (StringUtils.hasText(instance.getUrl())) {
				throw new ConfigurationException("Set either " + prefix + "url or " + prefix
						+ "data-source, not both");
			}
			if (!this.beanFactory.containsBean(instance.getDataSource())) {
				throw new ConfigurationException("No DataSource bean named '" + instance.getDataSource() + "' ("
						+ prefix + "data-source)");
			}
			return this.beanFactory.getBean(instance.getDataSource(), DataSource.class);
		}
		if (!StringUtils.hasText(instance.getUrl())) {
			throw new ConfigurationException("Instance '" + name + "' has no database: set " + prefix + "url (with "
					+ prefix + "user and " + prefix + "password) or " + prefix + "data-source");
		}
		return driverDataSource(instance.getUrl(), instance.getUser(), instance.getPassword(),
				instance.getDriverClassName());
	}

	/**
	 * The DataSource the primary database is migrated through: a {@link MigrateDataSource}
	 * bean, else {@code migrate.url}, else a {@link JdbcConnectionDetails} bean of a service
	 * connection (Testcontainers, Docker Compose, the application's own), else the application's
	 * DataSource (with {@code migrate.user} and {@code migrate.password} when set), else Boot's
	 * {@code spring.datasource.*} connection details; with {@code migrate.connect-retries} and
	 * {@code migrate.init-sqls} applied.
	 */
	DataSource primaryDataSource(ObjectProvider<DataSource> dataSource, ObjectProvider<DataSource> migrateDataSource) {
		return primaryDataSource(dataSource, migrateDataSource, null);
	}

	DataSource primaryDataSource(ObjectProvider<DataSource> dataSource, ObjectProvider<DataSource> migrateDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails) {
		MigrateDatabaseSettings settings = new MigrateDatabaseSettings(this.properties, null, "migrate.");
		DataSource qualified = migrateDataSource.getIfAvailable();
		if (qualified != null) {
			return settings.connections(qualified, false);
		}
		MigrateProperties p = this.properties;
		if (StringUtils.hasText(p.getUrl())) {
			return settings.connections(driverDataSource(p.getUrl(), p.getUser(), p.getPassword(), p.getDriverClassName()),
					false);
		}
		JdbcConnectionDetails details = (connectionDetails != null) ? connectionDetails.getIfUnique() : null;
		if (details != null && StringUtils.hasText(details.getJdbcUrl())
				&& (!isFromDataSourceProperties(details) || dataSource.getIfUnique() == null)) {
			return settings.connections(driverDataSource(details.getJdbcUrl(),
					StringUtils.hasText(p.getUser()) ? p.getUser() : details.getUsername(),
					StringUtils.hasText(p.getUser()) ? p.getPassword() : details.getPassword(),
					StringUtils.hasText(p.getDriverClassName()) ? p.getDriverClassName() : details.getDriverClassName()),
					false);
		}
		return settings.connections(applicationDataSource(dataSource), !StringUtils.hasText(p.getUser()));
	}

	/**
	 * Whether these are the connection details Boot derives from {@code spring.datasource.*} for
	 * the application's own DataSource: the DataSource is then the same database, and its pool is used.
	 */
	private static boolean isFromDataSourceProperties(JdbcConnectionDetails details) {
		return ClassUtils.getUserClass(details).getName().equals(PROPERTIES_CONNECTION_DETAILS);
	}

	private DataSource applicationDataSource(ObjectProvider<DataSource> dataSource) {
		MigrateProperties p = this.properties;
		DataSource unique = dataSource.getIfUnique();
		if (unique == null) {
			throw new ConfigurationException("No unique DataSource to migrate: mark one @Primary, qualify one with "
					+ "@MigrateDataSource, or set migrate.url");
		}
		if (StringUtils.hasText(p.getUser())) {
			return DataSourceBuilder.derivedFrom(unique)
				.type(SimpleDriverDataSource.class)
				.username(p.getUser())
				.password(p.getPassword())
				.build();
		}
		return unique;
	}

	private DataSource driverDataSource(String url, String user, String password, String driverClassName) {
		DataSourceBuilder<?> builder = DataSourceBuilder.create(classLoader())
			.type(SimpleDriverDataSource.class)
			.url(url)
			.username(user)
			.password(password);
		if (StringUtils.hasText(driverClassName)) {
			builder.driverClassName(driverClassName);
		}
		return builder.build();
	}

	private void validateCommon(String prefix, String target, List<String> locations, java.time.Duration lockTimeout) {
		if (target == null || !TARGET.matcher(target.trim()).matches()) {
			throw new ConfigurationException("Invalid target '" + target + "' (" + prefix
					+ "target): use head, heads, base, a revision id or prefix, <label>@head, or a relative target such as head-1");
		}
		if (locations == null || locations.isEmpty()) {
			throw new ConfigurationException("No revision location (" + prefix + "locations)");
		}
		for (String location : locations) {
			if (!locationExists(location)) {
				throw new ConfigurationException(
						"Revision location '" + location + "' does not exist (" + prefix + "locations)");
			}
		}
		if (lockTimeout != null && lockTimeout.isNegative()) {
			throw new ConfigurationException(
					"Lock timeout must not be negative, got " + lockTimeout + " (" + prefix + "lock-timeout)");
		}
	}

	private boolean locationExists(String location) {
		if (location.startsWith("classpath:")) {
			String path = location.substring("classpath:".length());
			while (path.startsWith("/")) {
				path = path.substring(1);
			}
			return classLoader().getResource(path) != null;
		}
		String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
		return Files.isDirectory(Path.of(path));
	}

	/** Every migration bean with its boot-time settings, in the order they run. */
	List<MigrateInstance> instances() {
		Map<String, Migrator> beans = new LinkedHashMap<>(this.beanFactory.getBeansOfType(Migrator.class));
		List<MigrateInstance> primaries = new ArrayList<>();
		List<MigrateInstance> named = new ArrayList<>();
		Map<String, String> instanceByBean = new LinkedHashMap<>();
		this.properties.getInstances().keySet().forEach((name) -> instanceByBean.put(beanName(name), name));
		beans.forEach((beanName, migrator) -> {
			String name = instanceByBean.get(beanName);
			if (name == null) {
				primaries.add(primarySettings(beanName, migrator));
			}
			else {
				named.add(instanceSettings(name, beanName, migrator));
			}
		});
		named.sort(Comparator.comparingInt((MigrateInstance m) -> this.properties.getInstances().get(m.name()).getOrder())
			.thenComparing(MigrateInstance::name));
		List<MigrateInstance> all = new ArrayList<>(primaries);
		all.addAll(named);
		return all;
	}

	private MigrateInstance primarySettings(String beanName, Migrator migrator) {
		MigrateProperties p = this.properties;
		return new MigrateInstance(MigrateInstance.PRIMARY, beanName, migrator, p.getTarget().trim(), p.getMode(),
				p.getDrift(), p.isCompareType(), p.isCompareServerDefault(), defaultModelPackages(), "migrate.",
				p.getDriftIncludeSchemas(), p.getDriftExcludeTables(), p.getModelPackages().isEmpty(), p.getDriftExtras());
	}

	private MigrateInstance instanceSettings(String name, String beanName, Migrator migrator) {
		MigrateProperties p = this.properties;
		Instance i = p.getInstances().get(name);
		List<String> modelPackages = (i.getModelPackages() != null) ? i.getModelPackages() : List.of();
		Drift drift = (i.getDrift() != null) ? i.getDrift() : (modelPackages.isEmpty() ? Drift.IGNORE : p.getDrift());
		return new MigrateInstance(name, beanName, migrator, ((i.getTarget() != null) ? i.getTarget() : p.getTarget()).trim(),
				(i.getMode() != null) ? i.getMode() : p.getMode(), drift,
				(i.getCompareType() != null) ? i.getCompareType() : p.isCompareType(),
				(i.getCompareServerDefault() != null) ? i.getCompareServerDefault() : p.isCompareServerDefault(),
				modelPackages, "migrate.instances." + name + ".",
				(i.getDriftIncludeSchemas() != null) ? i.getDriftIncludeSchemas() : p.getDriftIncludeSchemas(),
				(i.getDriftExcludeTables() != null) ? i.getDriftExcludeTables() : p.getDriftExcludeTables(), false,
				(i.getDriftExtras() != null) ? i.getDriftExtras() : p.getDriftExtras());
	}

	/**
	 * {@code migrate.model-packages}, else the packages of {@code @EntityScan}, else the
	 * application's auto-configuration packages.
	 */
	List<String> defaultModelPackages() {
		if (!this.properties.getModelPackages().isEmpty()) {
			return this.properties.getModelPackages();
		}
		if (ClassUtils.isPresent(ENTITY_SCAN_PACKAGES, classLoader())) {
			List<String> scanned = EntityScan.packages(this.beanFactory);
			if (!scanned.isEmpty()) {
				return scanned;
			}
		}
		if (AutoConfigurationPackages.has(this.beanFactory)) {
			return AutoConfigurationPackages.get(this.beanFactory);
		}
		return List.of();
	}

	/** Isolates the optional spring-boot-persistence dependency. */
	private static final class EntityScan {

		static List<String> packages(ConfigurableListableBeanFactory beanFactory) {
			return org.springframework.boot.persistence.autoconfigure.EntityScanPackages.get(beanFactory)
				.getPackageNames();
		}

	}

}
