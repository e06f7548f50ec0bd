package dev.migrate.command;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Upgrade, downgrade and stamp through a branched and merged graph of mixed SQL and Java revisions:
 * {@code a0 <- b0 <- c1 {left} <- d1}, {@code b0 <- c2 {right} <- d2}, {@code e0 <- (d1, d2)},
 * {@code f0 <- e0}; every revision creates table {@code t_<id>}. After every command the version
 * rows and the tables are read back from the database.
 */
abstract class AbstractBranchedGraphRunnerTests {

	static final String BRANCHED = "classpath:dev/migrate/testrevs/branched";

	private TestDatabase db;

	private DataSource ds;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void database() {
		this.db = newDatabase();
		this.ds = this.db.dataSource();
	}

	private Migrator migrator(String location, String versionTable) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(this.ds)
			.locations(location)
			.versionTable(versionTable)
			.logTable("migrate_log")
			.build());
	}

	private void assertState(List<String> rows, String... tables) {
		assertThat(DbState.rows(this.ds, "migrate_version")).isEqualTo(rows.stream().sorted().toList());
		assertThat(DbState.tables(this.ds, "t_")).containsExactly(tables);
	}

	@Test
	void upgradeDowngradeAndStampThroughBranchesAndMerge() {
		Migrator migrator = migrator(BRANCHED, "migrate_version");

		assertThat(migrator.current()).isEmpty();
		assertThat(DbState.exists(this.ds, "migrate_version")).as("current must not create the version table").isFalse();

		MigrationResult r = migrator.upgrade("d1");
		assertThat(r.steps()).extracting(StepResult::revision).containsExactly("a0", "b0", "c1", "d1");
		assertThat(r.headsBefore()).isEmpty();
		assertThat(r.headsAfter()).containsExactly("d1");
		assertState(List.of("d1"), "t_a0", "t_b0", "t_c1", "t_d1");
		assertThat(DbState.query(this.ds, "SELECT note FROM t_a0 WHERE id = 1")).containsExactly("semi;colon");

		r = migrator.upgrade("c2");
		assertThat(r.steps()).extracting(StepResult::revision).containsExactly("c2");
		assertState(List.of("c2", "d1"), "t_a0", "t_b0", "t_c1", "t_c2", "t_d1");
		assertThat(migrator.current()).containsExactlyInAnyOrder("d1", "c2");

		r = migrator.upgrade("head");
		assertThat(r.steps()).extracting(StepResult::revision).containsExactly("d2", "e0", "f0");
		assertState(List.of("f0"), "t_a0", "t_b0", "t_c1", "t_c2", "t_d1", "t_d2", "t_e0", "t_f0");

		r = migrator.upgrade("head");
		assertThat(r.nothingToDo()).isTrue();
		assertThat(migrator.status().upToDate()).isTrue();

		r = migrator.downgrade("d1");
		assertThat(r.steps()).extracting(StepResult::revision).containsExactly("f0", "e0");
		assertThat(r.steps()).allMatch((s) -> !s.upgrade());
		assertState(List.of("d1", "d2"), "t_a0", "t_b0", "t_c1", "t_c2", "t_d1", "t_d2");

		r = migrator.downgrade("right@b0");
		assertThat(r.steps()).extracting(StepResult::revision).containsExactly("d2", "c2");
		assertState(List.of("d1"), "t_a0", "t_b0", "t_c1", "t_d1");

		Status status = migrator.status();
		assertThat(status.current()).containsExactly("d1");
		assertThat(status.heads()).containsExactly("f0");
		assertThat(status.pending()).containsExactlyInAnyOrder("c2", "d2", "e0", "f0");
		assertThat(status.unknown()).isEmpty();
		assertThat(status.upToDate()).isFalse();

		// stamp moves rows only
		r = migrator.stamp(List.of("b0"), false);
		assertThat(r.headsAfter()).containsExactly("b0");
		assertState(List.of("b0"), "t_a0", "t_b0", "t_c1", "t_d1");

		r = migrator.stamp(List.of("d1"), true);
		assertState(List.of("d1"), "t_a0", "t_b0", "t_c1", "t_d1");

		r = migrator.downgrade("base");
		assertThat(r.steps()).extracting(StepResult::revision).containsExactly("d1", "c1", "b0", "a0");
		assertState(List.of());
		assertThat(DbState.exists(this.ds, "migrate_version")).isTrue();

		migrator.stamp(List.of("heads"), false);
		assertState(List.of("f0"));
		migrator.stamp(List.of("base"), false);
		assertState(List.of());

		List<String> logged = DbState.query(this.ds, "SELECT direction FROM migrate_log WHERE success = " + trueLiteral()
				+ " AND revision = 'a0' ORDER BY started_at");
		assertThat(logged).containsExactly("upgrade", "downgrade");
		assertThat(migrator.log()).extracting((e) -> e.revision() + ":" + e.direction())
			.contains("a0:upgrade", "d1:upgrade", "b0:stamp", "a0:downgrade");
		assertThat(migrator.log()).allSatisfy((e) -> {
			assertThat(e.success()).isTrue();
			assertThat(e.installedBy()).isEqualTo(System.getProperty("user.name"));
			assertThat(e.hostname()).isNotBlank();
		});
	}

	String trueLiteral() {
		return "TRUE";
	}

	@Test
	void badTargetsChangeNothing() {
		Migrator migrator = migrator(BRANCHED, "migrate_version");
		migrator.upgrade("c1");
		assertState(List.of("c1"), "t_a0", "t_b0", "t_c1");

		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("zzzz"))
			.withMessageContaining("zzzz");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.downgrade("nosuchrev"))
			.withMessageContaining("nosuchrev");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.stamp(List.of("nope1"), true))
			.withMessageContaining("nope1");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("a0:c1"))
			.withMessage("Range revision not allowed");
		assertState(List.of("c1"), "t_a0", "t_b0", "t_c1");

		// a second graph with two heads, in its own version table
		Migrator forked = migrator("classpath:dev/migrate/testrevs/forked", "forked_version");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> forked.upgrade("head"))
			.withMessageContaining("Multiple head")
			.withMessageContaining("'head'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> forked.upgrade("fork2"))
			.withMessageContaining("fork2");
		assertThat(DbState.exists(this.ds, "forked_version")).isFalse();
		assertThat(DbState.tables(this.ds, "t_fork")).isEmpty();
		assertState(List.of("c1"), "t_a0", "t_b0", "t_c1");

		forked.upgrade("heads");
		assertThat(DbState.rows(this.ds, "forked_version")).containsExactly("fork2aaa", "fork2bbb");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> forked.upgrade("+1"))
			.withMessageContaining("Ambiguous upgrade");
		assertThat(DbState.rows(this.ds, "forked_version")).containsExactly("fork2aaa", "fork2bbb");
	}

}
