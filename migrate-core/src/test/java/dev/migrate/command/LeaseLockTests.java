package dev.migrate.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.runtime.LockInfo;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.testing.DriverDataSource;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testrevs.lease.L2Slow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lease on the lock row (H2 and SQLite files): a runner killed with {@code kill -9} in the
 * middle of a revision costs the next one at most the lease; one stopped with SIGTERM releases
 * the lock and rolls its revision back on the way out; a slow but live holder keeps its lease.
 */
class LeaseLockTests {

	static final String LOCATION = "classpath:dev/migrate/testrevs/lease";

	static final Duration LEASE = Duration.ofMillis(1000);

	@TempDir
	Path dir;

	@BeforeEach
	@AfterEach
	void reset() {
		L2Slow.pauseMillis = 0;
		L2Slow.slowSql = null;
		L2Slow.entered = new CountDownLatch(1);
	}

	@Test
	void sqliteRunnerKilledMidRevision() throws Exception {
		killedMidRevision("jdbc:sqlite:" + this.dir.resolve("app.db"));
	}

	@Test
	void h2FileRunnerKilledMidRevision() throws Exception {
		killedMidRevision("jdbc:h2:file:" + this.dir.resolve("app"));
	}

	@Test
	void sqliteRunnerStoppedWithSigterm() throws Exception {
		stoppedWithSigterm("jdbc:sqlite:" + this.dir.resolve("app.db"), true);
	}

	@Test
	void h2FileRunnerStoppedWithSigterm() throws Exception {
		// H2's own shutdown hook closes the database at the same time (DB_CLOSE_ON_EXIT): the
		// revision is rolled back, but the row may stay until its lease expires
		stoppedWithSigterm("jdbc:h2:file:" + this.dir.resolve("app"), false);
	}

	@Test
	void sqliteSlowLiveHolderIsNeverTakenOver() throws Exception {
		slowHolderKeepsLease(TestDatabases.freshSqlite().dataSource());
	}

	@Test
	void h2SlowLiveHolderIsNeverTakenOver() throws Exception {
		slowHolderKeepsLease(TestDatabases.freshH2().dataSource());
	}

