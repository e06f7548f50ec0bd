package dev.migrate.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;

/**
 * Runs Migrate, Flyway, Liquibase and a raw-JDBC floor side by side on one embedded PostgreSQL 17
 * and prints a markdown table of medians, ranges and ratios.
 *
 * <pre>
 * ./mvnw -q -pl migrate-benchmarks -am compile exec:java [-Dexec.args="--runs 5 --warmup 1"]
 * </pre>
 *
 * Options: {@code --runs N} measured runs (default 5), {@code --warmup N} (default 1),
 * {@code --revisions N} for S1/S2 (default 500), {@code --graph N} for S3 (default 10000),
 * {@code --tables N} for S4 (default 1000), {@code --no-process} to skip the whole-process runs,
 * {@code --only S1,BOOT,S3,S4} to run some scenarios (S1 includes S2; BOOT is the sample
 * service's Spring Boot start with and without the starter),
 * {@code --sync-commit off} to trade durability for speed as the embedded server's default does
 * (the default here is {@code on}, fsync on, as a real server), {@code --out FILE} to also write
 * the table to a file.
 */
public final class BenchmarkMain {

	private final Map<String, Integer> options;

	private final boolean wholeProcess;

	private final String syncCommit;

	private final Set<String> only;

	private final Path work;

	private EmbeddedPostgres postgres;

	private int databases;

	private final Map<String, Map<Tool, Samples>> rows = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private BenchmarkMain(Map<String, Integer> options, boolean wholeProcess, String syncCommit, Set<String> only)
			throws IOException {
		this.only = only;
		this.options = options;
		this.wholeProcess = wholeProcess;
		this.syncCommit = syncCommit;
		this.work = Files.createTempDirectory("migrate-benchmarks");
	}

