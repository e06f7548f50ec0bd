package dev.migrate.command;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** On MariaDB/MySQL DDL commits by itself: a failure says what may be half-applied and how to recover. */
class MariaDbFailureTests {

	@Test
	void failureOnNonTransactionalDdlExplainsRecovery() {
		DataSource ds = TestDatabases.freshMariaDb().dataSource();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/failing")
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\n")
					.startsWith("Revision r05 (classpath:dev/migrate/testrevs/failing/r05_step.sql) failed on upgrade: ")
					.contains("; statement: INSERT INTO no_such_table (id) VALUES (1)")
					.contains("; version table left at r04")
					.contains("DDL is not transactional on mysql, so statements of r05 that ran before the failure may be half-applied")
					.contains("fix the schema by hand, then run 'migrate stamp r04'");
				assertThat(ex.mayBeHalfApplied()).isTrue();
			});
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("r04");
		// what the message warns about: the CREATE TABLE of r05 committed by itself, its INSERT was rolled back
		assertThat(DbState.tables(ds, "t_r")).containsExactly("t_r01", "t_r02", "t_r03", "t_r04", "t_r05");
		assertThat(DbState.query(ds, "SELECT count(*) FROM t_r05")).containsExactly("0");
	}

}
