package dev.migrate.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import dev.migrate.command.MigrateConfig;
import dev.migrate.command.TenantMigrator;
import dev.migrate.command.TenantReport;

/**
 * TENANTS: N tenant schemas × M one-table revisions into a fresh database per tool and run —
 * Migrate's {@link TenantMigrator} at parallelism 1, 2 and 4 against Flyway looped over the
 * schemas ({@code Flyway.configure().schemas(t)...migrate()} per tenant, as Flyway users write
 * it), the order of the rows alternating from run to run. Besides the wall-clock time, the
 * machine's CPU (from {@code /proc/stat}) and this JVM's CPU are sampled over each run: what is
 * left is the database server's (and, on a shared machine, anything else running).
 */
final class TenantsBenchmark {

	private static final String FLYWAY = "Flyway, loop over schemas";

	private final EmbeddedPostgres postgres;

	private final Path work;

	private final Map<String, Samples> wall = new LinkedHashMap<>();

	private final Map<String, List<double[]>> cpu = new LinkedHashMap<>();

	TenantsBenchmark(EmbeddedPostgres postgres, Path work) {
		this.postgres = postgres;
		this.work = work;
	}

	String run(int tenants, int revisions, int runs, int warmup) {
		Path migrateDir = RevisionFiles.migrate(this.work.resolve("tenants-migrate"), revisions);
		Path flywayDir = RevisionFiles.flyway(this.work.resolve("tenants-flyway"), revisions);
		List<String> schemas = new ArrayList<>();
		for (int i = 1; i <= tenants; i++) {
			schemas.add(String.format(Locale.ROOT, "tenant_%03d", i));
		}
		List<String> rows = List.of(FLYWAY, "Migrate, parallelism 1", "Migrate, parallelism 2", "Migrate, parallelism 4");
		for (String row : rows) {
			this.wall.put(row, new Samples());
			this.cpu.put(row, new ArrayList<>());
		}
		for (int round = 0; round < warmup + runs; round++) {
			BenchmarkMain.progress("TENANTS " + tenants + " schemas x " + revisions + " revisions: "
					+ ((round < warmup) ? "warm-up" : "run " + (round - warmup + 1)));
			for (int r = 0; r < rows.size(); r++) {
				String row = rows.get((r + round) % rows.size());
				String url = BenchmarkMain.createDatabase(this.postgres, "tenants_" + round + "_" + r);
				DataSource ds = Tool.dataSource(url);
				double[] cpuBefore = cpuNow();
				long start = System.nanoTime();
				if (row.equals(FLYWAY)) {
					for (String schema : schemas) {
						Flyway.configure().dataSource(ds).schemas(schema).locations("filesystem:" + flywayDir.toAbsolutePath())
							.load()
							.migrate();
					}
				}
				else {
					int parallelism = Integer.parseInt(row.substring(row.lastIndexOf(' ') + 1));
					TenantReport report = TenantMigrator
						.builder(MigrateConfig.builder().dataSource(ds).locations("filesystem:" + migrateDir.toAbsolutePath()).build())
						.schemas(schemas)
						.parallelism(parallelism)
						.build()
						.upgrade("head");
					if (!report.ok()) {
						throw new IllegalStateException(report.summary() + ": " + report.failed().get(0).error());
					}
				}
				long nanos = System.nanoTime() - start;
				double[] cpuAfter = cpuNow();
				if (round >= warmup) {
					this.wall.get(row).add(nanos);
					this.cpu.get(row).add(new double[] { cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1],
							nanos / 1e9 });
				}
				BenchmarkMain.dropDatabase(this.postgres, url);
			}
		}
		return table(tenants, revisions, runs, warmup);
	}

	private String table(int tenants, int revisions, int runs, int warmup) {
		StringBuilder out = new StringBuilder();
		out.append("| TENANTS: ").append(tenants).append(" schemas × ").append(revisions)
			.append(" revisions | wall clock | vs Flyway loop | machine CPU busy | this JVM | the rest (database) |\n");
		out.append("|---|---|---|---|---|---|\n");
		Samples flyway = this.wall.get(FLYWAY);
		for (Map.Entry<String, Samples> row : this.wall.entrySet()) {
			double machine = 0;
			double jvm = 0;
			double seconds = 0;
			for (double[] c : this.cpu.get(row.getKey())) {
				machine += c[0];
				jvm += c[1];
				seconds += c[2];
			}
			int cores = Runtime.getRuntime().availableProcessors();
			out.append("| ").append(row.getKey()).append(" | ").append(row.getValue().cell()).append(" | ")
				.append(row.getKey().equals(FLYWAY) ? "1.00×" : Samples.ratio(flyway, row.getValue()) + " faster")
				.append(" | ").append(percent(machine, seconds * cores)).append(" of ").append(cores).append(" cores | ")
				.append(percent(jvm, seconds * cores)).append(" | ").append(percent(machine - jvm, seconds * cores))
				.append(" |\n");
		}
		out.append('\n').append(String.format(Locale.ROOT,
				"Median (min–max) of %d measured runs after %d warm-up run(s), rows alternating, a fresh database per row "
						+ "and run; PGSimpleDataSource (a new connection each time, no pool) for both; CPU: busy share of "
						+ "all cores over the runs (/proc/stat), this JVM's share (process CPU time), the rest is the "
						+ "database server's and anything else on the machine; Java %s.%n",
				runs, warmup, System.getProperty("java.version")));
		return out.toString();
	}

	private static String percent(double part, double whole) {
		return (whole <= 0) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
	}

	/** {machine busy CPU seconds, this JVM's CPU seconds} so far. */
	private static double[] cpuNow() {
		double machine = 0;
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			// cpu user nice system idle iowait irq softirq steal
			long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
					+ Long.parseLong(f[7]) + Long.parseLong(f[8]);
			machine = busy / 100.0; // USER_HZ
		}
		catch (IOException | RuntimeException ex) {
			machine = 0;
		}
		double jvm = 0;
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			jvm = os.getProcessCpuTime() / 1e9;
		}
		return new double[] { machine, jvm };
	}

}
