package dev.migrate.actuate.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.migrate.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.actuate.endpoint.MigrationsGraphEndpoint;
import dev.migrate.actuate.metrics.MigrationMetrics;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Conditions of the endpoint, health and metrics auto-configurations, against a fresh H2 database. */
class MigrationsActuatorAutoConfigurationTests {

	private final TestDatabase db = TestDatabases.freshH2();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsGraphEndpointAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class,
				MigrationsMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.db.url(), "spring.datasource.username=sa",
				"migrate.mode=none", "migrate.drift=ignore");

	@Test
	void runWhenNotExposedShouldNotHaveEndpointBean() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenExposedOverWebShouldHaveEndpointBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenExposedOverJmxShouldHaveEndpointBean() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=migrations")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenAccessIsNoneShouldNotHaveEndpointBean() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenMigrateIsDisabledShouldNotHaveEndpointBean() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrate.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenGraphPageIsExposedWithoutAccessShouldNotHaveItsBean() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsGraphEndpoint.class));
	}

	@Test
	void runWhenGraphPageHasAccessButIsNotExposedShouldNotHaveItsBean() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrationsgraph.access=READ_ONLY")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsGraphEndpoint.class));
	}

	@Test
	void runWhenGraphPageHasAccessAndIsExposedShouldHaveItsBean() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrationsgraph",
					"management.endpoint.migrationsgraph.access=READ_ONLY")
			.run((context) -> assertThat(context).hasSingleBean(MigrationsGraphEndpoint.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void runWhenGraphPageIsOnlyExposedOverJmxShouldNotHaveItsBean() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=*",
					"management.endpoint.migrationsgraph.access=READ_ONLY")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsGraphEndpoint.class));
	}

	@Test
	void graphPageShowsEveryInstance() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrationsgraph",
					"management.endpoint.migrationsgraph.access=READ_ONLY", "migrate.mode=upgrade",
					"migrate.instances.reporting.url=" + reporting.url(), "migrate.instances.reporting.mode=none")
			.run((context) -> {
				String page = context.getBean(MigrationsGraphEndpoint.class).page();
				assertThat(page).startsWith("<!DOCTYPE html>")
					.contains("data-bean=\"migrator\"", "data-bean=\"reportingMigrator\"")
					.contains("data-revision=\"000000000002\"", "data-revision=\"0000000000e1\"")
					.contains("1 pending revision", "up to date");
			});
	}

	@Test
	void graphPageShowsTheGraphWithoutStatesWhenTheVersionTableCannotBeRead() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrationsgraph",
					"management.endpoint.migrationsgraph.access=READ_ONLY", "migrate.mode=upgrade")
			.run((context) -> {
				execute(this.db.dataSource(), "DROP TABLE migrate_version");
				execute(this.db.dataSource(), "CREATE TABLE migrate_version (something_else INT)");
				String page = context.getBean(MigrationsGraphEndpoint.class).page();
				assertThat(page).contains("<p class=\"error\">Cannot read the version table")
					.contains("<g class=\"revision head\" data-revision=\"000000000002\"")
					.contains("<g class=\"revision\" data-revision=\"000000000001\"")
					.doesNotContain("revision applied", "revision current", "revision pending");
			});
	}

	@Test
	void userEndpointBeanReplacesTheAutoConfiguredOne() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.withBean("myEndpoint", MigrationsEndpoint.class, () -> new MigrationsEndpoint(null))
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class).hasBean("myEndpoint"));
	}

	@Test
	void endpointShowsEveryInstanceWithItsOwnState() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrate.mode=upgrade",
					"migrate.instances.reporting.url=" + reporting.url(), "migrate.instances.reporting.mode=none")
			.run((context) -> {
				MigrationsEndpoint.MigrationsDescriptor descriptor = context.getBean(MigrationsEndpoint.class).migrations();
				java.util.Map<String, MigrationsEndpoint.MigratorDescriptor> beans = descriptor.contexts()
					.get(context.getId())
					.migrations();
				assertThat(beans).containsOnlyKeys("migrator", "reportingMigrator");
				assertThat(beans.get("migrator").upToDate()).isTrue();
				assertThat(beans.get("reportingMigrator").pending()).containsExactly("0000000000e1");
				assertThat(context.getBean(MigrationsEndpoint.class).migrator("reportingMigrator").current()).isEmpty();
			});
	}

	@Test
	void endpointWalksParentContexts() {
		this.contextRunner.withPropertyValues("migrate.mode=upgrade").run((parent) -> new ApplicationContextRunner()
			.withParent(parent)
			.withConfiguration(AutoConfigurations.of(MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((child) -> {
				MigrationsEndpoint.MigrationsDescriptor descriptor = child.getBean(MigrationsEndpoint.class).migrations();
				assertThat(descriptor.contexts()).containsOnlyKeys(child.getId(), parent.getId());
				assertThat(descriptor.contexts().get(child.getId()).parentId()).isEqualTo(parent.getId());
				assertThat(descriptor.contexts().get(child.getId()).migrations()).isEmpty();
				assertThat(descriptor.contexts().get(parent.getId()).migrations().get("migrator").current())
					.containsExactly("000000000002");
			}));
	}

	@Test
	void healthIsACompositeWithOneEntryPerInstance() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner
			.withPropertyValues("migrate.mode=upgrade", "migrate.instances.reporting.url=" + reporting.url(),
					"migrate.instances.reporting.mode=none")
			.run((context) -> {
				org.springframework.boot.health.contributor.CompositeHealthContributor composite = context
					.getBean("migrationsHealthContributor", org.springframework.boot.health.contributor.CompositeHealthContributor.class);
				assertThat(((HealthIndicator) composite.getContributor("migrator")).health().getStatus())
					.isEqualTo(Status.UP);
				assertThat(((HealthIndicator) composite.getContributor("reportingMigrator")).health().getStatus())
					.isEqualTo(Status.OUT_OF_SERVICE);
			});
	}

	@Test
	void healthContributorIsRegisteredForTheMigrationBean() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("migrationsHealthContributor")
			.getBean("migrationsHealthContributor")
			.isInstanceOf(HealthIndicator.class));
	}

	@Test
	void healthContributorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HealthContributor.class));
	}

	@Test
	void healthReportsPendingRevisionsWithTheConfiguredStatus() {
		this.contextRunner.withPropertyValues("migrate.health.pending-status=DEGRADED").run((context) -> {
			HealthIndicator indicator = context.getBean("migrationsHealthContributor", HealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(new Status("DEGRADED"));
			assertThat(indicator.health().getDetails()).containsKeys("current", "heads", "pending");
		});
	}

	@Test
	void healthIsUpAtHead() {
		this.contextRunner.withPropertyValues("migrate.mode=upgrade").run((context) -> {
			HealthIndicator indicator = context.getBean("migrationsHealthContributor", HealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void healthIsDownWhenTheVersionTableCannotBeRead() {
		this.contextRunner.withPropertyValues("migrate.mode=upgrade").run((context) -> {
			execute(this.db.dataSource(),
					"DROP TABLE migrate_version");
			execute(this.db.dataSource(),
					"CREATE TABLE migrate_version (something_else INT)");
			HealthIndicator indicator = context.getBean("migrationsHealthContributor", HealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		});
	}

	private static void execute(javax.sql.DataSource dataSource, String sql) {
		try (java.sql.Connection connection = dataSource.getConnection()) {
			connection.createStatement().execute(sql);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void metricsAreBackedOffWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationMetrics.class));
	}

	@Test
	void metricsCountAndTimeEveryRevisionApplied() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("migrate.mode=upgrade")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(MigrationMetrics.STEPS)
					.tag("migrator", "migrator")
					.tag("direction", "upgrade")
					.tag("outcome", "success")
					.counter()
					.count()).isEqualTo(2.0);
				assertThat(registry.get(MigrationMetrics.STEP_DURATION)
					.tag("migrator", "migrator")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(2);
			});
	}

	@Test
	void stepMetersOfEachDatabaseAreTaggedWithItsMigratorBean() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("migrate.mode=upgrade", "migrate.instances.reporting.url=" + reporting.url(),
					"migrate.instances.reporting.user=sa")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get(MigrationMetrics.STEPS).tag("migrator", "migrator").counter().count())
					.isEqualTo(2.0);
				assertThat(registry.get(MigrationMetrics.STEPS).tag("migrator", "reportingMigrator").counter().count())
					.isEqualTo(1.0);
				assertThat(registry.get(MigrationMetrics.STEP_DURATION)
					.tag("migrator", "reportingMigrator")
					.tag("direction", "upgrade")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(1);
				// every step meter carries the tag: none is left without it
				assertThat(registry.find(MigrationMetrics.STEPS).counters()).hasSize(2)
					.allSatisfy((c) -> assertThat(c.getId().getTag("migrator")).isNotNull());
				assertThat(context.getBeansOfType(dev.migrate.command.Migrator.class)).containsOnlyKeys("migrator",
						"reportingMigrator");
			});
	}

	@Test
	void pendingGaugeReadsTheDatabase() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(MigrationMetrics.class).bindTo(registry);
			assertThat(registry.get(MigrationMetrics.PENDING).tag("migrator", "migrator").gauge().value())
				.isEqualTo(2.0);
		});
	}

	@Test
	void pendingGaugeSurvivesGarbageCollection() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(MigrationMetrics.class).bindTo(registry);
			GarbageCollection.clearWeakReferences();
			assertThat(registry.get(MigrationMetrics.PENDING).tag("migrator", "migrator").gauge().value())
				.isEqualTo(2.0);
		});
	}

}
