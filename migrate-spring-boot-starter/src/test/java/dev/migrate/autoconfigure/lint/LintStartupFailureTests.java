package dev.migrate.autoconfigure.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.autoconfigure.MigrateLintException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real {@code SpringApplication} with {@code migrate.lint=fail}: a dangerous pending revision
 * (an index without CONCURRENTLY on a table an earlier deployment created) stops start-up before
 * anything runs, and Spring Boot prints the starter's failure analysis (registered in
 * {@code spring.factories}) with the finding and how to suppress it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LintStartupFailureTests {

	private SpringApplicationBuilder application(TestDatabase db, String... properties) {
		return new SpringApplicationBuilder(LintApplication.class)
			.properties("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.main.web-application-type=none", "migrate.locations=classpath:db/lint")
			.properties(properties);
	}

	@Test
	void dangerousPendingRevisionRefusesToBootWithTheFailureAnalysis(CapturedOutput output) throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		try (ConfigurableApplicationContext context = application(db, "migrate.target=000000000001").run()) {
			assertThat(context.isActive()).isTrue();
		}
		assertThatThrownBy(() -> application(db, "migrate.lint=fail").run())
			.hasRootCauseInstanceOf(MigrateLintException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migrate lint (migrate.lint=fail) found dangerous statements in the pending revisions of 'migrator'")
			.contains("error pg-index-not-concurrent 000000000002 (")
			.contains("db/lint/000000000002_index.sql:5): CREATE INDEX on table orders")
			.contains("instead: CREATE INDEX CONCURRENTLY")
			.contains("-- migrate:allow <rule> <reason>")
			.contains("migrate.lint-disabled-rules");
		assertThat(versions(db)).isEqualTo("000000000001");
	}

	@Test
	void theSameRevisionBootsWhenTheRuleIsDisabled() throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		try (ConfigurableApplicationContext context = application(db, "migrate.target=000000000001").run()) {
			assertThat(context.isActive()).isTrue();
		}
		try (ConfigurableApplicationContext context = application(db, "migrate.lint=fail",
				"migrate.lint-disabled-rules=pg-index-not-concurrent").run()) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(versions(db)).isEqualTo("000000000002");
	}

	private static String versions(TestDatabase db) throws Exception {
		try (Connection c = db.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT string_agg(version_num, ',') FROM migrate_version")) {
			rs.next();
			return rs.getString(1);
		}
	}

}
