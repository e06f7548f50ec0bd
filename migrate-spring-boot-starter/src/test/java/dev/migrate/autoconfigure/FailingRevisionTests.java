package dev.migrate.autoconfigure;

import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision that fails on PostgreSQL (transactional DDL): startup fails, the revision is rolled
 * back, the version table stays at the last good revision, and the failure analysis names it.
 */
class FailingRevisionTests {

	private static TestDatabase db;

	@BeforeAll
	static void database() {
		db = TestDatabases.freshPostgres();
	}

	@Test
	void failingRevisionStopsStartupAtTheLastGoodRevision() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"migrate.locations=classpath:db/failing")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				MigrationFailedException cause = findCause(failure, MigrationFailedException.class);
				assertThat(cause.revision()).isEqualTo("000000000002");
				assertThat(cause.lastGoodHeads()).containsExactly("000000000001");
				assertThat(Databases.versions(db.dataSource())).containsExactly("000000000001");
				assertThat(Databases.tableExists(db.dataSource(), "orders")).isFalse();
				FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("Revision 000000000002")
					.contains("000000000002_broken.sql")
					.contains("no_such_table");
				assertThat(analysis.getAction()).contains("rolled back");
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

}
