package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applied SQL revision edited afterwards: {@code check} exits 1 naming it (id and file),
 * {@code upgrade} refuses to run, {@code repair} accepts the edit and prints it, then both pass.
 */
class ChecksumCommandsTests {

	@TempDir
	Path project;

	private static final String FIRST = """
			-- revision: a1
			-- down_revision: none
			-- message: notes

			-- migrate:upgrade
			CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(40));

			-- migrate:downgrade
			DROP TABLE notes;
			""";

	private CliRunner cli(TestDatabase db) throws Exception {
		Path versions = Files.createDirectories(this.project.resolve("versions"));
		Files.writeString(versions.resolve("a1_notes.sql"), FIRST);
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(db.cliArgs()));
		args.addAll(java.util.List.of("--script-location", "versions"));
		return new CliRunner(this.project, args.toArray(String[]::new));
	}

	private static TestDatabase fresh(String db) {
		return switch (db) {
			case "h2" -> TestDatabases.freshH2();
			case "sqlite" -> TestDatabases.freshSqlite();
			default -> TestDatabases.freshPostgres();
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql", "h2" })
	void anEditedAppliedRevisionFailsCheckUntilRepaired(String kind) throws Exception {
		TestDatabase db = fresh(kind);
		CliRunner cli = cli(db);
		assertThat(cli.run("upgrade", "head").exitCode()).isZero();
		Result clean = cli.run("check");
		assertThat(clean.exitCode()).as(clean.toString()).isZero();

		Path file = this.project.resolve("versions/a1_notes.sql");
		Files.writeString(file, FIRST.replace("VARCHAR(40)", "VARCHAR(200)"));
		Result check = cli.run("check");
		assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
		assertThat(check.out()).contains("Changed after it was applied: a1 (" + file + ") (checksum recorded sql2:");
		assertThat(check.err().strip()).isEqualTo("FAILED: Applied revision a1 (" + file + ") was changed after being"
				+ " applied: restore the file (put the change in a new revision), or accept it with 'migrate repair'");

		Result json = cli.run("--json", "check");
		assertThat(json.exitCode()).isEqualTo(1);
		java.util.Map<?, ?> report = new com.google.gson.Gson().fromJson(json.out(), java.util.Map.class);
		assertThat((java.util.List<?>) report.get("changedRevisions")).hasSize(1);
		assertThat(((java.util.Map<?, ?>) ((java.util.List<?>) report.get("changedRevisions")).get(0)).get("revision"))
			.isEqualTo("a1");

		Result upgrade = cli.run("upgrade", "head");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
		assertThat(upgrade.err()).contains("Applied revision a1 (" + file + ") was changed after it was applied")
			.contains("'migrate repair'");

		Result repair = cli.run("repair");
		assertThat(repair.exitCode()).as(repair.toString()).isZero();
		assertThat(repair.out().strip()).startsWith("Accepted the edit of a1 (" + file + "): checksum sql2:")
			.contains(" -> sql2:");
		assertThat(cli.run("check").exitCode()).isZero();
		assertThat(cli.run("repair").out().strip())
			.isEqualTo("Nothing to repair: every applied revision matches its recorded checksum.");
		assertThat(cli.run("upgrade", "head").exitCode()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite" })
	void aDatabaseWithoutChecksumsPassesCheckAndGetsThemRecorded(String kind) throws Exception {
		TestDatabase db = fresh(kind);
		CliRunner cli = cli(db);
		assertThat(cli.run("upgrade", "head").exitCode()).isZero();
		try (var c = db.connect(); var s = c.createStatement()) {
			s.execute("DROP TABLE migrate_version_checksums");
		}
		Result check = cli.run("check");
		assertThat(check.exitCode()).as(check.toString()).isZero();
		assertThat(check.out()).contains("No checksum recorded yet for 1 applied revision(s)");
		Result repair = cli.run("repair");
		assertThat(repair.out().strip()).isEqualTo("Recorded the checksum of 1 revision that had none: a1");
		assertThat(cli.run("check").out()).doesNotContain("No checksum recorded");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite" })
	void stampingToBaseForgetsTheChecksums(String kind) throws Exception {
		TestDatabase db = fresh(kind);
		CliRunner cli = cli(db);
		assertThat(cli.run("upgrade", "head").exitCode()).isZero();
		Result stamp = cli.run("stamp", "base");
		assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
		try (var c = db.connect(); var s = c.createStatement();
				var rs = s.executeQuery("SELECT COUNT(*) FROM migrate_version_checksums")) {
			rs.next();
			assertThat(rs.getInt(1)).isZero();
		}
	}

}
