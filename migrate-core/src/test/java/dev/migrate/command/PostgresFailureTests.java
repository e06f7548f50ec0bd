package dev.migrate.command;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Revision 5 of 10 fails on PostgreSQL: the run stops at 4 and nothing of 5 remains. */
class PostgresFailureTests {

	private static DataSource ds;

	@BeforeAll
	static void database() {
		ds = TestDatabases.freshPostgres().dataSource();
	}

	@Test
	void failingRevisionIsRolledBackAndTheVersionTableStaysAtTheLastGoodRevision() {
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/failing")
			.logTable("migrate_log")
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("head"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).doesNotContain("\n")
					.startsWith("Revision r05 (classpath:dev/migrate/testrevs/failing/r05_step.sql) failed on upgrade: ")
					.contains("no_such_table")
					.contains("; statement: INSERT INTO no_such_table (id) VALUES (1)")
					.endsWith("; version table left at r04")
					.doesNotContain("half-applied");
				assertThat(ex.revision()).isEqualTo("r05");
				assertThat(ex.source()).isEqualTo("classpath:dev/migrate/testrevs/failing/r05_step.sql");
				assertThat(ex.statement()).isEqualTo("INSERT INTO no_such_table (id) VALUES (1)");
				assertThat(ex.lastGoodHeads()).containsExactly("r04");
				assertThat(ex.mayBeHalfApplied()).isFalse();
			});
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("r04");
		assertThat(DbState.tables(ds, "t_r")).containsExactly("t_r01", "t_r02", "t_r03", "t_r04");
		assertThat(migrator.current()).containsExactly("r04");
		assertThat(DbState.query(ds, "SELECT revision || ':' || success FROM migrate_log ORDER BY started_at"))
			.containsExactly("r01:true", "r02:true", "r03:true", "r04:true", "r05:false");
		assertThat(DbState.query(ds, "SELECT error FROM migrate_log WHERE NOT success"))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("no_such_table");

		// a second run retries revision 5 and fails the same way, changing nothing
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("head"))
			.withMessageContaining("Revision r05");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("r04");
		assertThat(migrator.status().pending()).containsExactly("r05", "r06", "r07", "r08", "r09", "r10");
		assertThat(List.copyOf(DbState.tables(ds, "t_r"))).hasSize(4);
	}

}
