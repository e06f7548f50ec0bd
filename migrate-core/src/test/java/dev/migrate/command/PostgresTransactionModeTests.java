package dev.migrate.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Revisions outside a transaction, autocommit blocks, one transaction per run, and listeners, on PostgreSQL. */
class PostgresTransactionModeTests {

	@Test
	void noTransactionRevisionsAndAutocommitBlocksRunConcurrentIndexes() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		List<String> events = new ArrayList<>();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/notx")
			.listener(new MigrationListener() {
				@Override
				public void beforeStep(StepInfo step) {
					events.add("before " + step.revision() + " " + step.fromRevisions() + "->" + step.toRevisions());
				}

				@Override
				public void afterStep(StepInfo step, Duration duration, Throwable failure) {
					events.add("after " + step.revision() + (failure == null ? " ok" : " failed"));
				}
			})
			.build());
		migrator.upgrade("head");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("n4");
		assertThat(DbState.query(ds, "SELECT indexname FROM pg_indexes WHERE tablename = 't_n' ORDER BY indexname"))
			.containsExactly("ix_n_a", "ix_n_b", "ix_n_c");
		assertThat(DbState.query(ds, "SELECT a FROM t_n ORDER BY a")).containsExactly("1", "4");
		assertThat(events).containsExactly("before n1 []->[n1]", "after n1 ok", "before n2 [n1]->[n2]", "after n2 ok",
				"before n3 [n2]->[n3]", "after n3 ok", "before n4 [n3]->[n4]", "after n4 ok");

		migrator.downgrade("n1");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("n1");
		assertThat(DbState.query(ds, "SELECT indexname FROM pg_indexes WHERE tablename = 't_n'")).isEmpty();
	}

	@Test
	void oneTransactionPerRunRollsBackTheWholeRun() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/failing")
			.transactionPerMigration(false)
			.build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("head"))
			.withMessageStartingWith("Revision r05 (classpath:dev/migrate/testrevs/failing/r05_step.sql) failed on upgrade: ")
			.withMessageEndingWith("; version table left at base")
			.satisfies((ex) -> assertThat(ex.lastGoodHeads()).isEmpty());
		assertThat(DbState.rows(ds, "migrate_version")).isEmpty();
		assertThat(DbState.tables(ds, "t_r")).isEmpty();

		MigrationResult ok = migrator.upgrade("r04");
		assertThat(ok.steps()).hasSize(4);
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("r04");
		assertThat(DbState.tables(ds, "t_r")).containsExactly("t_r01", "t_r02", "t_r03", "t_r04");
	}

	@Test
	void sqlRevisionWithDollarQuotedFunctionTriggerAndEscapeStrings() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/plpgsql")
			.build());
		migrator.upgrade("head");
		assertThat(DbState.query(ds, "SELECT id || '|' || note || '|' || \"odd;name\" || '|' || stamped FROM t_p ORDER BY id"))
			.containsExactly("1|a;b|c'd;e|stamped; it's", "2|it's|x|stamped; it's");
		migrator.downgrade("base");
		assertThat(DbState.tables(ds, "t_p")).isEmpty();
		assertThat(DbState.query(ds, "SELECT count(*) FROM pg_proc WHERE proname = 't_p_stamp'")).containsExactly("0");
	}

}
