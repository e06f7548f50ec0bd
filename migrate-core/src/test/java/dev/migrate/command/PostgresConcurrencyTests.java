package dev.migrate.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Eight runners upgrade one PostgreSQL database at once: each revision runs exactly once, all end at head. */
class PostgresConcurrencyTests {

	private static DataSource ds;

	@BeforeAll
	static void database() {
		ds = TestDatabases.freshPostgres().dataSource();
	}

	@Test
	void eightConcurrentRunnersApplyEachRevisionOnce() throws Exception {
		int runners = 8;
		ExecutorService pool = Executors.newFixedThreadPool(runners);
		CountDownLatch ready = new CountDownLatch(runners);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<MigrationResult>> results = new ArrayList<>();
		try {
			for (int i = 0; i < runners; i++) {
				results.add(pool.submit(() -> {
					Migrator migrator = Migrator.create(MigrateConfig.builder()
						.dataSource(ds)
						.locations("classpath:dev/migrate/testrevs/counting")
						.build());
					ready.countDown();
					go.await();
					return migrator.upgrade("head");
				}));
			}
			assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			int stepsRun = 0;
			for (Future<MigrationResult> f : results) {
				MigrationResult result = f.get(120, TimeUnit.SECONDS);
				assertThat(result.headsAfter()).containsExactly("c08");
				stepsRun += result.steps().size();
			}
			assertThat(stepsRun).isEqualTo(8);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(DbState.query(ds, "SELECT rev || '=' || count(*) FROM applied GROUP BY rev ORDER BY rev"))
			.containsExactly("c01=1", "c02=1", "c03=1", "c04=1", "c05=1", "c06=1", "c07=1", "c08=1");
		assertThat(DbState.rows(ds, "migrate_version")).containsExactly("c08");
		// nobody is left holding the lock: a new run takes it at once (nothing to do, so fast path anyway)
		assertThat(DbState.query(ds, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).containsExactly("0");
	}

}
