package dev.migrate.command;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * H2 commits every DDL statement by itself: a failure says what may be half-applied and how to
 * recover, as on MySQL, while the DML of a revision and its version-row change still share one
 * transaction.
 */
class H2FailureTests {

	@Test
	void failureOnNonTransactionalDdlExplainsRecovery() {
		DataSource ds = TestDatabases.freshH2().dataSource();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/failing")
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\n")
					.startsWith("Revision r05 (classpath:dev/migrate/testrevs/failing/r05_step.sql) failed on upgrade: ")
					.contains("; statement: INSERT INTO no_such_table (id) VALUES (1)")
					.contains("; version table left at r04; DDL is not transactional on h2, so statements of r05 that"
							+ " ran before the failure may be half-applied: fix the schema by hand, then run"
							+ " 'migrate stamp r04' (or stamp r05 if it is complete)");
				assertThat(ex.mayBeHalfApplied()).isTrue();
				assertThat(ex.lastGoodHeads()).containsExactly("r04");
			});
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("r04");
		// what the message warns about: the CREATE TABLE of r05 committed by itself, its INSERT was rolled back
		assertThat(DbState.tables(ds, "t_r")).containsExactly("t_r01", "t_r02", "t_r03", "t_r04", "t_r05");
		assertThat(DbState.query(ds, "SELECT count(*) FROM t_r05")).containsExactly("0");
	}

	@Test
	void oneTransactionPerRunIsNotPossibleSoEachRevisionCommits() {
		DataSource ds = TestDatabases.freshH2().dataSource();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/failing")
			.transactionPerMigration(false)
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("head"))
			.withMessageContaining("; version table left at r04; DDL is not transactional on h2");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("r04");
	}

	@Test
	void revisionDmlAndItsVersionRowShareOneTransaction() {
		DataSource ds = TestDatabases.freshH2().dataSource();
		MigrateConfig config = MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/dml")
			.build();
		Migrator failing = Migrator.create(config.toBuilder().argument("fail", "yes").build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> failing.upgrade("head"))
			.withMessageStartingWith("Revision d2 (")
			.withMessageContaining("failed on upgrade: asked to fail; version table left at d1;");
		// the INSERT ran before the failure and was rolled back with the revision
		assertThat(DbState.query(ds, "SELECT count(*) FROM t_d")).containsExactly("0");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("d1");

		assertThat(Migrator.create(config).upgrade("head").headsAfter()).containsExactly("d2");
		assertThat(DbState.query(ds, "SELECT note FROM t_d")).containsExactly("autocommit=false");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("d2");
	}

}
