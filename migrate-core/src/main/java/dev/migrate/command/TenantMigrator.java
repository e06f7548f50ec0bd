package dev.migrate.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.graph.UnknownRevisionException;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.runtime.StatementFailedException;
import dev.migrate.runtime.VersionTable;

/**
 * Migrates many tenants — schemas of one database, or databases (DataSources) of their own — with
 * one set of revisions, loaded and validated once.
 *
 * <p>Each tenant has its own version table in its own schema, and so its own migration lock (on
 * PostgreSQL an advisory-lock key derived from the schema and the version table): two runs over
 * the same tenants serialise per tenant and apply each revision once. A tenant's connections have
 * its schema as their current schema (PostgreSQL: the search_path is the schema alone), so the
 * unqualified names of SQL and Java revisions are created there. Before a write (upgrade,
 * downgrade, stamp) a missing schema is created when {@link MigrateConfig#createSchemas()} is on
 * (the default, as Flyway's {@code createSchemas}); with it off, that tenant fails naming the
 * schema.
 *
 * <p>At most {@code parallelism} tenants run at once, each on a worker thread with connections of
 * its own (the DataSource must allow that many); on H2, whose DDL locks the whole database's
 * catalog, the schemas of the one DataSource are written one at a time. A failing tenant stops only itself: the report
 * has every tenant's outcome, from and to revisions, steps and duration, and the failure as one
 * line; {@link TenantReport#ok()} is false if any failed. Bad arguments (an unknown target
 * revision) fail before any tenant runs.
 */
public final class TenantMigrator {

	/** Tenants migrated at once unless set. */
	public static final int DEFAULT_PARALLELISM = 4;

	private static final System.Logger logger = System.getLogger(TenantMigrator.class.getName());

	private final Migrator migrator;

	private final List<Tenant> tenants;

	private final int parallelism;

	private final TenantListener listener;

	private TenantMigrator(Builder builder) {
		this.migrator = builder.migrator;
		this.tenants = List.copyOf(builder.tenants);
		this.parallelism = builder.parallelism;
		this.listener = (builder.listener != null) ? builder.listener : new TenantListener() {
		};
	}

	/** A run over the revisions of {@code config} (loaded and validated once, here). */
	public static Builder builder(MigrateConfig config) {
		return new Builder(Migrator.create(config));
	}

	/** A run over the revisions {@code migrator} already loaded, with its configuration. */
	public static Builder builder(Migrator migrator) {
		return new Builder(Objects.requireNonNull(migrator, "migrator"));
	}

	public List<Tenant> tenants() {
		return this.tenants;
	}

	public int parallelism() {
		return this.parallelism;
	}

	/** The Migrator all tenants share the revisions of. */
	public Migrator migrator() {
		return this.migrator;
	}

	/** A Migrator for one tenant: its DataSource, its schema, its version table and lock. */
	public Migrator migrator(Tenant tenant) {
		return migrator(tenant, List.of());
	}

	private Migrator migrator(Tenant tenant, List<MigrationListener> extra) {
		MigrateConfig config = this.migrator.config();
		DataSource base = (tenant.dataSource() != null) ? tenant.dataSource() : config.dataSource();
		if (base == null) {
			throw new ConfigurationException("No database configured (url) for tenant '" + tenant.name() + "'");
		}
		MigrateConfig.Builder b = config.toBuilder();
		if (tenant.schema() != null) {
			b.schema(tenant.schema()).dataSource(new TenantDataSource(base, tenant.schema(), config.dialect()));
		}
		else {
			b.dataSource(base);
		}
		for (MigrationListener l : extra) {
			b.listener(l);
		}
		return this.migrator.withConfig(b.build());
	}

	/** Upgrades every tenant to {@code target}. */
	public TenantReport upgrade(String target) {
		checkTarget(target, () -> this.migrator.graph().upgradePlan(List.of(), target));
		return run("upgrade", true, (m) -> moved(m.upgrade(target)));
	}

	/** Downgrades every tenant to {@code target}. */
	public TenantReport downgrade(String target) {
		checkTarget(target, () -> this.migrator.graph().downgradePlan(this.migrator.graph().heads(), target));
		return run("downgrade", true, (m) -> moved(m.downgrade(target)));
	}

	/** Stamps every tenant's version table to {@code revisions}; {@code purge} empties it first. */
	public TenantReport stamp(List<String> revisions, boolean purge) {
		if (revisions == null || revisions.isEmpty()) {
			throw new MigrateException("stamp needs at least one revision");
		}
		checkTarget(revisions.get(0), () -> this.migrator.graph().stampPlan(List.of(), revisions));
		return run("stamp", true, (m) -> moved(m.stamp(revisions, purge)));
	}

