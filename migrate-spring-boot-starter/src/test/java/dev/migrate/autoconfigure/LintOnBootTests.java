package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate.lint}: the pending revisions are linted before any runs. Revision 1 creates and
 * fills {@code orders}; revision 2 indexes it without CONCURRENTLY, which is dangerous once
 * revision 1 is applied (and harmless in the same deployment, where the table is new and empty).
 */
class LintOnBootTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class));

	private ApplicationContextRunner on(TestDatabase db, String... properties) {
		return this.runner.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
				"migrate.locations=classpath:db/lint").withPropertyValues(properties);
	}

	@Test
	void failRefusesToStartBeforeAnythingRunsAndTheAnalysisListsTheFindings() throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		on(db, "migrate.target=000000000001", "migrate.lint=fail").run((context) -> assertThat(context).hasNotFailed());
		on(db, "migrate.lint=fail").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause().isInstanceOf(MigrateLintException.class);
			FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("migrate.lint=fail")
				.contains("pg-index-not-concurrent 000000000002 (").contains("db/lint/000000000002_index.sql:5)")
				.contains("CREATE INDEX on table orders")
				.contains("instead: CREATE INDEX CONCURRENTLY");
			assertThat(analysis.getAction()).contains("-- migrate:allow <rule> <reason>")
				.contains("op.allow(\"<rule>\")")
				.contains("migrate.lint-disabled-rules");
		});
		assertThat(Databases.versions(db.dataSource())).containsExactly("000000000001");
		assertThat(indexExists(db)).isFalse();
	}

	@Test
	void disabledRuleAndWarnLetTheUpgradeRun() throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		on(db, "migrate.target=000000000001").run((context) -> assertThat(context).hasNotFailed());
		on(db, "migrate.lint=fail", "migrate.lint-disabled-rules=pg-index-not-concurrent")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(Databases.versions(db.dataSource())).containsExactly("000000000002");
		assertThat(indexExists(db)).isTrue();
	}

	@Test
	void warnIsTheDefaultAndOnlyLogs() {
		TestDatabase db = TestDatabases.freshPostgres();
		on(db, "migrate.target=000000000001").run((context) -> assertThat(context).hasNotFailed());
		on(db).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrateProperties.class).getLint()).isEqualTo(MigrateProperties.Lint.WARN);
		});
		assertThat(Databases.versions(db.dataSource())).containsExactly("000000000002");
	}

	@Test
	void timeoutPropertiesReachTheEngineAndBadOnesNameTheProperty() {
		TestDatabase db = TestDatabases.freshPostgres();
		on(db, "migrate.mode=none", "migrate.lock-timeout-ddl=2s", "migrate.statement-timeout=1m", "migrate.lock-retries=3",
				"migrate.lock-retry-backoff=250ms").run((context) -> {
					dev.migrate.runtime.DdlTimeouts t = context.getBean(dev.migrate.command.Migrator.class).config().ddlTimeouts();
					assertThat(t).isEqualTo(new dev.migrate.runtime.DdlTimeouts(java.time.Duration.ofSeconds(2),
							java.time.Duration.ofMinutes(1), 3, java.time.Duration.ofMillis(250)));
				});
		on(db, "migrate.mode=none", "migrate.lock-retries=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().hasMessageContaining("lock-retries must not be negative");
		});
	}

	private static boolean indexExists(TestDatabase db) throws Exception {
		try (Connection c = db.connect();
				ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_orders_name'")) {
			rs.next();
			return rs.getInt(1) == 1;
		}
	}

}
