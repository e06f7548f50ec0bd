package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import dev.migrate.command.MigrationListener;
import dev.migrate.command.Migrator;
import dev.migrate.model.Naming;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration for Migrate: one {@link Migrator} bean per database ({@code migrate.*} and
 * {@code migrate.instances.*}) and a {@link MigrateInitializer} that upgrades or validates them
 * on boot, then checks for drift. Every bean that uses the database waits for it through
 * Spring Boot's database-initialization detection.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@Conditional(OnMigrateDatabaseCondition.class)
@EnableConfigurationProperties(MigrateProperties.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, MigrateInstancesRegistrar.class })
@ImportRuntimeHints(MigrateRuntimeHints.class)
public final class MigrateAutoConfiguration {

	@Bean
	static MigratorFactory migrateMigratorFactory(MigrateProperties properties,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<MigrateConfigCustomizer> customizers,
			ObjectProvider<MigrationListener> listeners) {
		return new MigratorFactory(properties, beanFactory, customizers, listeners);
	}

	@Bean
	@ConditionalOnMissingBean(Migrator.class)
	@Conditional(OnMigrateDatabaseCondition.Primary.class)
	Migrator migrator(MigratorFactory factory, ObjectProvider<DataSource> dataSource,
			@MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails) {
		return factory.createPrimary(factory.primaryDataSource(dataSource, migrateDataSource, connectionDetails));
	}

	@Bean
	@ConditionalOnMissingBean(MigrateMigrationStrategy.class)
	DefaultMigrateMigrationStrategy migrateMigrationStrategy(MigrateProperties properties) {
		return new DefaultMigrateMigrationStrategy(properties.getLint());
	}

	@Bean
	@ConditionalOnMissingBean
	@Lazy(false)
	MigrateInitializer migrateInitializer(MigratorFactory factory, MigrateMigrationStrategy strategy,
			Environment environment, ResourceLoader resourceLoader, ObjectProvider<MigrateTenants> tenants) {
		MigrateInitializer initializer = new MigrateInitializer(factory.instances(), strategy);
		initializer.setTenants(tenants.getIfAvailable());
		initializer.setNaming(() -> Naming.of(environment.getProperty("spring.jpa.hibernate.naming.physical-strategy"),
				environment.getProperty("spring.jpa.hibernate.naming.implicit-strategy"),
				resourceLoader.getClassLoader()));
		return initializer;
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnMigrateTenantsCondition.class)
	MigrateTenants migrateTenants(MigratorFactory factory, MigrateProperties properties,
			ObjectProvider<MigrateTenantSource> source) {
		Migrator migrator = factory.instances()
			.stream()
			.filter(MigrateInstance::isPrimary)
			.findFirst()
			.orElseThrow(() -> new dev.migrate.ConfigurationException(
					"migrate.tenants needs the primary database (migrate.*): it is not configured"))
			.migrator();
		MigrateProperties.Tenants tenants = properties.getTenants();
		MigrateTenantSource configured = source.getIfAvailable(() -> MigrateTenantSource.schemas(tenants.getSchemas()));
		return new MigrateTenants(migrator, configured, tenants.getParallelism(), tenants.getOnFailure());
	}

	@Bean
	@ConditionalOnMissingBean
	MigrateSchemaManagementProvider migrateSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		return new MigrateSchemaManagementProvider(migrators);
	}

}