	/** Reads every tenant's current, pending and unknown revisions; creates nothing. */
	public TenantReport status() {
		return run("status", false, (m) -> {
			Status s = m.status();
			return new Done(s.current(), s.current(), List.of(), s);
		});
	}

	// ---- running

	private record Done(List<String> from, List<String> to, List<StepResult> steps, Status status) {
	}

	private static Done moved(MigrationResult r) {
		return new Done(r.headsBefore(), r.headsAfter(), r.steps(), null);
	}

	/**
	 * Fails before any tenant runs when the target names no revision, or {@code head} is ambiguous
	 * among several heads: the same for every tenant.
	 */
	private static void checkTarget(String target, Runnable plan) {
		if (target == null || target.isBlank()) {
			return; // each tenant's Migrator says so
		}
		try {
			plan.run();
		}
		catch (UnknownRevisionException | MultipleHeadsException ex) {
			throw ex;
		}
		catch (MigrateException ex) {
			// depends on where a tenant is (relative targets): left to each tenant
		}
	}

	private TenantReport run(String command, boolean write, Function<Migrator, Done> work) {
		long start = System.nanoTime();
		int total = this.tenants.size();
		AtomicInteger done = new AtomicInteger();
		int threads = Math.min(this.parallelism, total);
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(threads, 1), new Workers(command));
		List<Future<TenantResult>> futures = new ArrayList<>();
		java.util.concurrent.locks.Lock serial = (write && threads > 1 && sharedDdlIsSerial())
				? new java.util.concurrent.locks.ReentrantLock() : null;
		try {
			for (Tenant tenant : this.tenants) {
				futures.add(pool.submit(() -> {
					boolean one = serial != null && tenant.dataSource() == null;
					if (one) {
						serial.lockInterruptibly();
					}
					TenantResult result;
					try {
						result = runOne(tenant, write, work);
					}
					finally {
						if (one) {
							serial.unlock();
						}
					}
					int n = done.incrementAndGet();
					try {
						this.listener.finished(result, n, total);
					}
					catch (RuntimeException ex) {
						logger.log(System.Logger.Level.WARNING, "Tenant listener failed: {0}", ex.toString());
					}
					return result;
				}));
			}
			List<TenantResult> results = new ArrayList<>();
			for (Future<TenantResult> f : futures) {
				results.add(f.get());
			}
			return new TenantReport(command, results, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while migrating tenants", ex);
		}
		catch (ExecutionException ex) {
			throw new MigrateException("Tenant run failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Whether the tenants sharing the configured DataSource must run their writes one at a time
	 * ({@link Dialect#parallelDdl()}: H2). Asks a connection when no dialect is configured; one that
	 * cannot be had is each tenant's failure to report.
	 */
	private boolean sharedDdlIsSerial() {
		MigrateConfig config = this.migrator.config();
		if (config.dataSource() == null || this.tenants.stream().noneMatch((t) -> t.dataSource() == null)) {
			return false;
		}
		if (config.dialect() != null) {
			return !config.dialect().parallelDdl();
		}
		try (Connection connection = config.dataSource().getConnection()) {
			boolean serial = !DialectResolver.forConnection(connection).parallelDdl();
			if (serial) {
				logger.log(System.Logger.Level.INFO, "The database runs DDL of one session at a time: its tenant schemas are migrated one by one");
			}
			return serial;
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	private TenantResult runOne(Tenant tenant, boolean write, Function<Migrator, Done> work) {
		long start = System.nanoTime();
		try {
			this.listener.started(tenant);
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Tenant listener failed: {0}", ex.toString());
		}
		Recorder recorder = new Recorder();
		List<MigrationListener> extra = new ArrayList<>();
		extra.add(recorder);
		try {
			MigrationListener steps = this.listener.steps(tenant);
			if (steps != null) {
				extra.add(steps);
			}
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Tenant listener failed: {0}", ex.toString());
		}
		Migrator m = null;
		try {
			m = migrator(tenant, extra);
			if (write && tenant.schema() != null) {
				ensureSchema(tenant);
			}
			Done d = work.apply(m);
			return new TenantResult(tenant.name(), d.from(), d.to(), d.steps(), d.status(), since(start), null, null);
		}
		catch (MigrationFailedException ex) {
			return new TenantResult(tenant.name(), recorder.from(ex.lastGoodHeads()), ex.lastGoodHeads(), recorder.steps(),
					null, since(start), oneLine(ex), ex);
		}
		catch (RuntimeException ex) {
			List<String> at = (m != null) ? currentOrNull(m) : null;
			return new TenantResult(tenant.name(), recorder.from(at), at, recorder.steps(), null, since(start),
					oneLine(ex), ex);
		}
	}

	private static List<String> currentOrNull(Migrator m) {
		try {
			return m.current();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String oneLine(RuntimeException ex) {
		String message = (ex instanceof MigrateException) ? ex.getMessage() : ex.toString();
		return StatementFailedException.oneLine((message != null) ? message : ex.getClass().getName());
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/**
	 * Creates the tenant's schema when it is missing and create-schemas is on (two runs creating it
	 * at once: the loser finds it there); fails naming the schema when it is off.
	 */
	private void ensureSchema(Tenant tenant) {
		MigrateConfig config = this.migrator.config();
		DataSource base = (tenant.dataSource() != null) ? tenant.dataSource() : config.dataSource();
		try (Connection connection = base.getConnection()) {
			if (!connection.getMetaData().supportsSchemasInTableDefinitions()
					|| VersionTable.schemaExists(connection, tenant.schema())) {
				return;
			}
			if (!config.createSchemas()) {
				throw new ConfigurationException("Schema '" + tenant.schema()
						+ "' does not exist and create-schemas is off: create it (or have it created), or turn create-schemas on");
			}
			connection.setAutoCommit(true);
			Dialect dialect = (config.dialect() != null) ? config.dialect() : DialectResolver.forConnection(connection);
			try {
				if (new VersionTable(dialect, config.versionTable(), tenant.schema()).createSchema(connection)) {
					logger.log(System.Logger.Level.INFO, "Created schema {0}", tenant.schema());
				}
			}
			catch (SQLException ex) {
				if (!VersionTable.schemaExists(connection, tenant.schema())) {
					throw ex;
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not create schema '" + tenant.schema() + "': "
					+ StatementFailedException.oneLine(ex.getMessage()), ex);
		}
	}

	/** Where the tenant started and which steps committed, for the report of a failed tenant. */
	private static final class Recorder implements MigrationListener {

		private List<String> from;

		private final List<StepResult> steps = new ArrayList<>();

		@Override
		public synchronized void beforeStep(StepInfo step) {
			if (this.from == null) {
				this.from = step.fromRevisions();
			}
		}

		@Override
		public synchronized void afterStep(StepInfo step, Duration duration, Throwable failure) {
			if (failure == null) {
				this.steps.add(new StepResult(step.revision(), step.upgrade(), step.message(), duration));
			}
		}

		synchronized List<String> from(List<String> otherwise) {
			return (this.from != null) ? this.from : otherwise;
		}

		synchronized List<StepResult> steps() {
			return List.copyOf(this.steps);
		}

	}

	private static final class Workers implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		private final String command;

		Workers(String command) {
			this.command = command;
		}

		@Override
		public Thread newThread(Runnable r) {
			Thread t = new Thread(r, "migrate-tenant-" + this.command + "-" + this.count.incrementAndGet());
			t.setDaemon(true);
			return t;
		}

	}

	/** Builder; every setter returns this. */
	public static final class Builder {

		private final Migrator migrator;

		private final List<Tenant> tenants = new ArrayList<>();

		private int parallelism = DEFAULT_PARALLELISM;

		private TenantListener listener;

		private Builder(Migrator migrator) {
			this.migrator = migrator;
		}

		public Builder tenants(Collection<Tenant> tenants) {
			this.tenants.addAll(tenants);
			return this;
		}

		public Builder tenant(Tenant tenant) {
			this.tenants.add(tenant);
			return this;
		}

		/** One tenant per schema of the configuration's DataSource. */
		public Builder schemas(Collection<String> schemas) {
			return tenants(Tenant.schemas(schemas));
		}

		/** How many tenants run at once (at least 1; default {@value #DEFAULT_PARALLELISM}). */
		public Builder parallelism(int parallelism) {
			this.parallelism = parallelism;
			return this;
		}

		public Builder listener(TenantListener listener) {
			this.listener = listener;
			return this;
		}

		/** Checks the tenants (names unique, schema names valid) and the parallelism. */
		public TenantMigrator build() {
			if (this.parallelism < 1) {
				throw new ConfigurationException("parallelism must be at least 1, got " + this.parallelism);
			}
			if (this.tenants.isEmpty()) {
				throw new ConfigurationException("No tenants given (schemas)");
			}
			Set<String> names = new HashSet<>();
			TenantMigrator built = new TenantMigrator(this);
			for (Tenant tenant : this.tenants) {
				if (!names.add(tenant.name())) {
					throw new ConfigurationException("Tenant '" + tenant.name() + "' is listed twice (schemas)");
				}
				if (tenant.schema() != null) {
					try {
						MigrateConfig.builder().schema(tenant.schema()).build();
					}
					catch (ConfigurationException ex) {
						throw new ConfigurationException("Tenant '" + tenant.name() + "': " + ex.getMessage(), ex);
					}
				}
				if (tenant.dataSource() == null && this.migrator.config().dataSource() == null) {
					throw new ConfigurationException(
							"No database configured (url) for tenant '" + tenant.name() + "'");
				}
			}
			return built;
		}

	}

}
