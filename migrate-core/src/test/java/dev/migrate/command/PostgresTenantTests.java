package dev.migrate.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.migrate.ConfigurationException;
import dev.migrate.graph.UnknownRevisionException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema-per-tenant and database-per-tenant runs on PostgreSQL: one failing tenant stops only
 * itself, two runners over the same tenants apply each revision once per tenant, and the
 * revisions' unqualified tables land in each tenant's schema.
 */
class PostgresTenantTests {

	private static final String LOCATION = "classpath:dev/migrate/testrevs/tenants";

	private static TestDatabases.TestDatabase db;

	private static DataSource ds;

	@BeforeAll
	static void database() {
		db = TestDatabases.freshPostgres();
		ds = db.dataSource();
	}

	private static MigrateConfig config(DataSource dataSource) {
		return MigrateConfig.builder().dataSource(dataSource).locations(LOCATION).build();
	}

	private static List<String> schemas(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> String.format("%s%02d", prefix, i)).toList();
	}

	@Test
	void fiftySchemasWithOneFailingTenantLeaveTheOther49AtHead() {
		List<String> schemas = schemas("a_", 50);
		// a_13 already has a relation named like the table t03 creates
		DbState.execute(ds, "CREATE SCHEMA a_13");
		DbState.execute(ds, "CREATE SEQUENCE a_13.invoice");
		List<String> started = Collections.synchronizedList(new ArrayList<>());
		List<Integer> done = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger stepEvents = new AtomicInteger();
		TenantMigrator tenants = TenantMigrator.builder(config(ds))
			.schemas(schemas)
			.parallelism(4)
			.listener(new TenantListener() {
				@Override
				public void started(Tenant tenant) {
					started.add(tenant.name());
				}

				@Override
				public MigrationListener steps(Tenant tenant) {
					return new MigrationListener() {
						@Override
						public void afterStep(StepInfo step, java.time.Duration duration, Throwable failure) {
							stepEvents.incrementAndGet();
						}
					};
				}

				@Override
				public void finished(TenantResult result, int n, int total) {
					assertThat(total).isEqualTo(50);
					done.add(n);
				}
			})
			.build();

		TenantReport report = tenants.upgrade("head");

		assertThat(report.ok()).isFalse();
		assertThat(report.results()).extracting(TenantResult::tenant).containsExactlyElementsOf(schemas);
		assertThat(report.failed()).extracting(TenantResult::tenant).containsExactly("a_13");
		TenantResult failed = report.result("a_13");
		assertThat(failed.error()).contains("t03").contains("invoice").doesNotContain("\n");
		assertThat(failed.from()).isEmpty();
		assertThat(failed.to()).containsExactly("t02");
		assertThat(failed.steps()).extracting(StepResult::revision).containsExactly("t01", "t02");
		assertThat(report.summary()).startsWith("50 tenants: 49 ok, 1 failed (a_13)");
		for (String schema : schemas) {
			if (schema.equals("a_13")) {
				continue;
			}
			TenantResult r = report.result(schema);
			assertThat(r.error()).isNull();
			assertThat(r.from()).isEmpty();
			assertThat(r.to()).containsExactly("t05");
			assertThat(r.steps()).hasSize(5);
			assertThat(DbState.query(ds, "SELECT version_num FROM " + schema + ".migrate_version")).containsExactly("t05");
			assertThat(DbState.query(ds, "SELECT count(*) FROM " + schema + ".applied")).containsExactly("5");
		}
		assertThat(DbState.query(ds, "SELECT version_num FROM a_13.migrate_version")).containsExactly("t02");
		assertThat(DbState.query(ds, "SELECT count(*) FROM a_13.applied")).containsExactly("2");
		// nothing landed in the connection's own schema, and the pool's connections are back on public
		assertThat(DbState.query(ds, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
			.containsExactly("0");
		assertThat(DbState.query(ds, "SELECT current_schema()")).containsExactly("public");
		assertThat(started).hasSize(50);
		assertThat(done).hasSize(50).contains(50);
		assertThat(stepEvents.get()).isEqualTo(49 * 5 + 3);

		TenantReport status = tenants.status();
		assertThat(status.ok()).isTrue();
		assertThat(status.results().stream().filter(TenantResult::upToDate)).hasSize(49);
		assertThat(status.result("a_13").status().current()).containsExactly("t02");
		assertThat(status.result("a_13").status().pending()).containsExactly("t03", "t04", "t05");

		// the conflict removed, a second run finishes a_13 and does nothing elsewhere
		DbState.execute(ds, "DROP SEQUENCE a_13.invoice");
		TenantReport again = tenants.upgrade("heads");
		assertThat(again.ok()).isTrue();
		assertThat(again.result("a_13").from()).containsExactly("t02");
		assertThat(again.result("a_13").steps()).extracting(StepResult::revision).containsExactly("t03", "t04", "t05");
		assertThat(again.results().stream().mapToInt((r) -> r.steps().size()).sum()).isEqualTo(3);
	}

	@Test
	void twoRunnersOnTheSameTenantsApplyEachRevisionOncePerTenant() throws Exception {
		List<String> schemas = schemas("c_", 30);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		CountDownLatch ready = new CountDownLatch(2);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<TenantReport>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					// each runner loads its own revisions and opens its own connections
					TenantMigrator tenants = TenantMigrator.builder(config(ds))
						.schemas(schemas)
						.parallelism(3)
						.build();
					ready.countDown();
					go.await();
					return tenants.upgrade("head");
				}));
			}
			assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			TenantReport first = runs.get(0).get(180, TimeUnit.SECONDS);
			TenantReport second = runs.get(1).get(180, TimeUnit.SECONDS);
			assertThat(first.ok()).as(first.summary()).isTrue();
			assertThat(second.ok()).as(second.summary()).isTrue();
			for (String schema : schemas) {
				int steps = first.result(schema).steps().size() + second.result(schema).steps().size();
				assertThat(steps).as(schema).isEqualTo(5);
				assertThat(first.result(schema).to()).containsExactly("t05");
				assertThat(second.result(schema).to()).containsExactly("t05");
				// applied.rev is a primary key: a revision run twice would have failed its tenant
				assertThat(DbState.query(ds, "SELECT rev FROM " + schema + ".applied ORDER BY rev"))
					.containsExactly("t01", "t02", "t03", "t04", "t05");
				assertThat(DbState.query(ds, "SELECT version_num FROM " + schema + ".migrate_version"))
					.containsExactly("t05");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoProcessesOnTheSameTenantsApplyEachRevisionOncePerTenant() throws Exception {
		List<String> schemas = schemas("p_", 20);
		String url = db.url();
		Path go = Files.createTempFile("migrate-tenants-go", ".flag");
		Files.delete(go);
		List<Process> children = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				Path out = Files.createTempFile("migrate-tenants-child", ".log");
				out.toFile().deleteOnExit();
				outputs.add(out);
				children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), TenantRunnerMain.class.getName(), url, "p_", "20", "3",
						go.toString())
					.redirectErrorStream(true)
					.redirectOutput(out.toFile())
					.start());
			}
			// both have loaded their revisions before either starts: the runs overlap
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!(Files.readAllLines(outputs.get(0)).contains("READY") && Files.readAllLines(outputs.get(1)).contains("READY"))) {
				assertThat(System.nanoTime()).as("children ready").isLessThan(deadline);
				assertThat(children).allMatch(Process::isAlive);
				Thread.sleep(20);
			}
			Files.createFile(go);
			for (Process child : children) {
				assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
			}
			java.util.Map<String, Integer> steps = new java.util.HashMap<>();
			for (Path out : outputs) {
				List<String> lines = Files.readAllLines(out);
				assertThat(lines).as(String.join("\n", lines)).contains("DONE");
				for (String line : lines) {
					if (line.startsWith("STEPS ")) {
						String[] parts = line.split(" ");
						steps.merge(parts[1], Integer.parseInt(parts[2]), Integer::sum);
					}
				}
			}
			for (String schema : schemas) {
				assertThat(steps.get(schema)).as(schema).isEqualTo(5);
				assertThat(DbState.query(ds, "SELECT rev FROM " + schema + ".applied ORDER BY rev"))
					.containsExactly("t01", "t02", "t03", "t04", "t05");
				assertThat(DbState.query(ds, "SELECT version_num FROM " + schema + ".migrate_version")).containsExactly("t05");
			}
		}
		finally {
			children.forEach(Process::destroyForcibly);
			Files.deleteIfExists(go);
		}
	}

	@Test
	void downgradeAndStampEveryTenant() {
		List<String> schemas = schemas("d_", 5);
		TenantMigrator tenants = TenantMigrator.builder(config(ds)).schemas(schemas).parallelism(2).build();
		assertThat(tenants.upgrade("head").ok()).isTrue();
		TenantReport down = tenants.downgrade("t02");
		assertThat(down.ok()).isTrue();
		assertThat(down.results()).allSatisfy((r) -> {
			assertThat(r.from()).containsExactly("t05");
			assertThat(r.to()).containsExactly("t02");
			assertThat(r.steps()).extracting(StepResult::revision).containsExactly("t05", "t04", "t03");
		});
		assertThat(DbState.query(ds, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'd_03' AND table_name = 'invoice'"))
			.containsExactly("0");
		TenantReport stamp = tenants.stamp(List.of("t04"), false);
		assertThat(stamp.ok()).isTrue();
		assertThat(DbState.query(ds, "SELECT version_num FROM d_05.migrate_version")).containsExactly("t04");
		assertThat(tenants.status().results()).allSatisfy((r) -> assertThat(r.status().pending()).containsExactly("t05"));
	}

	@Test
	void aMissingSchemaWithCreateSchemasOffFailsOnlyThatTenant() {
		DbState.execute(ds, "CREATE SCHEMA e_01");
		TenantMigrator tenants = TenantMigrator
			.builder(MigrateConfig.builder().dataSource(ds).locations(LOCATION).createSchemas(false).build())
			.schemas(List.of("e_01", "e_02"))
			.build();
		TenantReport report = tenants.upgrade("head");
		assertThat(report.result("e_01").to()).containsExactly("t05");
		assertThat(report.result("e_02").error())
			.isEqualTo("Schema 'e_02' does not exist and create-schemas is off: create it (or have it created), or turn create-schemas on");
		assertThat(DbState.query(ds, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'e_02'"))
			.containsExactly("0");
		// reads of a missing schema report no rows and create nothing
		TenantReport status = tenants.status();
		assertThat(status.result("e_02").status().current()).isEmpty();
		assertThat(status.result("e_02").status().pending()).hasSize(5);
	}

	@Test
	void badInputFailsBeforeAnyTenantRuns() {
		TenantMigrator tenants = TenantMigrator.builder(config(ds)).schemas(List.of("f_01", "f_02")).build();
		assertThatThrownBy(() -> tenants.upgrade("nope")).isInstanceOf(UnknownRevisionException.class);
		assertThat(DbState.query(ds, "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'f\\_%'"))
			.containsExactly("0");
		TenantMigrator forked = TenantMigrator
			.builder(MigrateConfig.builder().dataSource(ds).locations("classpath:dev/migrate/testrevs/forked").build())
			.schemas(List.of("f_01", "f_02"))
			.build();
		assertThatThrownBy(() -> forked.upgrade("head")).isInstanceOf(dev.migrate.graph.MultipleHeadsException.class);
		assertThat(DbState.query(ds, "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'f\\_%'"))
			.containsExactly("0");
		assertThatThrownBy(() -> TenantMigrator.builder(config(ds)).schemas(List.of("f_01", "f_01")).build())
			.isInstanceOf(ConfigurationException.class)
			.hasMessage("Tenant 'f_01' is listed twice (schemas)");
		assertThatThrownBy(() -> TenantMigrator.builder(config(ds)).schemas(List.of("f-1")).build())
			.isInstanceOf(ConfigurationException.class)
			.hasMessageStartingWith("Tenant 'f-1': Invalid schema name 'f-1'");
		assertThatThrownBy(() -> TenantMigrator.builder(config(ds)).schemas(List.of("f_01")).parallelism(0).build())
			.isInstanceOf(ConfigurationException.class)
			.hasMessage("parallelism must be at least 1, got 0");
	}

	@Test
	void databasePerTenant() {
		TestDatabases.TestDatabase one = TestDatabases.freshPostgres();
		TestDatabases.TestDatabase two = TestDatabases.freshPostgres();
		TenantMigrator tenants = TenantMigrator.builder(MigrateConfig.builder().locations(LOCATION).build())
			.tenant(Tenant.database("one", one.dataSource()))
			.tenant(Tenant.database("two", two.dataSource()))
			.build();
		TenantReport report = tenants.upgrade("t03");
		assertThat(report.ok()).isTrue();
		assertThat(DbState.query(one.dataSource(), "SELECT version_num FROM public.migrate_version")).containsExactly("t03");
		assertThat(DbState.query(two.dataSource(), "SELECT count(*) FROM public.applied")).containsExactly("3");
	}

}
