package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a SQLite database that already has tables but no version table:
 * {@code upgrade} refuses with what to do and changes nothing, {@code stamp} then {@code upgrade}
 * adopts it, {@code baseline-revision} does both in one run; {@code placeholders} replaces
 * {@code ${key}} with {@code -x} arguments.
 */
class AdoptExistingDatabaseCliTests {

	@TempDir
	Path project;

	private TestDatabase db;

	@BeforeEach
	void setUp() throws IOException, SQLException {
		this.db = TestDatabases.freshSqlite();
		Path versions = Files.createDirectories(this.project.resolve("versions"));
		Files.writeString(versions.resolve("aa01_customers.sql"), """
				-- revision: aa01
				-- down_revision:
				-- message: create customers

				-- migrate:upgrade
				CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);

				-- migrate:downgrade
				DROP TABLE customers;
				""");
		Files.writeString(versions.resolve("aa02_notes.sql"), """
				-- revision: aa02
				-- down_revision: aa01
				-- message: create notes

				-- migrate:upgrade
				CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100) NOT NULL);
				INSERT INTO notes (id, body) VALUES (1, '${greeting}');

				-- migrate:downgrade
				DROP TABLE notes;
				""");
		execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
	}

	private CliRunner cli() {
		List<String> args = new ArrayList<>(List.of(this.db.cliArgs()));
		args.addAll(List.of("--script-location", "versions"));
		return new CliRunner(this.project, args.toArray(String[]::new));
	}

	@Test
	void upgradeRefusesWithWhatToDoThenStampAndUpgradeAdoptIt() throws SQLException {
		CliRunner.Result refused = cli().run("upgrade", "head");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err().strip()).isEqualTo("FAILED: The database already has 1 table (customers) but no version"
				+ " table 'migrate_version', so it is not known which revisions it holds; nothing was changed. If it"
				+ " matches revision <rev>, run 'migrate stamp <rev>' (or set baseline-revision=<rev>) and upgrade from"
				+ " there; baseline-revision=base applies every revision anyway");
		assertThat(query("SELECT count(*) FROM sqlite_master WHERE name IN ('migrate_version', 'notes')")).containsExactly("0");

		assertThat(cli().run("stamp", "aa01").exitCode()).isZero();
		assertThat(cli().run("upgrade", "head").exitCode()).isZero();
		assertThat(query("SELECT version_num FROM migrate_version")).containsExactly("aa02");
		assertThat(query("SELECT body FROM notes")).containsExactly("${greeting}");
	}

	@Test
	void baselineRevisionAndPlaceholdersFromTheEnvironmentAndArguments() throws SQLException {
		CliRunner.Result result = cli().env("MIGRATE_BASELINE_REVISION", "aa01")
			.env("MIGRATE_PLACEHOLDERS", "true")
			.run("-x", "greeting=hello", "upgrade", "head");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(query("SELECT version_num FROM migrate_version")).containsExactly("aa02");
		assertThat(query("SELECT body FROM notes")).containsExactly("hello");
	}

	@Test
	void anUnknownPlaceholderIsOneLineNamingFileAndKey() {
		CliRunner.Result result = cli().env("MIGRATE_BASELINE_REVISION", "aa01")
			.env("MIGRATE_PLACEHOLDERS", "true")
			.run("upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Unknown placeholder '${greeting}' in ")
			.contains("aa02_notes.sql line 7 (upgrade)");
	}

	private void execute(String sql) throws SQLException {
		try (Connection c = this.db.connect(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private List<String> query(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection c = this.db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}
