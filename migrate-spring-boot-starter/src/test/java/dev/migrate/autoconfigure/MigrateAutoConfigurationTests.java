package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrationListener;
import dev.migrate.command.Migrator;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions, properties, overrides and failures of {@link MigrateAutoConfiguration}, each
 * against a fresh H2 database.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateAutoConfigurationTests {

	private final TestDatabase db = TestDatabases.freshH2();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrateConditionReportAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.db.url(), "spring.datasource.username=sa");

	private final ApplicationContextRunner noDataSourceRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MigrateAutoConfiguration.class, MigrateConditionReportAutoConfiguration.class));

	@Test
	void backsOffWithNoDataSourceAndNoUrl() {
		this.noDataSourceRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Migrator.class);
			assertThat(context).doesNotHaveBean(MigrateInitializer.class);
		});
	}

	@Test
	void logsWhyItBacksOffWithNoDataSource(CapturedOutput output) {
		this.noDataSourceRunner.run((context) -> assertThat(output)
			.contains("Migrate is not active: no DataSource bean, no migrate.url and no migrate.instances.*"));
	}

	@Test
	void backsOffWhenDisabled(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrate.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(Migrator.class);
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
			assertThat(output).contains("Migrate is not active: migrate.enabled is false");
		});
	}

	@Test
	void logsOneLineWhenActive(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(output).containsOnlyOnce("Migrate is active: migrator (mode upgrade, target head");
			assertThat(output).doesNotContain("Migrate is not active");
		});
	}

	@Test
	void upgradesToHeadOnBoot() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
			assertThat(Databases.tableExists(this.db.dataSource(), "orders")).isTrue();
		});
	}

	@Test
	void upgradesOnBootUnderLazyInitialization() {
		this.contextRunner
			.withBean(LazyInitializationBeanFactoryPostProcessor.class, LazyInitializationBeanFactoryPostProcessor::new)
			.run((context) -> assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002"));
	}

	@Test
	void logsEachRevisionAppliedWithItsDuration(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(output)
			.containsPattern("migrator: applied upgrade base -> 000000000001, create customers \\(000000000001\\) in \\d+ ms")
			.containsPattern("migrator: applied upgrade 000000000001 -> 000000000002, create orders \\(000000000002\\) in \\d+ ms"));
	}

	@Test
	void logsNothingToDoWhenAtHead(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.run((context) -> {
			assertThat(output).contains("Database is at head (000000000002), nothing to do");
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
		});
	}

	@Test
	void atATargetBelowHeadTheLogNamesTheTargetNotHead(CapturedOutput output) {
		this.contextRunner.withPropertyValues("migrate.target=000000000001").run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("migrate.target=000000000001").run((context) -> {
			assertThat(output).contains("Database is at the target 000000000001 (000000000001), nothing to do")
				.doesNotContain("Database is at head");
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000001");
		});
	}

	@Test
	void upgradesToTheConfiguredTarget() {
		this.contextRunner.withPropertyValues("migrate.target=000000000001").run((context) -> {
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000001");
			assertThat(Databases.tableExists(this.db.dataSource(), "orders")).isFalse();
		});
	}

	@Test
	void usesTheConfiguredVersionTable() {
		this.contextRunner.withPropertyValues("migrate.version-table=app_versions").run((context) -> {
			assertThat(Databases.versions(this.db.dataSource(), "app_versions")).containsExactly("000000000002");
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
		});
	}

	@Test
	void usesTheConfiguredLocations() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/more").run((context) -> {
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000003");
			assertThat(Databases.tableExists(this.db.dataSource(), "invoices")).isTrue();
		});
	}

	@Test
	void mapsEngineSettingsFromProperties() {
		this.contextRunner
			.withPropertyValues("migrate.mode=none", "migrate.lock-timeout=30", "migrate.transaction-per-migration=false",
					"migrate.log-table=migrate_log", "migrate.schema=PUBLIC", "migrate.lock-lease=4",
					"migrate.lock-renew-interval=500ms")
			.run((context) -> {
				MigrateConfig config = context.getBean(Migrator.class).config();
				assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(config.lockLease()).isEqualTo(Duration.ofSeconds(4));
				assertThat(config.lockRenewInterval()).isEqualTo(Duration.ofMillis(500));
				assertThat(config.transactionPerMigration()).isFalse();
				assertThat(config.logTable()).isEqualTo("migrate_log");
				assertThat(config.schema()).isEqualTo("PUBLIC");
				assertThat(config.locations()).containsExactly("classpath:db/migrations");
			});
	}

	@Test
	void validateModeFailsStartupWhenNotAtHeadAndChangesNothing() {
		this.contextRunner.withPropertyValues("migrate.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(DatabaseNotAtHeadException.class)
				.hasMessageContaining("Database of 'migrator' is not at head")
				.hasMessageContaining("000000000001,000000000002");
			assertThat(Databases.tableExists(this.db.dataSource(), "customers")).isFalse();
		});
	}

	@Test
	void validateModeStartsWhenAtHead(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("migrate.mode=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Database is at head (000000000002), validated");
		});
	}

	@Test
	void severalHeadsFailStartupWithTargetHead() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/twoheads").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(findCause(context.getStartupFailure(), MultipleHeadsException.class).getHeads())
				.containsExactlyInAnyOrder("0000000000b1", "0000000000b2");
			assertThat(Databases.tableExists(this.db.dataSource(), "companies")).isFalse();
		});
	}

	@Test
	void severalHeadsUpgradeWithTargetHeads() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/twoheads", "migrate.target=heads")
			.run((context) -> assertThat(Databases.versions(this.db.dataSource())).containsExactly("0000000000b1",
					"0000000000b2"));
	}

	@Test
	void noneModeDoesNothing() {
		this.contextRunner.withPropertyValues("migrate.mode=none").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(Migrator.class);
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
		});
	}

	@Test
	void unknownModeFailsStartup() {
		this.contextRunner.withPropertyValues("migrate.mode=sideways").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(findCause(context.getStartupFailure(), BindException.class))
				.hasMessageContaining("Failed to bind properties under 'migrate.mode'");
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
		});
	}

	@Test
	void malformedTargetFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrate.target=head:base").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ConfigurationException.class)
				.hasMessage("Invalid target 'head:base' (migrate.target): use head, heads, base, a revision id or"
						+ " prefix, <label>@head, or a relative target such as head-1");
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
		});
	}

	@Test
	void missingLocationFailsStartupNamingTheLocation() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/migrations,classpath:db/nowhere")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(ConfigurationException.class)
					.hasMessage("Revision location 'classpath:db/nowhere' does not exist (migrate.locations)");
				assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
			});
	}

	@Test
	void aRenewIntervalNotShorterThanTheLeaseFailsStartupNamingTheProperties() {
		this.contextRunner.withPropertyValues("migrate.lock-lease=2s", "migrate.lock-renew-interval=2s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause()
				.hasMessageContaining("lock-renew-interval must be positive and shorter than lock-lease");
		});
	}

	@Test
	void negativeLockTimeoutFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrate.lock-timeout=-5s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().hasMessageContaining("(migrate.lock-timeout)");
		});
	}

	@Test
	void customizersAreAppliedInOrder() {
		this.contextRunner.withUserConfiguration(CustomizersConfiguration.class)
			.withPropertyValues("migrate.mode=none")
			.run((context) -> assertThat(context.getBean(Migrator.class).config().arguments())
				.containsEntry("last", "second")
				.containsEntry("first", "yes")
				.containsEntry("second", "yes"));
	}

	@Test
	void migrationListenerBeansAreAddedToTheEngine() {
		this.contextRunner.withUserConfiguration(ListenerConfiguration.class).run((context) -> {
			RecordingListener listener = context.getBean(RecordingListener.class);
			assertThat(listener.revisions).containsExactly("000000000001", "000000000002");
		});
	}

	@Test
	void customStrategyReplacesTheBootBehaviour() {
		this.contextRunner.withUserConfiguration(StrategyConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DefaultMigrateMigrationStrategy.class);
			assertThat(context.getBean(RecordingStrategy.class).seen).containsExactly("migrator");
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
		});
	}

	@Test
	void userMigratorBeanSwitchesTheAutoConfiguredOneOff() {
		this.contextRunner.withUserConfiguration(UserMigratorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			assertThat(context).hasBean("myMigrator");
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000003");
		});
	}

	@Test
	void userInitializerBeanReplacesTheDefault() {
		this.contextRunner.withBean(MigrateInitializer.class, () -> new MigrateInitializer(List.of(), null))
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrateInitializer.class);
				assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
			});
	}

	@Test
	void migratesThroughTheMigrateDataSourceWhenQualified() {
		this.contextRunner.withUserConfiguration(QualifiedDataSourceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.versions(QualifiedDataSourceConfiguration.owner)).containsExactly("000000000002");
				assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
			});
	}

	@Test
	void migratesThroughMigrateUrlWhenSet() {
		TestDatabase other = TestDatabases.freshH2();
		this.contextRunner.withPropertyValues("migrate.url=" + other.url(), "migrate.user=sa").run((context) -> {
			assertThat(context.getBean(Migrator.class).config().dataSource()).isInstanceOf(SimpleDriverDataSource.class);
			assertThat(Databases.versions(other.dataSource())).containsExactly("000000000002");
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
		});
	}

	@Test
	void migrateUrlAloneActivatesWithoutADataSource() {
		TestDatabase other = TestDatabases.freshH2();
		this.noDataSourceRunner.withPropertyValues("migrate.url=" + other.url(), "migrate.user=sa").run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class);
			assertThat(Databases.versions(other.dataSource())).containsExactly("000000000002");
		});
	}

	@Test
	void migrateUserWithoutUrlLogsInToTheApplicationDatabase() {
		this.contextRunner.withPropertyValues("migrate.user=sa", "migrate.password=").run((context) -> {
			DataSource used = context.getBean(Migrator.class).config().dataSource();
			assertThat(used).isInstanceOf(SimpleDriverDataSource.class).isNotSameAs(context.getBean(DataSource.class));
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
		});
	}

	@Test
	void instancesFromPropertiesGetTheirOwnBeans() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner.withPropertyValues("migrate.instances.reporting.url=" + reporting.url(),
				"migrate.instances.reporting.user=sa")
			.run((context) -> {
				assertThat(context).hasBean("migrator").hasBean("reportingMigrator");
				assertThat(context.getBean("reportingMigrator", Migrator.class).config().locations())
					.containsExactly("classpath:db/migrations-reporting");
				assertThat(Databases.versions(reporting.dataSource())).containsExactly("0000000000e1");
				assertThat(Databases.tableExists(reporting.dataSource(), "daily_totals")).isTrue();
				assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
			});
	}

	@Test
	void instancesInheritUnsetSettingsFromThePrimary() {
		TestDatabase audit = TestDatabases.freshH2();
		this.contextRunner
			.withPropertyValues("migrate.version-table=app_versions", "migrate.lock-timeout=7s",
					"migrate.instances.audit.url=" + audit.url(), "migrate.instances.audit.user=sa",
					"migrate.instances.audit.locations=classpath:db/audit")
			.run((context) -> {
				MigrateConfig config = context.getBean("auditMigrator", Migrator.class).config();
				assertThat(config.versionTable()).isEqualTo("app_versions");
				assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(Databases.versions(audit.dataSource(), "app_versions")).containsExactly("0000000000a1");
			});
	}

	@Test
	void instancesRunInTheirDefinedOrderAfterThePrimary() {
		TestDatabase reporting = TestDatabases.freshH2();
		TestDatabase audit = TestDatabases.freshH2();
		this.contextRunner
			.withPropertyValues("migrate.instances.reporting.url=" + reporting.url(),
					"migrate.instances.reporting.order=2", "migrate.instances.audit.url=" + audit.url(),
					"migrate.instances.audit.locations=classpath:db/audit", "migrate.instances.audit.order=1")
			.run((context) -> assertThat(context.getBean(MigrateInitializer.class).getInstances())
				.extracting(MigrateInstance::beanName)
				.containsExactly("migrator", "auditMigrator", "reportingMigrator"));
	}

	@Test
	void instanceModeOverridesThePrimaryMode() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner
			.withPropertyValues("migrate.instances.reporting.url=" + reporting.url(),
					"migrate.instances.reporting.mode=none")
			.run((context) -> {
				assertThat(Databases.tableExists(reporting.dataSource(), "migrate_version")).isFalse();
				assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
			});
	}

	@Test
	void disabledInstanceHasNoBean() {
		this.contextRunner
			.withPropertyValues("migrate.instances.reporting.url=jdbc:h2:mem:unused",
					"migrate.instances.reporting.enabled=false", "migrate.mode=none")
			.run((context) -> assertThat(context).doesNotHaveBean("reportingMigrator"));
	}

	@Test
	void instanceWithoutDatabaseFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrate.instances.reporting.locations=classpath:db/audit")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(ConfigurationException.class)
					.hasMessageContaining("Instance 'reporting' has no database: set migrate.instances.reporting.url");
			});
	}

	@Test
	void instanceCanUseADataSourceBeanByName() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner.withUserConfiguration(PrimaryDataSourceConfiguration.class)
			.withBean("reportingDataSource", DataSource.class, reporting::dataSource,
					(definition) -> definition.setAutowireCandidate(false))
			.withPropertyValues("migrate.instances.reporting.data-source=reportingDataSource")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.versions(reporting.dataSource())).containsExactly("0000000000e1");
			});
	}

	@Test
	void instancesAloneActivateWithoutADataSource() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.noDataSourceRunner
			.withPropertyValues("migrate.instances.reporting.url=" + reporting.url(),
					"migrate.instances.reporting.user=sa")
			.run((context) -> {
				assertThat(context).doesNotHaveBean("migrator");
				assertThat(context).hasBean("reportingMigrator");
				assertThat(Databases.versions(reporting.dataSource())).containsExactly("0000000000e1");
			});
	}

	@Test
	void schemaManagementProviderReportsTheMigratedDataSourceAsManaged() {
		TestDatabase other = TestDatabases.freshH2();
		this.contextRunner.withPropertyValues("migrate.mode=none").run((context) -> {
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(other.dataSource())).isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void jdbcTemplateDependsOnTheMigration() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("migrate.mode=none")
			.run((context) -> {
				BeanDefinition definition = context.getBeanFactory().getBeanDefinition("jdbcTemplate");
				assertThat(definition.getDependsOn()).contains("migrator", "migrateInitializer");
			});
	}

	@Test
	void jdbcTemplateBeanCreatedAtStartupSeesTheMigratedTables() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withUserConfiguration(StartupQueryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(StartupQuery.class).customers).isZero();
			});
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		Throwable current = ex;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		@Order(2)
		MigrateConfigCustomizer second() {
			return (instance, builder) -> builder.argument("second", "yes").argument("last", "second");
		}

		@Bean
		@Order(1)
		MigrateConfigCustomizer first() {
			return (instance, builder) -> builder.argument("first", "yes").argument("last", "first");
		}

	}

	static class RecordingListener implements MigrationListener {

		final List<String> revisions = new ArrayList<>();

		@Override
		public void afterStep(StepInfo step, Duration duration, Throwable failure) {
			this.revisions.add(step.revision());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	static class RecordingStrategy implements MigrateMigrationStrategy {

		final List<String> seen = new ArrayList<>();

		@Override
		public void migrate(MigrateInstance instance) {
			this.seen.add(instance.beanName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StrategyConfiguration {

		@Bean
		RecordingStrategy recordingStrategy() {
			return new RecordingStrategy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMigratorConfiguration {

		@Bean
		Migrator myMigrator(DataSource dataSource) {
			return Migrator.create(MigrateConfig.builder().dataSource(dataSource).locations("classpath:db/more").build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedDataSourceConfiguration {

		static DataSource owner;

		@Bean
		@MigrateDataSource
		DataSource ownerDataSource() {
			owner = TestDatabases.freshH2().dataSource();
			return owner;
		}

		@Bean
		@Primary
		DataSource applicationDataSource(org.springframework.core.env.Environment environment) {
			return new SimpleDriverDataSource(new org.h2.Driver(), environment.getProperty("spring.datasource.url"),
					"sa", "");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryDataSourceConfiguration {

		@Bean
		@Primary
		DataSource applicationDataSource(org.springframework.core.env.Environment environment) {
			return new SimpleDriverDataSource(new org.h2.Driver(), environment.getProperty("spring.datasource.url"),
					"sa", "");
		}

	}

	static class StartupQuery {

		final int customers;

		StartupQuery(org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
			this.customers = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM customers", Integer.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StartupQueryConfiguration {

		@Bean
		StartupQuery startupQuery(org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
			return new StartupQuery(jdbcTemplate);
		}

	}

}