	@Test
	void aLiveLeaseMakesTheWaiterTimeOutNamingTheHolder() throws Exception {
		DataSource ds = TestDatabases.freshH2().dataSource();
		L2Slow.pauseMillis = 2500;
		CompletableFuture<MigrationResult> holder = CompletableFuture.supplyAsync(() -> migrator(ds, Duration.ofSeconds(5)).upgrade("head"));
		assertThat(L2Slow.entered.await(20, TimeUnit.SECONDS)).isTrue();
		Migrator waiter = migrator(ds, Duration.ofMillis(1200));
		LockInfo info = waiter.lockInfo();
		assertThat(info).isNotNull();
		assertThat(info.holder()).contains("pid " + ProcessHandle.current().pid());
		assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> waiter.upgrade("head"))
			.withMessageContaining("table 'migrate_version_lock'")
			.withMessageContaining("is held by ")
			.withMessageContaining("(pid " + ProcessHandle.current().pid() + ")")
			.satisfies((ex) -> assertThat(ex.holder()).isNotNull());
		assertThat(holder.get(30, TimeUnit.SECONDS).steps()).hasSize(2);
		assertThat(waiter.lockInfo()).isNull();
	}

	@Test
	void forcedReleaseDeletesAStuckRow() throws Exception {
		DataSource ds = TestDatabases.freshH2().dataSource();
		Migrator migrator = migrator(ds, Duration.ofMillis(300));
		// a row left by the previous release: no owner, token or expiry, and (for the test) taken in the future
		DbState.execute(ds, "CREATE TABLE migrate_version_lock (lock_id INTEGER NOT NULL PRIMARY KEY, locked_at VARCHAR(40))");
		DbState.execute(ds, "INSERT INTO migrate_version_lock VALUES (1, '" + java.time.Instant.now().plusSeconds(60) + "')");
		assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade("head"))
			.withMessageContaining("a runner of a previous release");
		assertThat(DbState.tables(ds, "t_lease")).isEmpty();
		LockInfo released = migrator.releaseLock();
		assertThat(released.holder()).contains("previous release");
		assertThat(migrator.lockInfo()).isNull();
		assertThat(migrator.releaseLock()).isNull();
		assertThat(migrator.upgrade("head").steps()).hasSize(2);
	}

	@Test
	void aPreviousReleasesRowExpiresOneLeaseAfterItWasTaken() throws Exception {
		DataSource ds = TestDatabases.freshSqlite().dataSource();
		DbState.execute(ds, "CREATE TABLE migrate_version_lock (lock_id INTEGER NOT NULL PRIMARY KEY, locked_at VARCHAR(40))");
		DbState.execute(ds, "INSERT INTO migrate_version_lock VALUES (1, '" + java.time.Instant.now().minusSeconds(3600) + "')");
		assertThat(migrator(ds, Duration.ofSeconds(5)).upgrade("head").steps()).hasSize(2);
		assertThat(DbState.query(ds, "SELECT count(*) FROM migrate_version_lock")).containsExactly("0");
	}

	private void killedMidRevision(String url) throws Exception {
		DataSource ds = new DriverDataSource(url);
		Process child = startHolder(url, 0, 60_000);
		long killedAt;
		try {
			awaitLine(child, "IN_REVISION");
			Thread.sleep(1000); // H2 writes its commits to the file within WRITE_DELAY (0.5 s): let the lease reach it
			child.destroyForcibly();
			child.waitFor(20, TimeUnit.SECONDS);
			killedAt = System.nanoTime();
		}
		finally {
			child.destroyForcibly();
		}
		// the dead runner's lease is still in the row
		Migrator next = migrator(ds, Duration.ofSeconds(20));
		LockInfo stale = next.lockInfo();
		assertThat(stale).isNotNull();
		assertThat(stale.holder()).contains("(pid " + child.pid() + ")");
		MigrationResult result = next.upgrade("head");
		long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
		System.out.println("[lease] " + url.substring(0, url.indexOf(':', 5)) + ": next run acquired the lock and finished "
				+ waitedMillis + " ms after kill -9 (lease " + LEASE.toMillis() + " ms)");
		assertThat(result.steps()).extracting(StepResult::revision).containsExactly("l2");
		assertThat(DbState.query(ds, "SELECT rev FROM t_lease_applied")).containsExactly("l2");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("l2");
		assertThat(next.lockInfo()).isNull();
	}

	private void stoppedWithSigterm(String url, boolean releasedOnExit) throws Exception {
		DataSource ds = new DriverDataSource(url);
		Process child = startHolder(url, 0, 60_000);
		List<String> output;
		try {
			awaitLine(child, "IN_REVISION");
			Thread.sleep(1000); // as for kill -9: H2 writes its commits within WRITE_DELAY
			child.destroy(); // SIGTERM
			assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
			output = output(child);
		}
		finally {
			child.destroyForcibly();
		}
		long stoppedAt = System.nanoTime();
		Migrator next = migrator(ds, Duration.ofSeconds(releasedOnExit ? 0 : 20));
		if (releasedOnExit) {
			assertThat(String.join("\n", output)).contains("FAILED: Revision l2").contains("version table left at l1");
			// released on the way out: no lease to wait for (the lock timeout is 0)
			assertThat(next.lockInfo()).isNull();
		}
		// rolled back: no row of l2
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("l1");
		assertThat(DbState.query(ds, "SELECT count(*) FROM t_lease_applied")).containsExactly("0");
		assertThat(next.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("l2");
		System.out.println("[lease] " + url.substring(0, url.indexOf(':', 5)) + ": next run finished "
				+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt) + " ms after the SIGTERM-stopped run exited");
		assertThat(DbState.query(ds, "SELECT rev FROM t_lease_applied")).containsExactly("l2");
	}

	private void slowHolderKeepsLease(DataSource ds) throws Exception {
		L2Slow.pauseMillis = 3 * LEASE.toMillis();
		CompletableFuture<MigrationResult> holder = CompletableFuture.supplyAsync(() -> migrator(ds, Duration.ofSeconds(5)).upgrade("head"));
		assertThat(L2Slow.entered.await(20, TimeUnit.SECONDS)).isTrue();
		MigrationResult waiter = migrator(ds, Duration.ofSeconds(20)).upgrade("head");
		MigrationResult first = holder.get(30, TimeUnit.SECONDS);
		assertThat(first.steps()).extracting(StepResult::revision).containsExactly("l1", "l2");
		assertThat(waiter.nothingToDo()).isTrue();
		assertThat(DbState.query(ds, "SELECT rev FROM t_lease_applied")).containsExactly("l2");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("l2");
	}

	static Migrator migrator(DataSource ds, Duration timeout) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations(LOCATION)
			.lockLease(LEASE)
			.lockRenewInterval(Duration.ofMillis(250))
			.lockTimeout(timeout)
			.build());
	}

	/** A child JVM running {@link LockHolderMain}. */
	static Process startHolder(String url, long leaseMillisOrZero, long pauseMillis, String... slowSql) throws IOException {
		return startHolder(url, "", leaseMillisOrZero, pauseMillis, slowSql);
	}

	static Process startHolder(String url, String user, long leaseMillisOrZero, long pauseMillis, String... slowSql)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(LockHolderMain.class.getName());
		command.add(url);
		command.add(user);
		command.add("");
		command.add(String.valueOf((leaseMillisOrZero > 0) ? leaseMillisOrZero : LEASE.toMillis()));
		command.add(String.valueOf(pauseMillis));
		command.addAll(List.of(slowSql));
		Path out = java.nio.file.Files.createTempFile("migrate-lock-child", ".log");
		out.toFile().deleteOnExit();
		Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		OUTPUT.put(child, out);
		return child;
	}

	/** Waits until the child printed {@code line}; fails with what it printed when it ends first. */
	static void awaitLine(Process child, String line) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			List<String> lines = output(child);
			if (lines.contains(line)) {
				return;
			}
			if (!child.isAlive()) {
				throw new AssertionError("child ended before '" + line + "':\n" + String.join("\n", output(child)));
			}
			Thread.sleep(20);
		}
		throw new AssertionError("child did not print '" + line + "' within 60 s:\n" + String.join("\n", output(child)));
	}

	/** What the child printed so far (stdout and stderr, kept in a file: destroy() closes the pipes). */
	static List<String> output(Process child) throws IOException {
		return java.nio.file.Files.readAllLines(OUTPUT.get(child), StandardCharsets.UTF_8);
	}

	private static final java.util.Map<Process, Path> OUTPUT = new java.util.concurrent.ConcurrentHashMap<>();

}
