package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line connects while it loads the revisions (on another thread), and it reports as
 * if it had connected first: an unreachable database before a malformed revision, and the
 * connection of a run that then fails on its revision files is closed, not left to the server.
 */
class ConnectThenLoadTests {

	@TempDir
	Path project;

	private Path malformed() throws Exception {
		Path versions = Files.createDirectories(this.project.resolve("versions"));
		Files.writeString(versions.resolve("b1_bad.sql"), "-- revision: b1\n-- down_revision: none\n\nno sections here\n");
		return versions;
	}

	@Test
	void anUnreachableDatabaseIsReportedBeforeAMalformedRevision() throws Exception {
		malformed();
		Result result = new CliRunner(this.project).runRaw("--url", "jdbc:postgresql://127.0.0.1:1/none?user=x",
				"--connect-timeout", "5", "--script-location", "versions", "upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Cannot connect to jdbc:postgresql://127.0.0.1:1/none").doesNotContain("b1_bad");
	}

	@Test
	void aMalformedRevisionFailsTheRunAndItsConnectionIsClosed() throws Exception {
		malformed();
		TestDatabase db = TestDatabases.freshPostgres();
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(db.cliArgs()));
		args.addAll(java.util.List.of("--script-location", "versions", "upgrade", "head"));
		Result result = new CliRunner(this.project).runRaw(args.toArray(String[]::new));
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("b1_bad.sql");
		try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
			// the server ends a session's process just after the client said goodbye: allow it a moment
			int others = -1;
			for (int attempt = 0; attempt < 50 && others != 0; attempt++) {
				try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
						+ " AND pid <> pg_backend_pid()")) {
					rs.next();
					others = rs.getInt(1);
				}
				if (others != 0) {
					Thread.sleep(100);
				}
			}
			assertThat(others).as("other sessions on the database").isZero();
			try (ResultSet rs = s.executeQuery(
					"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
				rs.next();
				assertThat(rs.getInt(1)).as("tables created").isZero();
			}
		}
	}

}