	public static void main(String[] args) throws Exception {
		Quiet.apply();
		Map<String, Integer> options = new LinkedHashMap<>(
				Map.of("runs", 5, "warmup", 1, "revisions", 500, "graph", 10_000, "tables", 1000, "tenants", 200,
						"tenant-revisions", 20));
		boolean wholeProcess = true;
		String syncCommit = "on";
		Path out = null;
		Set<String> only = new LinkedHashSet<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--print-classpath")) {
				System.out.println(classPath());
				System.exit(0);
			}
			else if (arg.equals("--no-process")) {
				wholeProcess = false;
			}
			else if (arg.equals("--sync-commit")) {
				syncCommit = args[++i];
			}
			else if (arg.equals("--only")) {
				only.addAll(List.of(args[++i].toUpperCase(Locale.ROOT).split(",")));
			}
			else if (arg.equals("--out")) {
				out = Path.of(args[++i]);
			}
			else if (arg.startsWith("--") && options.containsKey(arg.substring(2)) && i + 1 < args.length) {
				options.put(arg.substring(2), Integer.parseInt(args[++i]));
			}
			else {
				System.err.println("Unknown option '" + arg + "'. Options: --runs N --warmup N --revisions N "
						+ "--graph N --tables N --no-process --sync-commit on|off --only COLD,S1,BOOT,S3,S4,TENANTS --tenants N --tenant-revisions N --out FILE");
				System.exit(2);
			}
		}
		BenchmarkMain benchmark = new BenchmarkMain(options, wholeProcess, syncCommit, only);
		String table = benchmark.run();
		System.out.println(table);
		if (out != null) {
			Files.writeString(out, table, StandardCharsets.UTF_8);
		}
		System.exit(0);
	}

	private String run() throws Exception {
		int runs = this.options.get("runs");
		int warmup = this.options.get("warmup");
		int revisions = this.options.get("revisions");
		progress("Starting embedded PostgreSQL (synchronous_commit=" + this.syncCommit + ") in " + this.work);
		this.postgres = EmbeddedPostgres.builder()
			.setDataDirectory(this.work.resolve("pgdata"))
			.setServerConfig("synchronous_commit", this.syncCommit)
			.setServerConfig("fsync", "on")
			.start();
		try {
			Map<Tool, Path> files = new EnumMap<>(Tool.class);
			for (Tool tool : Tool.values()) {
				files.put(tool, tool.files(this.work, revisions));
			}
			String cold = null;
			String tenants = null;
			if (this.only.contains("TENANTS")) {
				tenants = new TenantsBenchmark(this.postgres, this.work).run(this.options.get("tenants"),
						this.options.get("tenant-revisions"), runs, warmup);
				if (this.only.size() == 1) {
					return tenants;
				}
			}
			if (selected("COLD")) {
				List<String> jvm = (System.getProperty("bench.coldJvmOptions") != null)
						? List.of(System.getProperty("bench.coldJvmOptions").trim().split("\\s+")) : List.of();
				cold = new ColdStart(this.postgres, this.work, classPath(), jvm).run(revisions, runs, warmup);
			}
			if (selected("S1")) {
				applyAndNoop("in-process, warm JVM", revisions, runs, warmup, files, this::inProcess);
				if (this.wholeProcess) {
					applyAndNoop("whole process (OneShot, PGSimpleDataSource)", revisions, runs, warmup, files, this::inNewJvm);
				}
			}
			if (selected("BOOT") && this.wholeProcess) {
				springBootStart(runs, warmup);
			}
			if (selected("S3")) {
				graph(this.options.get("graph"), runs, warmup);
			}
			if (selected("S4")) {
				reflection(this.options.get("tables"), runs, warmup);
			}
			if (tenants != null) {
				return tenants + "\n" + ((cold == null) ? table() : cold + "\n" + table());
			}
			return (cold == null) ? table() : cold + "\n" + (this.rows.isEmpty() ? "" : "Warm and whole-process rows of the other scenarios:\n\n" + table());
		}
		finally {
			this.postgres.close();
			deleteRecursively(this.work);
		}
	}

	private static void deleteRecursively(Path root) {
		try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			progress("Could not delete " + root + ": " + ex.getMessage());
		}
	}

	/** Whether a scenario runs: all by default, else those named by {@code --only} (S1 covers S2). */
	private boolean selected(String scenario) {
		return this.only.isEmpty() || this.only.contains(scenario);
	}

	/** A way to run a tool: in this JVM, or in a new one. */
	private interface Runner {

		void run(Tool tool, String url, Path dir);

	}

	/**
	 * S1 (apply into an empty database, a fresh database per tool and run) then S2 (the same,
	 * again, on a database at head), alternating the order of the tools from run to run.
	 */
	private void applyAndNoop(String mode, int revisions, int runs, int warmup, Map<Tool, Path> files, Runner runner) {
		String s1 = "S1 apply " + revisions + " one-table revisions, " + mode;
		String s2 = "S2 no-op at head (" + revisions + " applied), " + mode;
		Map<Tool, String> atHead = new EnumMap<>(Tool.class);
		List<Tool> tools = List.of(Tool.values());
		for (int round = 0; round < warmup + runs; round++) {
			progress(s1 + ": " + ((round < warmup) ? "warm-up" : "run " + (round - warmup + 1)));
			for (int t = 0; t < tools.size(); t++) {
				Tool tool = tools.get((t + round) % tools.size());
				String url = newDatabase();
				long nanos = time(() -> runner.run(tool, url, files.get(tool)));
				if (round >= warmup) {
					samples(s1, tool).add(nanos);
				}
				String previous = atHead.put(tool, url);
				if (previous != null) {
					dropDatabase(previous);
				}
			}
		}
		for (int round = 0; round < warmup + runs; round++) {
			progress(s2 + ": " + ((round < warmup) ? "warm-up" : "run " + (round - warmup + 1)));
			for (int t = 0; t < tools.size(); t++) {
				Tool tool = tools.get((t + round) % tools.size());
				long nanos = time(() -> runner.run(tool, atHead.get(tool), files.get(tool)));
				if (round >= warmup) {
					samples(s2, tool).add(nanos);
				}
			}
		}
		atHead.values().forEach(this::dropDatabase);
	}

	/**
	 * S2, second half: the sample service's whole Spring Boot start (web server, JPA, actuator) in a
	 * new JVM on a database at head, with the starter (migrate.enabled=true: at-head check and drift
	 * check) and without it, alternating.
	 */
	private void springBootStart(int runs, int warmup) {
		String url = newDatabase();
		// the first start migrates the empty database to the sample's head
		bootOnce(true, url);
		String with = "S2 Spring Boot start of the sample service at head, whole process, with the starter";
		String without = "S2 Spring Boot start of the sample service at head, whole process, without the starter";
		for (int round = 0; round < warmup + runs; round++) {
			progress("S2 Spring Boot start: " + ((round < warmup) ? "warm-up" : "run " + (round - warmup + 1)));
			for (boolean enabled : (round % 2 == 0) ? new boolean[] { true, false } : new boolean[] { false, true }) {
				long nanos = time(() -> bootOnce(enabled, url));
				if (round >= warmup) {
					samples(enabled ? with : without, Tool.MIGRATE).add(nanos);
				}
			}
		}
		Samples a = this.rows.get(with).get(Tool.MIGRATE);
		Samples b = this.rows.get(without).get(Tool.MIGRATE);
		this.notes.add(String.format(Locale.ROOT,
				"Spring Boot start of the sample service with the starter / without it: %s / %s = %s "
						+ "(both columns under Migrate: it is the same service).",
				Samples.format(a.medianMillis()), Samples.format(b.medianMillis()), Samples.ratio(a, b)));
		dropDatabase(url);
	}

	private void bootOnce(boolean starter, String url) {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classPath(), OneShot.class.getName(), "BOOT", String.valueOf(starter), url);
		try {
			Path log = Files.createTempFile(this.work, "boot", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("The sample service failed to start:\n" + Files.readString(log));
			}
			if (System.getProperty("bench.bootLogs") != null) {
				Files.copy(log, Path.of(System.getProperty("bench.bootLogs"), log.getFileName() + "-" + starter));
			}
			Files.delete(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void inProcess(Tool tool, String url, Path dir) {
		tool.migrate(url, dir);
	}

	private void inNewJvm(Tool tool, String url, Path dir) {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classPath(), OneShot.class.getName(), tool.name(), url, dir.toString());
		try {
			Path log = Files.createTempFile(this.work, "oneshot", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(tool.label() + " failed in a new JVM:\n" + Files.readString(log));
			}
			Files.delete(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The class path of this program, also under {@code exec:java}, which loads it in its own class loader. */
	static String classPath() {
		Set<String> entries = new LinkedHashSet<>();
		for (ClassLoader cl = BenchmarkMain.class.getClassLoader(); cl != null; cl = cl.getParent()) {
			if (cl instanceof URLClassLoader urls) {
				for (URL url : urls.getURLs()) {
					try {
						entries.add(Path.of(url.toURI()).toString());
					}
					catch (Exception ex) {
						entries.add(url.getPath());
					}
				}
			}
		}
		if (entries.isEmpty()) {
			return System.getProperty("java.class.path");
		}
		return String.join(File.pathSeparator, entries);
	}

	/** S3: the revision graph alone, in memory — load (build and validate), heads, plan base to heads. */
	private void graph(int count, int runs, int warmup) {
		for (boolean branched : new boolean[] { false, true }) {
			List<RevisionNode> nodes = branched ? branchedNodes(count) : linearNodes(count);
			String shape = String.format(Locale.ROOT, "%,d revisions", nodes.size())
					+ (branched ? ", 100 branches + merges" : ", linear");
			progress("S3 graph, " + shape);
			for (int round = 0; round < warmup + runs; round++) {
				long start = System.nanoTime();
				RevisionGraph graph = RevisionGraph.of(nodes);
				long loaded = System.nanoTime();
				List<String> heads = graph.heads();
				long headsFound = System.nanoTime();
				int steps = graph.upgradePlan(List.of(), "heads").size();
				long planned = System.nanoTime();
				if (heads.size() != 1 || steps != nodes.size()) {
					throw new IllegalStateException("unexpected graph: heads " + heads + ", " + steps + " steps");
				}
				if (round >= warmup) {
					samples("S3 graph load, " + shape, Tool.MIGRATE).add(loaded - start);
					samples("S3 graph heads, " + shape, Tool.MIGRATE).add(headsFound - loaded);
					samples("S3 graph plan base→heads, " + shape, Tool.MIGRATE).add(planned - headsFound);
					samples("S3 graph load + heads + plan, " + shape, Tool.MIGRATE).add(planned - start);
				}
			}
		}
		// the engine as a service holds it: SQL files loaded and parsed, graph built
		Path dir = RevisionFiles.migrate(this.work, count);
		String name = String.format(Locale.ROOT, "S3 Migrator.create over %,d SQL revision files", count);
		progress(name);
		Migrator migrator = null;
		for (int round = 0; round < warmup + runs; round++) {
			long start = System.nanoTime();
			migrator = Migrator.create(MigrateConfig.builder().locations("filesystem:" + dir).build());
			long nanos = System.nanoTime() - start;
			if (round >= warmup) {
				samples(name, Tool.MIGRATE).add(nanos);
			}
		}
		migrator = null;
		long[] heap = heapOf(() -> Migrator.create(MigrateConfig.builder().locations("filesystem:" + dir).build()));
		this.notes.add(String.format(Locale.ROOT,
				"Heap of the engine holding %,d revisions (Migrator.create over SQL files, graph built): "
						+ "retained %.1f MB, peak during loading %.1f MB above the baseline.",
				count, heap[0] / 1048576.0, heap[1] / 1048576.0));
		long[] graphHeap = heapOf(() -> RevisionGraph.of(linearNodes(count)));
		this.notes.add(String.format(Locale.ROOT,
				"Heap of the revision graph alone, %,d linear revisions: retained %.1f MB, peak %.1f MB.", count,
				graphHeap[0] / 1048576.0, graphHeap[1] / 1048576.0));
	}

	/**
	 * Bytes retained by what {@code loader} returns, and the peak heap above the baseline while it
	 * ran (sampled every millisecond: G1 updates its pools' peak usage only at collections).
	 */
	private static long[] heapOf(Supplier<Object> loader) {
		gc();
		long baseline = usedHeap();
		java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong(baseline);
		java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peak.accumulateAndGet(usedHeap(), Math::max);
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		Object held = loader.get();
		running.set(false);
		try {
			sampler.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		peak.accumulateAndGet(usedHeap(), Math::max);
		gc();
		long retained = usedHeap() - baseline;
		java.lang.ref.Reference.reachabilityFence(held);
		return new long[] { retained, peak.get() - baseline };
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void gc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static List<RevisionNode> linearNodes(int count) {
		List<RevisionNode> nodes = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			nodes.add(new RevisionNode(RevisionFiles.revisionId(i),
					(i == 1) ? List.of() : List.of(RevisionFiles.revisionId(i - 1)), List.of(), List.of()));
		}
		return nodes;
	}

	/**
	 * {@code count} revisions on one spine with 100 branch points, each forking into two short
	 * branches of 3 revisions that a merge revision joins again.
	 */
	static List<RevisionNode> branchedNodes(int count) {
		List<RevisionNode> nodes = new ArrayList<>(count);
		int every = count / 100;
		int next = 1;
		String previous = null;
		int forks = 0;
		while (nodes.size() < count) {
			String id = RevisionFiles.revisionId(next++);
			nodes.add(new RevisionNode(id, (previous == null) ? List.of() : List.of(previous), List.of(), List.of()));
			previous = id;
			if (forks < 100 && nodes.size() % every == 0 && nodes.size() + 7 <= count) {
				String left = previous;
				String right = previous;
				for (int k = 0; k < 3; k++) {
					String l = RevisionFiles.revisionId(next++);
					nodes.add(new RevisionNode(l, List.of(left), List.of(), List.of()));
					left = l;
					String r = RevisionFiles.revisionId(next++);
					nodes.add(new RevisionNode(r, List.of(right), List.of(), List.of()));
					right = r;
				}
				String merge = RevisionFiles.revisionId(next++);
				nodes.add(new RevisionNode(merge, List.of(left, right), List.of(), List.of()));
				previous = merge;
				forks++;
			}
		}
		return nodes;
	}

	/**
	 * S4: reflect a database of {@code tables} tables (8 columns, an index and a foreign key each)
	 * and compare it with matching models; counts the catalog queries, at {@code tables} and at a
	 * tenth of it, to show whether the count depends on the table count.
	 */
	private void reflection(int tables, int runs, int warmup) {
		try {
			int small = Math.max(1, tables / 10);
			int queriesSmall = reflect(small, 0, 1, null);
			String name = String.format(Locale.ROOT, "S4 reflect + compare %,d tables (8 columns, index, FK each)", tables);
			int queries = reflect(tables, runs, warmup, name);
			this.notes.add(String.format(Locale.ROOT,
					"S4 catalog queries per compare: %d at %,d tables, %d at %,d tables.", queries, tables,
					queriesSmall, small));
		}
		catch (UnsupportedOperationException ex) {
			this.notes.add("S4 not measured: " + ex.getMessage());
		}
	}

	private int reflect(int tables, int runs, int warmup, String name) {
		progress("S4 reflect + compare, " + tables + " tables");
		String url = newDatabase();
		SchemaSnapshot models = reflectionModels(tables);
		try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
			c.setAutoCommit(false);
			for (int i = 1; i <= tables; i++) {
				String t = RevisionFiles.table(i);
				s.addBatch("CREATE TABLE " + t + " (id INTEGER NOT NULL, name VARCHAR(100) NOT NULL, "
						+ "code VARCHAR(20), amount NUMERIC(10, 2), qty INTEGER, active BOOLEAN NOT NULL, "
						+ "created_at TIMESTAMP, parent_id INTEGER, PRIMARY KEY (id))");
				s.addBatch("CREATE INDEX ix_" + t + "_code ON " + t + " (code)");
			}
			for (int i = 1; i <= tables; i++) {
				String t = RevisionFiles.table(i);
				String parent = RevisionFiles.table((i == 1) ? 1 : i - 1);
				s.addBatch("ALTER TABLE " + t + " ADD CONSTRAINT fk_" + t + "_parent FOREIGN KEY (parent_id) "
						+ "REFERENCES " + parent + " (id)");
			}
			s.executeBatch();
			c.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the S4 schema", ex);
		}
		int queries = 0;
		for (int round = 0; round < warmup + runs; round++) {
			CountingDataSource counting = new CountingDataSource(Tool.dataSource(url));
			long start = System.nanoTime();
			SchemaDiff diff = Autogenerate.compare(counting.dataSource(), null, null, models, CompareOptions.defaults(),
					Set.of());
			long nanos = System.nanoTime() - start;
			if (!diff.isEmpty()) {
				throw new IllegalStateException("S4 models and database differ: " + diff.report().subList(0,
						Math.min(5, diff.report().size())));
			}
			queries = counting.queries();
			if (round >= warmup && name != null) {
				samples(name, Tool.MIGRATE).add(nanos);
			}
		}
		dropDatabase(url);
		return queries;
	}

	static SchemaSnapshot reflectionModels(int tables) {
		List<Table> list = new ArrayList<>();
		for (int i = 1; i <= tables; i++) {
			String t = RevisionFiles.table(i);
			String parent = RevisionFiles.table((i == 1) ? 1 : i - 1);
			list.add(Table.of(null, t, List.of(Column.of("id", ColumnType.INTEGER).notNull(),
					Column.of("name", ColumnType.string(100)).notNull(), Column.of("code", ColumnType.string(20)),
					Column.of("amount", ColumnType.numeric(10, 2)), Column.of("qty", ColumnType.INTEGER),
					Column.of("active", ColumnType.BOOLEAN).notNull(), Column.of("created_at", ColumnType.TIMESTAMP),
					Column.of("parent_id", ColumnType.INTEGER), new PrimaryKey(null, List.of("id")),
					Index.of("ix_" + t + "_code", t, List.of("code")),
					new ForeignKey("fk_" + t + "_parent", List.of("parent_id"), null, parent, List.of("id"), null,
							null))));
		}
		return new SchemaSnapshot(list);
	}

	private String newDatabase() {
		return createDatabase(this.postgres, "bench_" + (++this.databases));
	}

	private void dropDatabase(String url) {
		dropDatabase(this.postgres, url);
	}

	/** Creates a database on the server; returns its JDBC URL. */
	static String createDatabase(EmbeddedPostgres postgres, String name) {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return postgres.getJdbcUrl("postgres", name);
	}

	/** Drops the database of a URL made by {@link #createDatabase}. */
	static void dropDatabase(EmbeddedPostgres postgres, String url) {
		String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop database " + name, ex);
		}
	}

	private Samples samples(String row, Tool tool) {
		return this.rows.computeIfAbsent(row, (r) -> new EnumMap<>(Tool.class)).computeIfAbsent(tool, (t) -> new Samples());
	}

	private static long time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

	static void progress(String message) {
		System.err.println("[benchmark] " + message);
	}

	private String table() {
		StringBuilder out = new StringBuilder();
		out.append("| Scenario | Migrate | Flyway | Liquibase | raw JDBC | Migrate/Flyway | Migrate/Liquibase | Migrate/raw JDBC |\n");
		out.append("|---|---|---|---|---|---|---|---|\n");
		for (Map.Entry<String, Map<Tool, Samples>> row : this.rows.entrySet()) {
			Map<Tool, Samples> s = row.getValue();
			Samples migrate = s.get(Tool.MIGRATE);
			out.append("| ").append(row.getKey());
			for (Tool tool : Tool.values()) {
				out.append(" | ").append((s.get(tool) != null) ? s.get(tool).cell() : "–");
			}
			out.append(" | ").append(Samples.ratio(migrate, s.get(Tool.FLYWAY)));
			out.append(" | ").append(Samples.ratio(migrate, s.get(Tool.LIQUIBASE)));
			out.append(" | ").append(Samples.ratio(migrate, s.get(Tool.RAW_JDBC)));
			out.append(" |\n");
		}
		out.append('\n');
		out.append(String.format(Locale.ROOT,
				"Median (min–max) of %d measured runs after %d warm-up run(s), tools alternating; PostgreSQL 17 "
						+ "(embedded), fsync on, synchronous_commit %s; Java %s, %d CPUs.%n",
				this.options.get("runs"), this.options.get("warmup"), this.syncCommit,
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
		for (String note : this.notes) {
			out.append("\n- ").append(note);
		}
		out.append('\n');
		return out.toString();
	}

}
