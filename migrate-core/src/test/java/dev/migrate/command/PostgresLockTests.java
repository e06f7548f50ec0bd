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

	/**
	 * A runner killed while its backend runs a statement: the orphaned backend keeps the advisory
	 * lock until the statement ends; the waiter's message and the lock info name its pid.
	 */
	@Test
	void holderKilledMidStatementIsNamedByItsBackendPid() throws Exception {
		TestDatabases.TestDatabase db = TestDatabases.freshPostgres();
		DataSource ds = db.dataSource();
		Process child = LeaseLockTests.startHolder(db.url(), db.user(), 0, 0, "SELECT pg_sleep(60)");
		try {
			LeaseLockTests.awaitLine(child, "IN_REVISION");
			child.destroyForcibly();
			child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
			Migrator waiter = Migrator.create(MigrateConfig.builder()
				.dataSource(ds)
				.locations(LeaseLockTests.LOCATION)
				.lockTimeout(Duration.ofMillis(500))
				.build());
			String pid = DbState.query(ds, "SELECT pid FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)'").get(0);
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> waiter.upgrade("head"))
				.withMessageContaining("is held by backend pid " + pid)
				.withMessageContaining("pg_sleep(60)")
				.withMessageContaining("pg_terminate_backend(" + pid + ")");
			dev.migrate.runtime.LockInfo info = waiter.lockInfo();
			assertThat(info.holder()).startsWith("backend pid " + pid);
			assertThatExceptionOfType(dev.migrate.MigrateException.class).isThrownBy(waiter::releaseLock)
				.withMessageContaining("from another session")
				.withMessageContaining("pg_terminate_backend(" + pid + ")");
			DbState.query(ds, "SELECT pg_terminate_backend(" + pid + ")");
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (waiter.lockInfo() != null && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(waiter.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("l2");
			assertThat(DbState.query(ds, "SELECT rev FROM t_lease_applied")).containsExactly("l2");
		}
		finally {
			child.destroyForcibly();
		}
	}

	/** SIGTERM while the backend runs a statement: the statement is cancelled, rolled back, the lock released. */
	@Test
	void holderStoppedWithSigtermCancelsItsStatementAndReleasesTheLock() throws Exception {
		TestDatabases.TestDatabase db = TestDatabases.freshPostgres();
		DataSource ds = db.dataSource();
		Process child = LeaseLockTests.startHolder(db.url(), db.user(), 0, 0, "SELECT pg_sleep(60)");
		try {
			LeaseLockTests.awaitLine(child, "IN_REVISION");
			child.destroy();
			assertThat(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(String.join("\n", LeaseLockTests.output(child))).contains("FAILED: Revision l2")
				.contains("canceling statement due to user request")
				.contains("version table left at l1");
		}
		finally {
			child.destroyForcibly();
		}
		Migrator next = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations(LeaseLockTests.LOCATION)
			.lockTimeout(Duration.ZERO)
			.build());
		assertThat(next.lockInfo()).isNull();
		assertThat(DbState.query(ds, "SELECT count(*) FROM t_lease_applied")).containsExactly("0");
		assertThat(next.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("l2");
	}

}
