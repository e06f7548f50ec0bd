package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate unlock}, the lock-timeout exit code and the lock options. */
class LockCommandsTests {

	@TempDir
	Path project;

	private CliRunner cli(TestDatabase db) throws Exception {
		Path versions = Files.createDirectories(this.project.resolve("versions"));
		Files.writeString(versions.resolve("a1_t.sql"), """
				-- revision: a1
				-- down_revision: none
				-- message: t

				-- migrate:upgrade
				CREATE TABLE t_lock (id INTEGER);

				-- migrate:downgrade
				DROP TABLE t_lock;
				""");
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(db.cliArgs()));
		args.addAll(java.util.List.of("--script-location", "versions"));
		return new CliRunner(this.project, args.toArray(String[]::new));
	}

	@Test
	void aRowLeftByADeadRunIsShownAndReleasedWithForce() throws Exception {
		TestDatabase db = TestDatabases.freshSqlite();
		CliRunner cli = cli(db);
		assertThat(cli.run("unlock").out().strip()).isEqualTo("The migration lock is not held.");
		// what a runner killed on another host leaves: a lease far from expiry
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE migrate_version_lock (lock_id INTEGER NOT NULL PRIMARY KEY, locked_at VARCHAR(40), "
					+ "owner VARCHAR(255), token VARCHAR(64), expires_at BIGINT)");
			s.execute("INSERT INTO migrate_version_lock VALUES (1, '2026-01-01T00:00:00Z', 'build-7 (pid 4242)', 'abc', "
					+ Instant.now().plusSeconds(600).toEpochMilli() + ")");
		}
		Result timeout = cli.run("--lock-timeout", "0", "--log-table", "migrate_log", "upgrade", "head");
		assertThat(timeout.exitCode()).as(timeout.toString()).isEqualTo(3);
		assertThat(timeout.err().strip()).startsWith("FAILED: Could not acquire the migration lock")
			.contains("is held by build-7 (pid 4242) since 2026-01-01T00:00:00Z")
			.contains("migrate unlock --force")
			.doesNotContain("\n");
		assertThat(cli.run("current").lines()).isEmpty();

		Result show = cli.run("unlock");
		assertThat(show.exitCode()).as(show.toString()).isZero();
		assertThat(show.out()).contains("is held by build-7 (pid 4242) since 2026-01-01T00:00:00Z, lease expires at ");
		Result json = cli.run("--json", "unlock");
		assertThat(json.out()).contains("\"held\": true").contains("\"holder\": \"build-7 (pid 4242)\"");

		Result force = cli.run("unlock", "--force");
		assertThat(force.exitCode()).as(force.toString()).isZero();
		assertThat(force.out()).contains("Released the migration lock (row in table 'migrate_version_lock').");
		assertThat(cli.run("unlock").out().strip()).isEqualTo("The migration lock is not held.");

		Result upgrade = cli.run("--lock-timeout", "0", "--lock-lease", "PT2S", "--log-table", "migrate_log", "upgrade", "head");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		try (Connection c = db.connect(); Statement s = c.createStatement();
				java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM migrate_log")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void badLockSettingsNameTheSetting() throws Exception {
		CliRunner cli = cli(TestDatabases.freshSqlite());
		Result lease = cli.run("--lock-lease", "soon", "upgrade", "head");
		assertThat(lease.exitCode()).isEqualTo(2);
		assertThat(lease.err().strip()).isEqualTo("FAILED: Invalid lock-lease 'soon' (from option --lock-lease): use seconds or ISO-8601 like PT5M");
		Result renew = cli.run("--lock-lease", "2", "--lock-renew-interval", "5", "upgrade", "head");
		assertThat(renew.exitCode()).isEqualTo(2);
		assertThat(renew.err()).contains("lock-renew-interval must be positive and shorter than lock-lease");
	}

	@Test
	void postgresUnlockNamesTheHoldingBackend() throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		CliRunner cli = cli(db);
		try (Connection holder = db.connect()) {
			Dialect dialect = DialectResolver.forConnection(holder);
			dialect.acquireLock(holder, "migrate_version", Duration.ofSeconds(5));
			String pid;
			try (Statement s = holder.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
				rs.next();
				pid = rs.getString(1);
			}
			Result show = cli.run("unlock");
			assertThat(show.exitCode()).as(show.toString()).isZero();
			assertThat(show.out()).contains("is held by backend pid " + pid)
				.contains("end it with SELECT pg_terminate_backend(" + pid + ")");
			Result force = cli.run("unlock", "--force");
			assertThat(force.exitCode()).isEqualTo(2);
			assertThat(force.err()).contains("Cannot release the PostgreSQL advisory lock").contains("from another session")
				.contains("pg_terminate_backend(" + pid + ")");
			Result timeout = cli.run("--lock-timeout", "1", "upgrade", "head");
			assertThat(timeout.exitCode()).as(timeout.toString()).isEqualTo(3);
			assertThat(timeout.err()).contains("is held by backend pid " + pid);
		}
		assertThat(cli.run("unlock").out().strip()).isEqualTo("The migration lock is not held.");
	}

}
