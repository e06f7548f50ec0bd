package dev.migrate.autoconfigure.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.autoconfigure.DatabaseNotAtHeadException;
import dev.migrate.command.DatabaseAheadException;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.runtime.ChecksumMismatchException;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.runtime.UnversionedSchemaException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real {@code SpringApplication} on a real database (embedded PostgreSQL, H2) for each start-up
 * failure: Spring Boot prints the starter's failure analysis, and the text points the right way.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureAnalysisTests {

	@TempDir
	Path dir;

	private static final String NOTES = """
			-- revision: 0000000000c1
			-- down_revision: none
			-- message: notes

			-- migrate:upgrade
			CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(40));

			-- migrate:downgrade
			DROP TABLE notes;
			""";

	private SpringApplicationBuilder application(TestDatabase db, String... properties) {
		return new SpringApplicationBuilder(AnalysisApplication.class)
			.properties("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + ((db.password() != null) ? db.password() : ""),
					"spring.main.web-application-type=none", "migrate.locations=filesystem:" + this.dir)
			.properties(properties);
	}

	private void boots(TestDatabase db, String... properties) {
		try (ConfigurableApplicationContext context = application(db, properties).run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.dir.resolve(name), text);
	}

	@Test
	void anEditedAppliedRevisionFailsValidateModeUntilRepaired(CapturedOutput output) throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		Path file = write("0000000000c1_notes.sql", NOTES);
		boots(db);
		write("0000000000c1_notes.sql", NOTES.replace("VARCHAR(40)", "VARCHAR(200)"));

		assertThatThrownBy(() -> application(db, "migrate.mode=validate").run())
			.hasRootCauseInstanceOf(ChecksumMismatchException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Applied revisions were edited after they were applied (migrate.validate-checksums=true); nothing was run:")
			.contains("    - 0000000000c1 (" + file + "): checksum recorded sql2:")
			.contains("accept it with `migrate repair` against this database");

		// upgrade mode validates too (Flyway's validateOnMigrate), unless switched off
		assertThatThrownBy(() -> application(db).run()).hasRootCauseInstanceOf(ChecksumMismatchException.class);
		boots(db, "migrate.validate-checksums=false");

		Migrator.create(MigrateConfig.builder().dataSource(db.dataSource()).locations("filesystem:" + this.dir).build())
			.repair();
		boots(db, "migrate.mode=validate");
	}

	@Test
	void anUnchangedRevisionBootsInValidateModeOnH2(CapturedOutput output) throws Exception {
		TestDatabase db = TestDatabases.freshH2();
		write("0000000000c1_notes.sql", NOTES);
		boots(db);
		boots(db, "migrate.mode=validate");
		assertThat(output).doesNotContain("no recorded checksum");
	}

	@Test
	void twoHeadsInValidateModeSuggestMergeOrHeadsNotUpgradeHead(CapturedOutput output) {
		TestDatabase db = TestDatabases.freshPostgres();
		try (ConfigurableApplicationContext context = application(db, "migrate.locations=classpath:db/twoheads",
				"migrate.target=billing@head").run()) {
			assertThat(context.isActive()).isTrue();
		}
		assertThatThrownBy(() -> application(db, "migrate.locations=classpath:db/twoheads", "migrate.mode=validate").run())
			.hasRootCauseInstanceOf(DatabaseNotAtHeadException.class);
		String analysis = analysis(output);
		assertThat(analysis).contains("The database of 'migrator' is not at head")
			.contains("The revisions have 2 heads (0000000000b1, 0000000000b2), so `migrate upgrade head` cannot apply them:"
					+ " `migrate heads` lists them. Merge them with `migrate merge heads -m \"merge heads\"`")
			.contains("`migrate upgrade heads` applies every branch")
			.doesNotContain("Run `migrate upgrade head`");
	}

	@Test
	void aDatabaseAheadOfTheCodeInUpgradeModeSaysANewerVersionMigratedIt(CapturedOutput output) throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		write("0000000000c1_notes.sql", NOTES);
		boots(db);
		execute(db, "UPDATE migrate_version SET version_num = '0000000000ff'");
		assertThatThrownBy(() -> application(db).run()).hasRootCauseInstanceOf(DatabaseAheadException.class);
		String analysis = analysis(output);
		assertThat(analysis).contains("The database is at revision(s) 0000000000ff, which this application's revisions"
				+ " do not have (their heads: 0000000000c1): it was migrated by a newer version of the application."
				+ " Nothing was run.")
			.contains("Deploy the newer version (the build that contains revision(s) 0000000000ff)")
			.contains("`migrate downgrade 0000000000c1` run from it")
			.doesNotContain("Fix the revision");
		assertThat(query(db, "SELECT version_num FROM migrate_version")).isEqualTo("0000000000ff");
	}

	@Test
	void anExistingSchemaWithoutVersionTableGetsTheStampAndBaselineHints(CapturedOutput output) throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		write("0000000000c1_notes.sql", NOTES);
		execute(db, "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(40))");
		assertThatThrownBy(() -> application(db).run()).hasRootCauseInstanceOf(UnversionedSchemaException.class);
		String analysis = analysis(output);
		assertThat(analysis).contains("already has tables but no version table 'migrate_version'")
			.contains("tables: notes")
			.contains("run `migrate stamp <rev>` against this database")
			.contains("migrate.baseline-revision=<rev>")
			.contains("migrate.baseline-on-migrate=true stamps it")
			.doesNotContain("Fix the revision");
	}

	@Test
	void anExistingSchemaWithoutVersionTableInValidateModeGetsTheStampHintToo(CapturedOutput output) throws Exception {
		TestDatabase db = TestDatabases.freshH2();
		write("0000000000c1_notes.sql", NOTES);
		execute(db, "CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(40))");
		assertThatThrownBy(() -> application(db, "migrate.mode=validate").run())
			.hasRootCauseInstanceOf(UnversionedSchemaException.class);
		assertThat(analysis(output)).contains("already has tables but no version table 'migrate_version'")
			.contains("run `migrate stamp <rev>` against this database")
			.doesNotContain("Run `migrate upgrade head`");
	}

	@Test
	void theWhyLineOfAFailedRevisionGivesTheReasonOnly(CapturedOutput output) throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		write("0000000000c1_notes.sql", NOTES.replace("CREATE TABLE notes", "INSERT INTO no_such_table VALUES (1);\nCREATE TABLE notes"));
		assertThatThrownBy(() -> application(db).run()).hasCauseInstanceOf(MigrationFailedException.class);
		String analysis = analysis(output);
		String why = analysis.lines().filter((l) -> l.strip().startsWith("why:")).findFirst().orElseThrow();
		assertThat(why.strip()).startsWith("why: ERROR: relation \"no_such_table\" does not exist")
			.doesNotContain("0000000000c1")
			.doesNotContain("statement:")
			.doesNotContain("version table");
		assertThat(analysis).contains("Revision 0000000000c1 (" + this.dir.resolve("0000000000c1_notes.sql") + ") failed on upgrade.")
			.contains("statement: INSERT INTO no_such_table VALUES (1)");
	}

	/** The failure analysis Spring Boot printed (from its banner on). */
	private static String analysis(CapturedOutput output) {
		String all = output.getAll();
		int start = all.lastIndexOf("APPLICATION FAILED TO START");
		assertThat(start).as(all).isNotNegative();
		return all.substring(start);
	}

	private static void execute(TestDatabase db, String sql) throws Exception {
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static String query(TestDatabase db, String sql) throws Exception {
		try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
