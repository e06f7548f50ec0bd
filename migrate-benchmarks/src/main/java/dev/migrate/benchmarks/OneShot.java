package dev.migrate.benchmarks;

import java.nio.file.Path;

/**
 * The whole-process variant: a fresh JVM that applies one tool's migrations and exits, so the
 * measurement includes JVM start, class loading and connecting. Arguments: tool, JDBC URL, directory.
 */
public final class OneShot {

	private OneShot() {
	}

	public static void main(String[] args) {
		long start = System.nanoTime();
		Quiet.apply();
		if (args[0].equals("BOOT")) {
			// the sample service's whole context, on a database at head; args[1]: true/false for the starter
			String[] boot = { "--migrate.enabled=" + args[1], "--spring.datasource.url=" + args[2],
					"--sample.embedded-postgres.enabled=false", "--server.port=0", "--logging.level.root=WARN", "--logging.level.dev.migrate=INFO",
					"--spring.main.banner-mode=off" };
			org.springframework.boot.SpringApplication.run(dev.migrate.sample.SampleServiceApplication.class, boot)
				.close();
			System.exit(0);
		}
		Tool.valueOf(args[0]).migrate(args[1], Path.of(args[2]));
		if (Boolean.getBoolean("bench.phases")) {
			System.err.printf("JVM start to main: %d ms, main: %d ms%n",
					java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
							- (System.nanoTime() - start) / 1_000_000,
					(System.nanoTime() - start) / 1_000_000);
		}
	}

}
