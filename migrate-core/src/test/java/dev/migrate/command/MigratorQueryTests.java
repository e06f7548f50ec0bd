package dev.migrate.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.MigrateException;
import dev.migrate.script.ScriptException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** history, heads, show, status and revision metadata, on H2. */
class MigratorQueryTests {

	private final DataSource ds = TestDatabases.freshH2().dataSource();

	private Migrator migrator() {
		return Migrator.create(MigrateConfig.builder().dataSource(this.ds).locations(AbstractBranchedGraphRunnerTests.BRANCHED).build());
	}

	@Test
	void historyNewestFirstAndRanges() {
		Migrator migrator = migrator();
		List<String> all = migrator.history(null).stream().map(RevisionInfo::id).toList();
		assertThat(all).hasSize(8).startsWith("f0", "e0").endsWith("b0", "a0");
		assertThat(migrator.history(":")).extracting(RevisionInfo::id).isEqualTo(all);
		assertThat(migrator.history("c1:f0")).extracting(RevisionInfo::id).containsExactly("f0", "e0", "d1", "c1");
		assertThat(migrator.history("b0:d1")).extracting(RevisionInfo::id).containsExactly("d1", "c1", "b0");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.history("c1"))
			.withMessage("History range requires [start]:[end], [start]:, or :[end]");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.history("c1:d2"))
			.withMessageContaining("c1").withMessageContaining("d2");

		migrator.upgrade("c1");
		assertThat(migrator.history("current:")).extracting(RevisionInfo::id).containsExactly("f0", "e0", "d1", "c1");
		assertThat(migrator.history(":current")).extracting(RevisionInfo::id).containsExactly("c1", "b0", "a0");
	}

	@Test
	void historyCurrentWithSeveralHeadsWalksFromAllOfThem() {
		Migrator migrator = migrator();
		migrator.upgrade("d1");
		migrator.upgrade("d2");
		assertThat(migrator.current()).containsExactlyInAnyOrder("d1", "d2");
		assertThat(migrator.history("current:")).extracting(RevisionInfo::id).containsExactly("f0", "e0", "d1", "d2");
		assertThat(migrator.history(":current")).extracting(RevisionInfo::id)
			.containsExactly("d1", "c1", "d2", "c2", "b0", "a0");
	}

	@Test
	void historyRelativeOvershootStopsAtTheEnd() {
		Migrator linear = Migrator.create(MigrateConfig.builder()
			.dataSource(this.ds)
			.locations("classpath:dev/migrate/testrevs/counting")
			.build());
		assertThat(linear.history("-20:c05")).extracting(RevisionInfo::id)
			.containsExactly("c05", "c04", "c03", "c02", "c01");
		assertThat(linear.history("c02:+20")).extracting(RevisionInfo::id)
			.containsExactly("c08", "c07", "c06", "c05", "c04", "c03", "c02");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> linear.history("c06:-20"))
			.withMessage("Relative revision -20 didn't produce 20 migrations");
	}

	@Test
	void historyReadsTheDatabaseOnlyForCurrent() {
		Migrator offline = Migrator.create(MigrateConfig.builder().locations(AbstractBranchedGraphRunnerTests.BRANCHED).build());
		assertThat(offline.history("c1:f0")).extracting(RevisionInfo::id).containsExactly("f0", "e0", "d1", "c1");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> offline.history("current:"))
			.withMessageStartingWith("No database configured");
	}

	@Test
	void headsShowAndMetadata() {
		Migrator migrator = migrator();
		assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly("f0");
		assertThat(migrator.bases()).extracting(RevisionInfo::id).containsExactly("a0");
		RevisionInfo e0 = migrator.show("e0");
		assertThat(e0.downRevisions()).containsExactly("d1", "d2");
		assertThat(e0.mergePoint()).isTrue();
		assertThat(e0.head()).isFalse();
		assertThat(e0.kind()).isEqualTo("sql");
		assertThat(e0.source()).isEqualTo("e0_merge.sql");
		assertThat(e0.message()).isEqualTo("merge left and right");
		assertThat(e0.createDate()).isEqualTo("2024-01-07 12:00:00");
		RevisionInfo b0 = migrator.show("b0");
		assertThat(b0.branchPoint()).isTrue();
		assertThat(b0.kind()).isEqualTo("java");
		assertThat(b0.source()).isEqualTo("dev.migrate.testrevs.branched.B0CreateTB");
		assertThat(migrator.show("right").id()).isEqualTo("c2");
		assertThat(migrator.show("f0").head()).isTrue();
		assertThat(migrator.show("a0").base()).isTrue();
		assertThat(migrator.script("e0").path()).isNotNull();
		assertThat(migrator.scriptDirectory().locations().get(0).directory()).isNotNull();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.show("zzzz"))
			.withMessageContaining("zzzz");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.show("current"))
			.withMessage("No revision identified by 'current'");
		migrator.upgrade("d1");
		assertThat(migrator.show("current").id()).isEqualTo("d1");
	}

	@Test
	void statusReportsPendingAndUnknownRows() {
		Migrator migrator = migrator();
		Status empty = migrator.status();
		assertThat(empty.current()).isEmpty();
		assertThat(empty.pending()).hasSize(8);
		assertThat(empty.upToDate()).isFalse();
		assertThat(migrator.pending("c1")).extracting(RevisionInfo::id).containsExactly("a0", "b0", "c1");
		assertThat(DbState.exists(this.ds, "migrate_version")).isFalse();

		migrator.upgrade("heads");
		assertThat(migrator.status().upToDate()).isTrue();
		DbState.execute(this.ds, "UPDATE migrate_version SET version_num = 'ffffffff0000'");
		Status ahead = migrator.status();
		assertThat(ahead.unknown()).containsExactly("ffffffff0000");
		assertThat(ahead.upToDate()).isFalse();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("head"))
			.withMessageContaining("ffffffff0000");
		assertThat(DbState.rows(this.ds, "migrate_version")).containsExactly("ffffffff0000");
	}

	@Test
	void emptyLocationHasNothingToDo() {
		Migrator migrator = Migrator.create(MigrateConfig.builder().dataSource(this.ds).locations("classpath:no/such/dir").build());
		assertThat(migrator.upgrade("heads").nothingToDo()).isTrue();
		assertThat(DbState.exists(this.ds, "migrate_version")).as("a first run creates the version table, as Alembic").isTrue();
		assertThat(DbState.rows(this.ds, "migrate_version")).isEmpty();
		assertThat(migrator.status().upToDate()).isTrue();
		assertThat(migrator.heads()).isEmpty();
	}

	@Test
	void malformedRevisionFileFailsBeforeTouchingTheDatabase(@TempDir Path dir) throws Exception {
		migrator().upgrade("c1");
		Files.writeString(dir.resolve("a1_ok.sql"), "-- revision: a1\n-- migrate:upgrade\nCREATE TABLE t_x (id INT);\n");
		Files.writeString(dir.resolve("b1_bad.sql"), "-- revision: b1\n-- down_revision: a1\n-- depends: a1\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> Migrator.create(MigrateConfig.builder().dataSource(this.ds).locations(dir.toString()).build()))
			.withMessage("Bad revision file " + dir.resolve("b1_bad.sql") + ": unknown header key 'depends' (line 3); known keys: "
					+ "revision, down_revision, branch_labels, depends_on, message, create_date");
		Files.writeString(dir.resolve("b1_bad.sql"), "-- revision: b1\n-- down_revision: a9\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Migrator.create(MigrateConfig.builder().dataSource(this.ds).locations(dir.toString()).build()))
			.withMessageContaining("a9");
		assertThat(DbState.rows(this.ds, "migrate_version")).containsExactly("c1");
		assertThat(DbState.tables(this.ds, "t_")).containsExactly("t_a0", "t_b0", "t_c1");
	}

}
