package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The cold rows: a fresh JVM per measured run for Migrate and for the raw-JDBC floor alike
 * ({@link ColdMain}), in both transaction modes, timed from the first line of {@code main()} to its
 * end (printed by the child) and as a whole process (start of the JVM to its exit, timed here).
 * Migrate and the floor alternate within each round; a round's two runs give one per-round ratio.
 */
final class ColdStart {

	private final EmbeddedPostgres postgres;

	private final Path work;

	private final String classPath;

	private final List<String> jvmOptions;

	private int databases;

	private int runs;

	private int warmup;

	/** row → [Migrate, raw] samples, and the per-round ratios of the row. */
	private final Map<String, Samples[]> rows = new LinkedHashMap<>();

	/** Migrate's revision cache (see docs/revisions.md): its directory, in the work directory. */
	private static final String CACHE_PROPERTY = "migrate.revision-cache";

	private final String cacheOption;

	private final Map<String, List<Double>> roundRatios = new LinkedHashMap<>();

	ColdStart(EmbeddedPostgres postgres, Path work, String classPath, List<String> jvmOptions) {
		this.postgres = postgres;
		this.work = work;
		this.cacheOption = "-D" + CACHE_PROPERTY + "=" + work.resolve("revision-cache");
		this.classPath = classPath;
		this.jvmOptions = jvmOptions;
	}

	/** Runs S1 (apply into an empty database) then S2 (at head) in both modes; returns the markdown table. */
	String run(int revisions, int runs, int warmup) {
		this.runs = runs;
		this.warmup = warmup;
		Path dir = RevisionFiles.migrate(this.work.resolve("cold"), revisions);
		List<String> atHead = new ArrayList<>();
		for (String mode : new String[] { "per-revision", "one" }) {
			String label = mode.equals("one") ? "one transaction" : "txn per revision";
			String s1 = "S1 apply " + revisions + " one-table revisions, " + label;
			for (int round = 0; round < warmup + runs; round++) {
				BenchmarkMain.progress("cold " + s1 + ": " + ((round < warmup) ? "warm-up" : "run " + (round - warmup + 1)));
				long[][] pair = new long[2][];
				for (int k = 0; k < 2; k++) {
					int tool = (k + round) % 2;
					String url = newDatabase();
					pair[tool] = once(tool, mode, url, dir, this.cacheOption);
					if (mode.equals("per-revision")) {
						atHead.add(tool + " " + url);
					}
					else {
						dropDatabase(url);
					}
				}
				if (round >= warmup) {
					record(s1, pair);
				}
			}
		}
		// at head with Migrate's revision cache (the default), and without it (the files read and parsed)
		for (String cache : new String[] { this.cacheOption, "-D" + CACHE_PROPERTY + "=off" }) {
			String s2 = "S2 at head (" + revisions + " applied)" + (cache.endsWith("=off") ? ", revision cache off" : "");
			for (int round = 0; round < warmup + runs; round++) {
				BenchmarkMain.progress("cold " + s2 + ": " + ((round < warmup) ? "warm-up" : "run " + (round - warmup + 1)));
				long[][] pair = new long[2][];
				for (int k = 0; k < 2; k++) {
					int tool = (k + round) % 2;
					String url = atHeadUrl(atHead, tool);
					pair[tool] = once(tool, "per-revision", url, dir, cache);
				}
				if (round >= warmup) {
					record(s2, pair);
				}
			}
		}
		for (String entry : atHead) {
			dropDatabase(entry.substring(2));
		}
		return table();
	}

	private static String atHeadUrl(List<String> atHead, int tool) {
		for (String entry : atHead) {
			if (entry.startsWith(tool + " ")) {
				return entry.substring(2);
			}
		}
		throw new IllegalStateException("no database at head");
	}

	private void record(String scenario, long[][] pair) {
		for (int what = 0; what < 2; what++) {
			String row = scenario + ", cold JVM, " + ((what == 0) ? "main() start to end" : "whole process");
			Samples[] s = this.rows.computeIfAbsent(row, (r) -> new Samples[] { new Samples(), new Samples() });
			s[0].add(pair[0][what]);
			s[1].add(pair[1][what]);
			this.roundRatios.computeIfAbsent(row, (r) -> new ArrayList<>()).add((double) pair[0][what] / pair[1][what]);
		}
	}

	/** One child JVM; tool 0 = Migrate, 1 = raw JDBC. Returns {main() nanos, whole-process nanos}. */
	private long[] once(int tool, String mode, String url, Path dir, String cacheOption) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmOptions);
		if (tool == 0) {
			command.add(cacheOption);
		}
		command.add("-cp");
		command.add(this.classPath);
		command.add(ColdMain.class.getName());
		command.add((tool == 0) ? "MIGRATE" : "RAW");
		command.add(mode);
		command.add(url);
		command.add(dir.toString());
		try {
			Path log = Files.createTempFile(this.work, "cold", ".log");
			long start = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			boolean done = process.waitFor(10, TimeUnit.MINUTES);
			long whole = System.nanoTime() - start;
			String output = Files.readString(log);
			if (!done || process.exitValue() != 0) {
				throw new IllegalStateException(command.get(command.size() - 4) + " failed in a new JVM:\n" + output);
			}
			Files.delete(log);
			int at = output.lastIndexOf("main-ns=");
			long main = Long.parseLong(output.substring(at + "main-ns=".length()).strip());
			return new long[] { main, whole };
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String table() {
		StringBuilder out = new StringBuilder();
		out.append("| Cold (a fresh JVM per run) | Migrate | raw JDBC floor | Migrate/floor (medians) | Migrate/floor (median of per-round ratios) |\n");
		out.append("|---|---|---|---|---|\n");
		for (Map.Entry<String, Samples[]> row : this.rows.entrySet()) {
			Samples[] s = row.getValue();
			out.append("| ").append(row.getKey()).append(" | ").append(s[0].cell()).append(" | ").append(s[1].cell())
				.append(" | ").append(Samples.ratio(s[0], s[1])).append(" | ")
				.append(String.format(Locale.ROOT, "%.2f×", median(this.roundRatios.get(row.getKey())))).append(" |\n");
		}
		out.append(String.format(Locale.ROOT, "%nMedian (min–max) of %d measured runs after %d warm-up run(s), Migrate and the floor "
				+ "alternating in each round; PostgreSQL 17 (embedded), fsync on, synchronous_commit on; Java %s, %d CPUs; "
				+ "child JVM options: %s.%n", this.runs, this.warmup, System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), this.jvmOptions.isEmpty() ? "none" : String.join(" ", this.jvmOptions)));
		return out.toString();
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private String newDatabase() {
		return BenchmarkMain.createDatabase(this.postgres, "cold_" + (++this.databases));
	}

	private void dropDatabase(String url) {
		BenchmarkMain.dropDatabase(this.postgres, url);
	}

}
