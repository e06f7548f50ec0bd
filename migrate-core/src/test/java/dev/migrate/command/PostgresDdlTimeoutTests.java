package dev.migrate.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.runtime.DdlTimeouts;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Lock timeouts on a real PostgreSQL: a second session holds a lock on the table (an open
 * transaction that read it); the revision's ALTER gives up after the DDL lock timeout instead of
 * queueing (so other readers of the table are not stuck behind it), is rolled back, retried with
 * back-off, and succeeds once the lock is released. The version table is read right after each
 * failed attempt.
 */
class PostgresDdlTimeoutTests {

	@TempDir
	Path dir;

	private DataSource ds;

	private final List<String> afterAttempts = new CopyOnWriteArrayList<>();

	private final CountDownLatch firstTimeout = new CountDownLatch(1);

	private final Logger runnerLog = Logger.getLogger("dev.migrate.runtime.MigrationRunner");

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			String message = java.text.MessageFormat.format(record.getMessage(),
					(record.getParameters() != null) ? record.getParameters() : new Object[0]);
			if (message.contains("lock wait timed out")) {
				// runs on the migrating thread, after the rollback and before the back-off
				PostgresDdlTimeoutTests.this.afterAttempts.add(versionAndColumn());
				PostgresDdlTimeoutTests.this.firstTimeout.countDown();
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	@BeforeEach
	void setUp() throws Exception {
		this.ds = TestDatabases.freshPostgres().dataSource();
		Files.writeString(this.dir.resolve("r1_accounts.sql"), """
				-- revision: r1
				-- migrate:upgrade
				CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);
				INSERT INTO accounts SELECT g, 'n' || g FROM generate_series(1, 1000) g;
				""");
		Files.writeString(this.dir.resolve("r2_note.sql"), """
				-- revision: r2
				-- down_revision: r1
				-- migrate:upgrade
				ALTER TABLE accounts ADD COLUMN note TEXT;
				""");
		this.runnerLog.addHandler(this.handler);
		this.runnerLog.setLevel(Level.INFO);
	}

	@AfterEach
	void tearDown() {
		this.runnerLog.removeHandler(this.handler);
	}

	private Migrator migrator(DdlTimeouts timeouts) {
		return Migrator.create(MigrateConfig.builder().dataSource(this.ds).locations(this.dir.toString()).ddlTimeouts(timeouts)
			.build());
	}

	@Test
	void ddlGivesUpInsteadOfQueueingIsRetriedAndSucceedsOnceTheLockIsReleased() throws Exception {
		Migrator migrator = migrator(new DdlTimeouts(Duration.ofSeconds(1), null, 20, Duration.ofMillis(200)));
		migrator.upgrade("r1");
		try (Connection holder = this.ds.getConnection(); Connection reader = this.ds.getConnection()) {
			holder.setAutoCommit(false);
			query(holder, "SELECT count(*) FROM accounts");
			CompletableFuture<MigrationResult> upgrade = CompletableFuture.supplyAsync(() -> migrator.upgrade("heads"));
			assertThat(this.firstTimeout.await(30, TimeUnit.SECONDS)).isTrue();
			// other sessions keep reading the table while the revision retries: each query waits at most
			// for the ALTER's current 1 s attempt, never for the holder's transaction
			execute(reader, "SET statement_timeout = '10s'");
			long worst = 0;
			int reads = 0;
			long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
			while (System.nanoTime() < until) {
				long start = System.nanoTime();
				assertThat(query(reader, "SELECT count(*) FROM accounts")).isEqualTo("1000");
				worst = Math.max(worst, System.nanoTime() - start);
				reads++;
			}
			assertThat(upgrade).isNotDone();
			System.out.printf("lock-timeout test: %d reads while the revision retried, slowest %d ms%n", reads,
					Duration.ofNanos(worst).toMillis());
			holder.rollback();
			MigrationResult result = upgrade.get(30, TimeUnit.SECONDS);
			assertThat(result.steps()).extracting(StepResult::revision).containsExactly("r2");
		}
		assertThat(this.afterAttempts).hasSizeGreaterThanOrEqualTo(2).allMatch("r1 without note"::equals);
		assertThat(versionAndColumn()).isEqualTo("r2 with note");
	}

	@Test
	void afterTheLastRetryItFailsNamingTheBlockingSession() throws Exception {
		Migrator migrator = migrator(new DdlTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30), 1, Duration.ofMillis(100)));
		migrator.upgrade("r1");
		try (Connection holder = this.ds.getConnection()) {
			String pid = query(holder, "SELECT pg_backend_pid()");
			holder.setAutoCommit(false);
			query(holder, "SELECT count(*) FROM accounts");
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("Revision r2")
				.withMessageContaining("lock timeout")
				.withMessageContaining("lock wait timed out after 1s (lock-timeout-ddl) on each of 2 attempts")
				.withMessageContaining("blocked by pid " + pid)
				.withMessageContaining("idle in transaction")
				.withMessageContaining("holds AccessShareLock")
				.withMessageContaining("version table left at r1");
			System.out.printf("lock-timeout test: gave up after %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
			holder.rollback();
		}
		assertThat(this.afterAttempts).containsExactly("r1 without note");
		assertThat(versionAndColumn()).isEqualTo("r1 without note");
	}

	@Test
	void revisionHeaderSetsItsOwnLockTimeout() throws Exception {
		Files.writeString(this.dir.resolve("r2_note.sql"), """
				-- revision: r2
				-- down_revision: r1
				-- migrate:lock-timeout: 1s
				-- migrate:upgrade
				ALTER TABLE accounts ADD COLUMN note TEXT;
				""");
		Migrator migrator = migrator(DdlTimeouts.NONE);
		migrator.upgrade("r1");
		try (Connection holder = this.ds.getConnection()) {
			holder.setAutoCommit(false);
			query(holder, "SELECT count(*) FROM accounts");
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("lock wait timed out after 1s (lock-timeout-ddl) on the only attempt (lock-retries 0)");
			holder.rollback();
		}
		assertThat(versionAndColumn()).isEqualTo("r1 without note");
		assertThat(migrator.upgrade("heads").steps()).extracting(StepResult::revision).containsExactly("r2");
	}

	private String versionAndColumn() {
		try (Connection c = this.ds.getConnection()) {
			String version = query(c, "SELECT string_agg(version_num, ',') FROM migrate_version");
			String column = query(c,
					"SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'note'");
			return version + (column.equals("1") ? " with note" : " without note");
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

	private static String query(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

}
