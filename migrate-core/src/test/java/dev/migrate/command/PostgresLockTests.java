package dev.migrate.command;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The migration lock: waited for with a timeout, and not taken at all when there is nothing to do. */
class PostgresLockTests {

	@Test
	void lockIsOnlyTakenWhenThereIsSomethingToDo() throws Exception {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/failing")
			.lockTimeout(Duration.ofMillis(300))
			.build());
		migrator.upgrade("r02");
		try (Connection holder = ds.getConnection()) {
			Dialect dialect = DialectResolver.forConnection(holder);
			dialect.acquireLock(holder, "migrate_version", Duration.ofSeconds(5));
			try {
				// nothing to do: the fast path never asks for the lock
				assertThat(migrator.upgrade("r02").nothingToDo()).isTrue();
				assertThat(migrator.upgrade("r01").nothingToDo()).isTrue();
				// something to do: waits, then gives up naming the lock
				assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade("r03"))
					.withMessageContaining("advisory lock")
					.withMessageContaining("'migrate_version'");
				assertThat(DbState.rows(ds, "migrate_version")).containsExactly("r02");
				assertThat(DbState.tables(ds, "t_r")).containsExactly("t_r01", "t_r02");
			}
			finally {
				dialect.releaseLock(holder, "migrate_version");
			}
		}
		assertThat(migrator.upgrade("r03").steps()).extracting(StepResult::revision).containsExactly("r03");
	}

}
