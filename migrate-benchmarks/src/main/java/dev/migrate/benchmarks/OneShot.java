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
		Tool.valueOf(args[0]).migrate(args[1], Path.of(args[2]));
		if (Boolean.getBoolean("bench.phases")) {
			System.err.printf("JVM start to main: %d ms, main: %d ms%n",
					java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
							- (System.nanoTime() - start) / 1_000_000,
					(System.nanoTime() - start) / 1_000_000);
		}
	}

}
