package dev.migrate.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrate.runtime.LockInfo;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testrevs.lease.L2Slow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GET_LOCK} is server-wide: the lock name carries the database, so two databases on one
 * MariaDB server migrate at the same time, while two runners of one database still wait.
 */
class MariaDbLockTests {

	@BeforeEach
	@AfterEach
	void reset() {
		L2Slow.pauseMillis = 0;
		L2Slow.entered = new CountDownLatch(1);
	}

	@Test
	void twoDatabasesOnOneServerMigrateAtTheSameTime() throws Exception {
		DataSource a = TestDatabases.freshMariaDb().dataSource();
		DataSource b = TestDatabases.freshMariaDb().dataSource();
		L2Slow.pauseMillis = 3000;
		CompletableFuture<MigrationResult> first = CompletableFuture
			.supplyAsync(() -> LeaseLockTests.migrator(a, Duration.ofSeconds(10)).upgrade("head"));
		assertThat(L2Slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
		Migrator sameDatabase = LeaseLockTests.migrator(a, Duration.ofMillis(300));
		LockInfo holder = sameDatabase.lockInfo();
		assertThat(holder).isNotNull();
		assertThat(holder.lock()).contains("GET_LOCK('migrate:");
		assertThat(holder.howToEnd()).contains("KILL ");
		assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> sameDatabase.upgrade("head"))
			.withMessageContaining("is held by connection id ")
			.withMessageContaining("KILL ");
		// the other database does not wait for the first one's lock (its own revision would pause too: not here)
		L2Slow.pauseMillis = 0;
		Migrator other = LeaseLockTests.migrator(b, Duration.ofMillis(300));
		assertThat(other.upgrade("head").steps()).hasSize(2);
		assertThat(first.isDone()).isFalse();
		assertThat(first.get(30, TimeUnit.SECONDS).steps()).hasSize(2);
		assertThat(DbState.rows(a, "migrate_version")).containsExactly("l2");
		assertThat(DbState.rows(b, "migrate_version")).containsExactly("l2");
		assertThat(sameDatabase.lockInfo()).isNull();
	}

}
