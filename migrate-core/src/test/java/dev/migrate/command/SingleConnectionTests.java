package dev.migrate.command;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run holds one connection at a time (the migration lock and the work share it): upgrade,
 * downgrade and stamp work through a DataSource that never hands out a second open connection.
 */
class SingleConnectionTests {

	@Test
	void postgres() {
		runsOnOneConnection(TestDatabases.freshPostgres());
	}

	@Test
	void h2() {
		runsOnOneConnection(TestDatabases.freshH2());
	}

	@Test
	void sqlite() {
		runsOnOneConnection(TestDatabases.freshSqlite());
	}

	@Test
	void mariaDb() {
		runsOnOneConnection(TestDatabases.freshMariaDb());
	}

	private void runsOnOneConnection(TestDatabase db) {
		DataSource raw = db.dataSource();
		SingleConnectionDataSource single = new SingleConnectionDataSource(raw);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(single)
			.locations(AbstractBranchedGraphRunnerTests.BRANCHED)
			.logTable("migrate_log")
			.lockTimeout(Duration.ofSeconds(2))
			.build());

		assertThat(migrator.upgrade("heads").headsAfter()).containsExactly("f0");
		assertThat(DbState.rows(raw, "migrate_version")).containsExactly("f0");
		assertThat(migrator.downgrade("d1").headsAfter()).containsExactlyInAnyOrder("d1", "d2");
		assertThat(DbState.rows(raw, "migrate_version")).containsExactly("d1", "d2");
		assertThat(migrator.stamp(List.of("c1"), true).headsAfter()).containsExactly("c1");
		assertThat(DbState.rows(raw, "migrate_version")).containsExactly("c1");
		assertThat(migrator.stamp(List.of("b0"), false).headsAfter()).containsExactly("b0");
		assertThat(migrator.downgrade("base").steps()).extracting(StepResult::revision).containsExactly("b0", "a0");
		assertThat(DbState.rows(raw, "migrate_version")).isEmpty();
		assertThat(migrator.upgrade("b0").steps()).extracting(StepResult::revision).containsExactly("a0", "b0");
		assertThat(migrator.current()).containsExactly("b0");
		assertThat(migrator.log()).isNotEmpty();
		assertThat(single.open()).isZero();

		// a failed run gives its connection back and releases the lock: the next run (on the same pool) proceeds
		Migrator failing = Migrator.create(MigrateConfig.builder()
			.dataSource(single)
			.locations("classpath:dev/migrate/testrevs/failing")
			.versionTable("failing_version")
			.lockTimeout(Duration.ofSeconds(2))
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> failing.upgrade("head"))
			.withMessageContaining("Revision r05");
		assertThat(single.open()).isZero();
		assertThat(failing.downgrade("r02").headsAfter()).containsExactly("r02");
		assertThat(DbState.rows(raw, "failing_version")).containsExactly("r02");
		assertThat(single.open()).isZero();
	}

}
