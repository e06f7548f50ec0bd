package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.dialect.DialectResolver;
import dev.migrate.script.ScriptException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Statements are split when a revision is about to run, not at load; a run still checks every
 * revision of its plan before its first step, so a malformed pending revision changes nothing.
 */
class PostgresMalformedRevisionTests {

	private static DataSource ds;

	@TempDir
	Path dir;

	@BeforeAll
	static void database() {
		ds = TestDatabases.freshPostgres().dataSource();
	}

	private Path writeRevisions(String table) throws IOException {
		write("m01_one.sql", "-- revision: m01\n-- down_revision:\n\n-- migrate:upgrade\nCREATE TABLE " + table
				+ "_1 (id INT);\n\n-- migrate:downgrade\nDROP TABLE " + table + "_1;\n");
		write("m02_two.sql", "-- revision: m02\n-- down_revision: m01\n\n-- migrate:upgrade\nCREATE TABLE " + table
				+ "_2 (id INT);\n\n-- migrate:downgrade\nDROP TABLE " + table + "_2;\n");
		// an unclosed quote in the upgrade section of the last revision
		return write("m03_three.sql", "-- revision: m03\n-- down_revision: m02\n\n-- migrate:upgrade\nCREATE TABLE "
				+ table + "_3 (id INT);\nINSERT INTO " + table + "_3 VALUES ('oops);\n\n-- migrate:downgrade\nDROP TABLE "
				+ table + "_3;\n");
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.dir.resolve(name), text);
	}

	private Migrator migrator(String versionTable) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("filesystem:" + this.dir)
			.versionTable(versionTable)
			.build());
	}

	@Test
	void unclosedQuoteInPendingRevisionThreeOfThreeFailsUpgradeHeadWithNothingApplied() throws IOException {
		Path bad = writeRevisions("mal_a");
		Migrator migrator = migrator("mal_a_version"); // loading reads headers only: no error yet
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> migrator.upgrade("head"))
			.withMessage("Bad revision file " + bad
					+ ": unterminated string literal starting at line 6 in the upgrade section");
		assertThat(DbState.exists(ds, "mal_a_version")).isFalse();
		assertThat(DbState.tables(ds, "mal_a_")).isEmpty();

		// offline: nothing written either
		StringBuilder sql = new StringBuilder();
		Migrator offline = Migrator.create(MigrateConfig.builder()
			.dialect(DialectResolver.byName("postgresql"))
			.locations("filesystem:" + this.dir)
			.build());
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> offline.upgradeSql("head", sql))
			.withMessageStartingWith("Bad revision file " + bad + ": unterminated string literal");
		assertThat(sql).isEmpty();
	}

	@Test
	void versionTableStaysWhereItWasWhenAPendingRevisionIsMalformed() throws IOException {
		Path bad = writeRevisions("mal_b");
		Migrator migrator = migrator("mal_b_version");
		assertThat(migrator.upgrade("m01").steps()).hasSize(1); // the malformed revision is not in this plan
		assertThat(DbState.rows(ds, "mal_b_version")).containsExactly("m01");

		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> migrator.upgrade("head"))
			.withMessageStartingWith("Bad revision file " + bad + ": ");
		assertThat(DbState.rows(ds, "mal_b_version")).containsExactly("m01");
		assertThat(DbState.tables(ds, "mal_b_")).containsExactly("mal_b_1", "mal_b_version", "mal_b_version_checksums");
		assertThat(migrator.current()).containsExactly("m01");
	}

}
