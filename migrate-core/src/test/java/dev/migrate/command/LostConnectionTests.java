package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The connection of a run is killed by the server while a revision runs ({@code pg_terminate_backend},
 * MariaDB {@code KILL CONNECTION}): the failure still names the revision and the statement, and the
 * cleanup that fails on the dead connection is only attached as suppressed.
 */
class LostConnectionTests {

	@TempDir
	Path dir;

	@Test
	void terminatedPostgresBackendReportsTheRevisionAndTheStatement() throws Exception {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		write("CREATE TABLE t_lost (id INTEGER);\nSELECT pg_sleep(60);");
		CompletableFuture<Boolean> killer = kill(ds,
				"SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%' AND pid <> pg_backend_pid()",
				"SELECT pg_terminate_backend(?)");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(ds).upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\n")
					.startsWith("Revision l1 (" + this.dir.resolve("l1_lost.sql") + ") failed on upgrade: ")
					.contains("terminating connection due to administrator command")
					.contains("; statement: SELECT pg_sleep(60)")
					.contains("; version table left at base")
					.doesNotContain("This connection has been closed");
				assertThat(ex.revision()).isEqualTo("l1");
				assertThat(ex.statement()).isEqualTo("SELECT pg_sleep(60)");
				// the rollback/autocommit cleanup on the dead connection is kept, not lost
				assertThat(ex.getSuppressed()).isNotEmpty();
			});
		assertThat(killer.get(10, TimeUnit.SECONDS)).isTrue();
		// the revision was rolled back with the connection: nothing of it remains
		assertThat(DbState.tables(ds, "t_lost")).isEmpty();
	}

	@Test
	void killedMariaDbConnectionReportsTheRevisionTheStatementAndWhatMayBeHalfApplied() throws Exception {
		DataSource ds = TestDatabases.freshMariaDb().dataSource();
		write("CREATE TABLE t_lost (id INTEGER);\nSELECT SLEEP(60);");
		CompletableFuture<Boolean> killer = kill(ds,
				"SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(60)%' AND id <> CONNECTION_ID()",
				"KILL CONNECTION ?");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator(ds).upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\n")
					.startsWith("Revision l1 (" + this.dir.resolve("l1_lost.sql") + ") failed on upgrade: ")
					.contains("; statement: SELECT SLEEP(60)")
					.contains("; version table left at base")
					.contains("so statements of l1 that ran before the failure may be half-applied");
				assertThat(ex.mayBeHalfApplied()).isTrue();
			});
		assertThat(killer.get(10, TimeUnit.SECONDS)).isTrue();
		// what the warning is about: the CREATE TABLE committed by itself
		assertThat(DbState.tables(ds, "t_lost")).containsExactly("t_lost");
	}

	private Migrator migrator(DataSource ds) {
		return Migrator.create(MigrateConfig.builder().dataSource(ds).locations("filesystem:" + this.dir).build());
	}

	private void write(String upgrade) throws IOException {
		Files.writeString(this.dir.resolve("l1_lost.sql"), "-- revision: l1\n-- down_revision:\n-- message: lost\n\n"
				+ "-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\nDROP TABLE t_lost;\n");
	}

	/** From a second connection: waits until the run's connection sleeps, then kills it. */
	private static CompletableFuture<Boolean> kill(DataSource ds, String findSleeper, String killSql) {
		return CompletableFuture.supplyAsync(() -> {
			try (Connection c = ds.getConnection()) {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (System.nanoTime() < deadline) {
					try (PreparedStatement find = c.prepareStatement(findSleeper); ResultSet rs = find.executeQuery()) {
						if (rs.next()) {
							try (PreparedStatement kill = c.prepareStatement(killSql)) {
								kill.setObject(1, rs.getObject(1));
								kill.execute();
							}
							return true;
						}
					}
					Thread.sleep(20);
				}
				return false;
			}
			catch (SQLException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
