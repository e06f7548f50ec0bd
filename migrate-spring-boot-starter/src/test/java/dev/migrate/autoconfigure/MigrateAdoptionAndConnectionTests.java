package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.command.Migrator;
import dev.migrate.runtime.UnversionedSchemaException;
import dev.migrate.script.ScriptException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The properties a service coming from Flyway looks for: adopting a database that already has
 * tables (baseline), connection details, connect retries, init statements, schema creation,
 * arguments and placeholders, {vendor} locations and drift filters — each against a real H2 or
 * PostgreSQL database, including the {@code migrate.instances.<name>.*} forms.
 */
class MigrateAdoptionAndConnectionTests {

	private final TestDatabase db = TestDatabases.freshH2();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.db.url(), "spring.datasource.username=sa");

	private final ApplicationContextRunner noDataSourceRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class));

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	// ---- baseline

	@Test
	void aDatabaseWithTablesButNoVersionTableFailsStartupWithWhatToDo() {
		Databases.execute(this.db.dataSource(), "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			UnversionedSchemaException ex = cause(context.getStartupFailure(), UnversionedSchemaException.class);
			assertThat(ex.tables()).containsExactly("CUSTOMERS");
			FailureAnalysis analysis = new MigrateFailureAnalyzer()
				.analyze(new BeanCreationException("migrateInitializer", "Init failed", ex));
			assertThat(analysis.getDescription()).startsWith("Schema 'PUBLIC' already has tables but no version table"
					+ " 'migrate_version', so Migrate cannot tell which revisions it holds, and changed nothing.")
				.contains("tables: CUSTOMERS");
			assertThat(analysis.getAction()).contains("set migrate.baseline-revision=<rev>")
				.contains("`migrate stamp <rev>`")
				.contains("the base revision 000000000001 creates, migrate.baseline-on-migrate=true stamps it");
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
			assertThat(Databases.tableExists(this.db.dataSource(), "orders")).isFalse();
		});
	}

	@Test
	void baselineRevisionStampsOnceThenUpgrades() {
		Databases.execute(this.db.dataSource(), "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		this.contextRunner.withPropertyValues("migrate.baseline-revision=000000000001").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
			assertThat(Databases.tableExists(this.db.dataSource(), "orders")).isTrue();
		});
		// later starts are ordinary ones
		this.contextRunner.withPropertyValues("migrate.baseline-revision=000000000001")
			.run((context) -> assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002"));
	}

	@Test
	void baselineOnMigrateStampsTheBaseRevision() {
		Databases.execute(this.db.dataSource(), "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		this.contextRunner.withPropertyValues("migrate.baseline-on-migrate=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).config().baselineOnMigrate()).isTrue();
			assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
		});
	}

	@Test
	void anUnknownBaselineRevisionNamesTheProperty() {
		this.contextRunner.withPropertyValues("migrate.baseline-revision=nosuch").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(cause(context.getStartupFailure(), ConfigurationException.class))
				.hasMessage("Invalid baseline revision 'nosuch' (migrate.baseline-revision): Can't locate revision"
						+ " identified by 'nosuch'");
		});
	}

	@Test
	void instancesHaveTheirOwnBaseline() {
		TestDatabase reporting = TestDatabases.freshH2();
		Databases.execute(reporting.dataSource(), "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		this.contextRunner
			.withPropertyValues("migrate.instances.reporting.url=" + reporting.url(),
					"migrate.instances.reporting.user=sa", "migrate.instances.reporting.locations=classpath:db/migrations",
					"migrate.instances.reporting.baseline-revision=000000000001")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.versions(reporting.dataSource())).containsExactly("000000000002");
				assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
			});
	}

	// ---- connection details

	@Test
	void aJdbcConnectionDetailsBeanIsWhereMigrationsGo() {
		TestDatabase service = TestDatabases.freshH2();
		this.contextRunner.withBean(JdbcConnectionDetails.class, () -> details(service)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Databases.versions(service.dataSource())).containsExactly("000000000002");
			assertThat(Databases.tableExists(this.db.dataSource(), "migrate_version")).isFalse();
		});
	}

	@Test
	void aJdbcConnectionDetailsBeanAloneActivatesMigrate() {
		TestDatabase service = TestDatabases.freshH2();
		this.noDataSourceRunner.withBean(JdbcConnectionDetails.class, () -> details(service)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(Databases.versions(service.dataSource())).containsExactly("000000000002");
		});
	}

	@Test
	void migrateUrlWinsOverConnectionDetails() {
		TestDatabase service = TestDatabases.freshH2();
		TestDatabase own = TestDatabases.freshH2();
		this.contextRunner.withBean(JdbcConnectionDetails.class, () -> details(service))
			.withPropertyValues("migrate.url=" + own.url(), "migrate.user=sa")
			.run((context) -> {
				assertThat(Databases.versions(own.dataSource())).containsExactly("000000000002");
				assertThat(Databases.tableExists(service.dataSource(), "migrate_version")).isFalse();
			});
	}

	@Test
	void bootsOwnDataSourcePropertiesDetailsUseTheApplicationsPool() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(JdbcConnectionDetails.class);
			assertThat(context.getBean(Migrator.class).config().dataSource()).isSameAs(context.getBean(DataSource.class));
		});
	}

	private static JdbcConnectionDetails details(TestDatabase database) {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return database.user();
			}

			@Override
			public String getPassword() {
				return database.password();
			}

			@Override
			public String getJdbcUrl() {
				return database.url();
			}

		};
	}

	// ---- connect retries, init statements, schemas

	@Test
	void connectRetriesWaitForADatabaseThatComesUpLate() {
		FlakyDataSource flaky = new FlakyDataSource(this.db, 2);
		this.noDataSourceRunner.withBean("migrateDataSource", DataSource.class, () -> flaky, (bd) -> {
			((org.springframework.beans.factory.support.AbstractBeanDefinition) bd)
				.addQualifier(new org.springframework.beans.factory.support.AutowireCandidateQualifier(MigrateDataSource.class));
		})
			.withPropertyValues("migrate.connect-retries=3", "migrate.connect-retries-interval=20ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(flaky.attempts.get()).isGreaterThan(2);
				assertThat(Databases.versions(this.db.dataSource())).containsExactly("000000000002");
			});
	}

	@Test
	void withoutRetriesADatabaseThatIsNotUpFailsStartup() {
		FlakyDataSource flaky = new FlakyDataSource(this.db, 2);
		this.noDataSourceRunner.withBean(DataSource.class, () -> flaky)
			.withPropertyValues("migrate.connect-retries-interval=20ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("not accepting connections yet");
				assertThat(flaky.attempts.get()).isEqualTo(1);
			});
		FlakyDataSource again = new FlakyDataSource(this.db, 5);
		this.noDataSourceRunner.withBean(DataSource.class, () -> again)
			.withPropertyValues("migrate.connect-retries=1", "migrate.connect-retries-interval=20ms")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(cause(context.getStartupFailure(), dev.migrate.MigrateException.class))
					.hasMessageContaining("not accepting connections yet (after 1 retries, migrate.connect-retries)");
			});
	}

	@Test
	void negativeConnectRetriesNameTheProperty() {
		this.contextRunner.withPropertyValues("migrate.connect-retries=-1").run((context) -> assertThat(
				cause(context.getStartupFailure(), ConfigurationException.class))
			.hasMessage("Connect retries must not be negative, got -1 (migrate.connect-retries)"));
	}

	@Test
	void initSqlsRunOnMigrationConnectionsOnlyNotOnThePool() {
		this.contextRunner
			.withPropertyValues("migrate.init-sqls=CREATE SCHEMA IF NOT EXISTS APP,SET SCHEMA APP")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> inApp = Databases.query(this.db.dataSource(),
						"SELECT table_name FROM information_schema.tables WHERE table_schema = 'APP' ORDER BY table_name");
				assertThat(inApp).contains("CUSTOMERS", "MIGRATE_VERSION", "ORDERS");
				try (Connection pooled = context.getBean(DataSource.class).getConnection()) {
					assertThat(pooled.getSchema()).isEqualTo("PUBLIC");
				}
			});
	}

	@Test
	void aFailingInitSqlNamesTheStatementAndChangesNothing() {
		this.contextRunner.withPropertyValues("migrate.init-sqls=SET SCHEMA NOSUCH").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(cause(context.getStartupFailure(), dev.migrate.MigrateException.class))
				.hasMessageContaining("Statement migrate.init-sqls[0] 'SET SCHEMA NOSUCH' failed");
			assertThat(Databases.tableExists(this.db.dataSource(), "customers")).isFalse();
		});
	}

	@Test
	void createSchemasOffRefusesAMissingSchema() {
		this.contextRunner.withPropertyValues("migrate.schema=META", "migrate.create-schemas=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(cause(context.getStartupFailure(), ConfigurationException.class))
				.hasMessageStartingWith("Schema 'META' does not exist and create-schemas is off");
			assertThat(Databases.tableExists(this.db.dataSource(), "customers")).isFalse();
		});
		this.contextRunner.withPropertyValues("migrate.schema=META").run((context) -> assertThat(
				Databases.query(this.db.dataSource(), "SELECT version_num FROM META.migrate_version"))
			.containsExactly("000000000002"));
	}

	// ---- arguments and placeholders

	@Test
	void argumentsReachJavaRevisions() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/javaargs", "migrate.arguments.region=eu-west")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(Databases.query(this.db.dataSource(), "SELECT region FROM region_marker"))
					.containsExactly("eu-west");
			});
	}

	@Test
	void placeholdersAreReplacedWhenEnabled() {
		this.contextRunner
			.withPropertyValues("migrate.locations=classpath:db/placeholders", "migrate.arguments.region=eu-west",
					"migrate.placeholders.enabled=true")
			.run((context) -> assertThat(Databases.query(this.db.dataSource(), "SELECT val FROM app_settings"))
				.containsExactly("eu-west"));
	}

	@Test
	void placeholdersAreLeftAloneByDefault() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/placeholders")
			.run((context) -> assertThat(Databases.query(this.db.dataSource(), "SELECT val FROM app_settings"))
				.containsExactly("${region}"));
	}

	@Test
	void anUnknownPlaceholderFailsStartupNamingFileAndKey() {
		this.contextRunner
			.withPropertyValues("migrate.locations=classpath:db/placeholders", "migrate.placeholders.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(cause(context.getStartupFailure(), ScriptException.class)).hasMessageStartingWith(
						"Unknown placeholder '${region}' in classpath:db/placeholders/0000000000p1_tenant_settings.sql line 7");
				assertThat(Databases.tableExists(this.db.dataSource(), "app_settings")).isFalse();
			});
	}

	@Test
	void instancesTakeThePrimarysArgumentsAndOverrideThem() {
		TestDatabase reporting = TestDatabases.freshH2();
		this.contextRunner
			.withPropertyValues("migrate.arguments.region=eu-west", "migrate.placeholders.enabled=true",
					"migrate.instances.reporting.url=" + reporting.url(), "migrate.instances.reporting.user=sa",
					"migrate.instances.reporting.locations=classpath:db/placeholders",
					"migrate.instances.reporting.arguments.region=us-east")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("reportingMigrator", Migrator.class).config().arguments())
					.containsEntry("region", "us-east");
				assertThat(Databases.query(reporting.dataSource(), "SELECT val FROM app_settings")).containsExactly("us-east");
			});
	}

	// ---- {vendor} and drift filters

	@Test
	void vendorInLocationsIsTheDatabasesVendor() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/vendor/{vendor}").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).config().locations()).containsExactly("classpath:db/vendor/h2");
			assertThat(Databases.query(this.db.dataSource(), "SELECT name FROM flavour")).containsExactly("h2");
		});
	}

	@Test
	void vendorOnPostgresql() {
		TestDatabase pg = TestDatabases.freshPostgres();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				MigrateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + pg.url(), "spring.datasource.username=" + pg.user(),
					"migrate.locations=classpath:db/vendor/{vendor}")
			.run((context) -> assertThat(Databases.query(pg.dataSource(), "SELECT name FROM flavour"))
				.containsExactly("postgresql"));
	}

	@Test
	void aVendorLocationThatDoesNotExistNamesTheResolvedLocation() {
		this.contextRunner.withPropertyValues("migrate.locations=classpath:db/nowhere/{vendor}").run((context) -> assertThat(
				cause(context.getStartupFailure(), ConfigurationException.class))
			.hasMessage("Revision location 'classpath:db/nowhere/h2' does not exist (migrate.locations)"));
	}

	@Test
	void driftExcludeTablesLeavesTablesTheApplicationDoesNotOwnAlone() {
		Databases.execute(this.db.dataSource(), "CREATE SCHEMA REPORTING");
		Databases.execute(this.db.dataSource(), "CREATE TABLE REPORTING.daily_totals (id INTEGER)");
		ApplicationContextRunner drift = this.contextRunner.withPropertyValues("migrate.locations=classpath:db/drift",
				"migrate.model-packages=dev.migrate.autoconfigure.drift", "migrate.drift=fail",
				"migrate.baseline-revision=base", "migrate.drift-extras=fail");
		Databases.execute(this.db.dataSource(), "CREATE TABLE legacy_audit (id INTEGER)");
		drift.run((context) -> assertThat(cause(context.getStartupFailure(), MigrateDriftException.class).getDifferences())
			.anyMatch((d) -> d.contains("legacy_audit") || d.contains("LEGACY_AUDIT")));
		drift.withPropertyValues("migrate.drift-exclude-tables=legacy_*,Cust?mers")
			.run((context) -> assertThat(context).hasNotFailed());
		drift.withPropertyValues("migrate.drift-exclude-tables=legacy_*,Cust?mers", "migrate.drift-include-schemas=PUBLIC,REPORTING")
			.run((context) -> assertThat(cause(context.getStartupFailure(), MigrateDriftException.class).getDifferences())
				.singleElement()
				.satisfies((d) -> assertThat(d).startsWith("REPORTING: ").containsIgnoringCase("daily_totals")));
	}

	@Test
	void driftExtrasAreReportedWithoutFailingUnlessSetToFail() {
		ApplicationContextRunner drift = this.contextRunner.withPropertyValues("migrate.locations=classpath:db/drift",
				"migrate.model-packages=dev.migrate.autoconfigure.drift", "migrate.drift=fail",
				"migrate.baseline-revision=base", "migrate.drift-exclude-tables=Cust?mers");
		Databases.execute(this.db.dataSource(), "CREATE TABLE legacy_audit (id INTEGER)");
		drift.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrateProperties.class).getDriftExtras())
				.isEqualTo(dev.migrate.autogenerate.DriftExtras.REPORT);
		});
		drift.withPropertyValues("migrate.drift-extras=ignore").run((context) -> assertThat(context).hasNotFailed());
		drift.withPropertyValues("migrate.drift-extras=fail")
			.run((context) -> assertThat(cause(context.getStartupFailure(), MigrateDriftException.class).getDifferences())
				.singleElement()
				.satisfies((d) -> assertThat(d).startsWithIgnoringCase("removed table legacy_audit")));
	}

	/** A database that refuses the first {@code failures} connections, as one still starting up. */
	static final class FlakyDataSource extends dev.migrate.testing.AbstractDataSource {

		final AtomicInteger attempts = new AtomicInteger();

		private final int failures;

		private final SimpleDriverDataSource target;

		FlakyDataSource(TestDatabase db, int failures) {
			this.failures = failures;
			this.target = new SimpleDriverDataSource();
			this.target.setDriverClass(org.h2.Driver.class);
			this.target.setUrl(db.url());
			this.target.setUsername("sa");
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (this.attempts.incrementAndGet() <= this.failures) {
				throw new SQLException("the database system is starting up: not accepting connections yet", "57P03");
			}
			return this.target.getConnection();
		}

	}

}
