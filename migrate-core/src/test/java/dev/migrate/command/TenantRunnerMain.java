package dev.migrate.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.testing.DriverDataSource;

/**
 * A tenant runner in a child JVM: {@code <url> <schemaPrefix> <count> <parallelism> <goFile>}
 * loads the tenant revisions, prints {@code READY}, waits until {@code goFile} exists, upgrades
 * schemas {@code <prefix>01..<prefix><count>} to head, prints {@code STEPS <tenant> <n>} per tenant
 * and {@code DONE} or {@code FAILED: <summary>}.
 */
public final class TenantRunnerMain {

	private TenantRunnerMain() {
	}

	public static void main(String[] args) throws Exception {
		List<String> schemas = new ArrayList<>();
		for (int i = 1; i <= Integer.parseInt(args[2]); i++) {
			schemas.add(String.format("%s%02d", args[1], i));
		}
		TenantMigrator tenants = TenantMigrator
			.builder(MigrateConfig.builder()
				.dataSource(new DriverDataSource(args[0], "postgres", ""))
				.locations("classpath:dev/migrate/testrevs/tenants")
				.build())
			.schemas(schemas)
			.parallelism(Integer.parseInt(args[3]))
			.build();
		System.out.println("READY");
		System.out.flush();
		Path go = Path.of(args[4]);
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!Files.exists(go) && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		TenantReport report = tenants.upgrade("head");
		for (TenantResult r : report.results()) {
			System.out.println("STEPS " + r.tenant() + " " + r.steps().size());
		}
		System.out.println(report.ok() ? "DONE" : "FAILED: " + report.summary() + " " + report.failed().get(0).error());
		System.out.flush();
	}

}
