package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A first run on an empty PostgreSQL database leaves no {@code ERROR} line in the server's log: the
 * version table is read through the dialect's probe ({@code to_regclass}, one query), not by a
 * {@code SELECT} that fails when the table is missing. A server of its own, whose output goes to a
 * file, so the log can be read.
 */
class PostgresFirstRunServerLogTests {

	@TempDir
	static Path tmp;

	private static EmbeddedPostgres server;

	private static Path log;

	@BeforeAll
	static void start() throws IOException {
		log = tmp.resolve("server.log");
		server = EmbeddedPostgres.builder()
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
	}

	@AfterAll
	static void stop() throws IOException {
		if (server != null) {
			server.close();
		}
	}

	private static List<String> errorLines() throws IOException {
		return Files.readAllLines(log).stream().filter((l) -> l.contains("ERROR")).toList();
	}

	private static Path revisions(Path dir, String table) throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("f01_one.sql"),
				"-- revision: f01\n-- down_revision:\n\n-- migrate:upgrade\nCREATE TABLE " + table + "_one (id INT);\n\n-- migrate:downgrade\nDROP TABLE " + table + "_one;\n");
		Files.writeString(dir.resolve("f02_two.sql"),
				"-- revision: f02\n-- down_revision: f01\n\n-- migrate:upgrade\nCREATE TABLE " + table + "_two (id INT);\n\n-- migrate:downgrade\nDROP TABLE " + table + "_two;\n");
		return dir;
	}

	private static Migrator migrator(DataSource ds, Path dir, String schema) {
		return Migrator.create(MigrateConfig.builder().dataSource(ds).locations("filesystem:" + dir).schema(schema).build());
	}

	@Test
	void firstRunAndStartsAtHeadLogNoErrorAndAFailedStatementDoes() throws IOException, SQLException {
		Path dir = revisions(tmp.resolve("revisions"), "first");
		DataSource ds = server.getPostgresDatabase();
		assertThat(errorLines()).isEmpty();

		// the at-head check of a service's first boot, then the first upgrade, then starts at head
		Migrator migrator = migrator(ds, dir, null);
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.upgrade("head").steps()).hasSize(2);
		assertThat(migrator.current()).containsExactly("f02");
		assertThat(migrator.upgrade("head").steps()).isEmpty();
		// with a schema that does not exist yet (created by the first upgrade)
		Migrator inSchema = migrator(ds, revisions(tmp.resolve("in-schema"), "second"), "first_app");
		assertThat(inSchema.current()).isEmpty();
		assertThat(inSchema.upgrade("head").steps()).hasSize(2);
		assertThat(inSchema.upgrade("head").steps()).isEmpty();
		// downgrading to base keeps the (empty) version table: still read without error
		assertThat(migrator.downgrade("base").steps()).hasSize(2);
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.upgrade("head").steps()).hasSize(2);

		assertThat(errorLines()).as("server log after first runs").isEmpty();

		// the log is read for real: the statement the engine used to send on a first run logs an ERROR
		try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> s.executeQuery("SELECT version_num FROM never_created_version"));
		}
		assertThat(errorLines()).singleElement().asString().contains("relation \"never_created_version\" does not exist");
	}


	/** The statements the server logged since line {@code from} of its log ({@code log_statement = all}). */
	private static List<String> statementsSince(int from) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return lines.subList(from, lines.size())
			.stream()
			.filter((l) -> l.contains("LOG:  statement: ") || l.contains("LOG:  execute "))
			.map((l) -> l.substring(l.indexOf("LOG:  ") + 6))
			.toList();
	}

	/**
	 * What the engine sends, counted in the server's own statement log: at head two queries (the
	 * probe, which also tells whether the checksum table exists, and the checksums), no catalog
	 * look-up; a first run no catalog look-up for its own tables; per revision the DDL, the version
	 * row and the checksum row (one statement batch) and the commit.
	 */
	@Test
	void statementsAtHeadAndPerRevisionAsTheServerLogsThem() throws IOException, SQLException {
		try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE counted");
			s.execute("ALTER DATABASE counted SET log_statement = 'all'");
		}
		DataSource ds = server.getDatabase("postgres", "counted");
		Migrator migrator = migrator(ds, revisions(tmp.resolve("counted"), "counted"), null);

		int start = Files.readAllLines(log).size();
		int mark = start;
		assertThat(migrator.upgrade("head").steps()).hasSize(2);
		List<String> firstRun = statementsSince(mark);
		// the unversioned-schema guard asks the catalog once (what tables the schema holds); nothing
		// asks it about migrate_version or its checksum table
		assertThat(firstRun).filteredOn((l) -> l.contains("TABLE_SCHEM")).hasSize(1);
		assertThat(firstRun).filteredOn((l) -> l.contains("CREATE TABLE migrate_version")).hasSize(2);
		// a checksum table created by this run holds no row to replace: inserts only
		assertThat(firstRun).noneMatch((l) -> l.contains("DELETE FROM migrate_version_checksums"));
		assertThat(firstRun).filteredOn((l) -> l.contains("INSERT INTO migrate_version_checksums")).hasSize(2);
		assertThat(firstRun).filteredOn((l) -> l.contains("COMMIT")).hasSize(2);
		// not read back after a run whose every step wrote its own checksum
		assertThat(firstRun).noneMatch((l) -> l.contains("SELECT revision, checksum"));

		mark = Files.readAllLines(log).size();
		assertThat(migrator.upgrade("head").steps()).isEmpty();
		List<String> atHead = statementsSince(mark);
		assertThat(atHead).filteredOn((l) -> !l.startsWith("statement: SET application_name")).hasSize(2);
		assertThat(atHead.get(atHead.size() - 2)).contains("to_regclass('migrate_version_checksums')");
		assertThat(atHead.get(atHead.size() - 1)).contains("SELECT revision, checksum FROM migrate_version_checksums");
		// what `migrate check`, validate mode and the endpoint read: the same two queries
		mark = Files.readAllLines(log).size();
		assertThat(migrator.checksums().changed()).isEmpty();
		assertThat(statementsSince(mark)).filteredOn((l) -> !l.startsWith("statement: SET application_name"))
			.hasSize(2)
			.noneMatch((l) -> l.contains("TABLE_SCHEM") || l.contains("current_schema"));

		// a table that existed before the run: a revision's row is replaced (a stamp may have left one)
		Files.writeString(tmp.resolve("counted").resolve("f03_three.sql"),
				"-- revision: f03\n-- down_revision: f02\n\n-- migrate:upgrade\nCREATE TABLE counted_three (id INT);\n\n-- migrate:downgrade\nDROP TABLE counted_three;\n");
		mark = Files.readAllLines(log).size();
		assertThat(migrator(ds, tmp.resolve("counted"), null).upgrade("head").steps()).hasSize(1);
		List<String> next = statementsSince(mark);
		assertThat(next).filteredOn((l) -> l.contains("DELETE FROM migrate_version_checksums WHERE revision = 'f03'"))
			.hasSize(1);
		assertThat(next).noneMatch((l) -> l.contains("TABLE_SCHEM"));
		List<String> lines = Files.readAllLines(log);
		assertThat(lines.subList(start, lines.size())).noneMatch((l) -> l.contains("ERROR"));
	}

}
