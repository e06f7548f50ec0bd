package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionStep;
import dev.migrate.graph.StampStep;
import dev.migrate.graph.Step;
import dev.migrate.graph.VersionChange;
import dev.migrate.operations.Operations;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.ScriptDirectory;

/**
 * Runs plans against a database (online) or writes them as SQL (offline).
 *
 * <p>Online, a run first reads the version table without any lock and asks the planner what to do;
 * only when there is something to do does it take the migration lock (through the dialect, on the
 * same connection: a session-level lock survives the commits and the non-transactional revisions,
 * a lock row is written in autocommit), read the version table again and plan again; a configured
 * schema that does not exist yet is created (PostgreSQL, H2) before the version table. Each revision
 * then runs in its own transaction where the dialect has transactional DDL, with its version-row
 * change in the same transaction; revisions marked no-transaction run in autocommit. A failure
 * rolls back the failing revision's transaction, stops the run and raises
 * {@link MigrationFailedException}; the version table stays at the last good revision.
 *
 * <p>A run holds one connection of the DataSource at a time (lock and work share it), so a pool of
 * one is enough.
 */
public final class MigrationRunner {

	/** The logger, created on first use: finding the logging backend scans the class path, which a start at head need not pay. */
	private static final class Log {

		static final System.Logger logger = System.getLogger(MigrationRunner.class.getName());

	}

	private final ScriptDirectory scripts;

	private final Settings settings;

	private final Observer observer;

	/** Lock and statement timeouts and lock-timeout retries ({@link #timeouts(DdlTimeouts)}). */
	private DdlTimeouts timeouts = DdlTimeouts.NONE;

	/** Whether an upgrade refuses to run when an applied revision's checksum changed ({@link #validateChecksums(boolean)}). */
	private boolean validateChecksums = true;

	private final RevisionChecksums checksums;

	public MigrationRunner(ScriptDirectory scripts, Settings settings, Observer observer) {
		this.scripts = Objects.requireNonNull(scripts, "scripts");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.observer = (observer != null) ? observer : new Observer() {
		};
		this.checksums = new RevisionChecksums(settings.arguments(), settings.schema());
	}

	/**
	 * Whether an upgrade first compares the checksums of the applied revisions with the code and
	 * refuses to run ({@link ChecksumMismatchException}) when one changed (default true). Checksums
	 * are recorded either way.
	 */
	public MigrationRunner validateChecksums(boolean validate) {
		this.validateChecksums = validate;
		return this;
	}

	/** The checksum table beside the version table. */
	public ChecksumTable checksumTable(Dialect dialect) {
		return new ChecksumTable(dialect, this.settings.versionTable(), this.settings.schema());
	}

	/**
	 * How to run.
	 *
	 * @param versionTable version table name
	 * @param schema schema of the version and log tables, or null
	 * @param transactionPerMigration one transaction per revision (else one for the whole run where
	 * the dialect allows)
	 * @param lockTimeout how long to wait for the migration lock
	 * @param logTable the log table name, or null for none
	 * @param arguments {@code -x} arguments revisions see
	 * @param baselineRevision what an upgrade stamps first when the schema has tables but no version
	 * table ({@code base}: nothing, every revision runs), or null to refuse such a schema
	 * @param baselineOnMigrate with no {@code baselineRevision}, stamp the graph's base revision
	 * instead of refusing (Flyway's {@code baselineOnMigrate})
	 * @param createSchemas create the configured schema when it does not exist
	 */
	public record Settings(String versionTable, String schema, boolean transactionPerMigration, Duration lockTimeout,
			String logTable, Map<String, String> arguments, String baselineRevision, boolean baselineOnMigrate,
			boolean createSchemas, Duration lockLease, Duration lockRenewInterval) {

		public Settings {
			arguments = Map.copyOf(arguments);
		}

		/** Settings that refuse an unversioned schema with tables and create the configured schema. */
		public Settings(String versionTable, String schema, boolean transactionPerMigration, Duration lockTimeout,
				String logTable, Map<String, String> arguments) {
			this(versionTable, schema, transactionPerMigration, lockTimeout, logTable, arguments, null, false, true, null, null);
		}

		/** How the migration lock is waited for and held. */
		public MigrationLock.Options lockOptions() {
			return new MigrationLock.Options(this.lockTimeout, this.lockLease, this.lockRenewInterval);
		}

	}

	/** Told about each step; exceptions it throws are logged and ignored. */
	public interface Observer {

		default void beforeStep(Step step, MigrationScript script) {
		}

		default void afterStep(Step step, MigrationScript script, Duration duration, Throwable failure) {
		}

	}

	/** Computes the steps from the current version rows (in database order). */
	@FunctionalInterface
	public interface Planner {

		List<? extends Step> plan(List<String> currentHeads);

	}

	/** A step that ran. */
	public record Executed(Step step, MigrationScript script, Duration duration) {
	}

	/** What a run did. */
	public record Outcome(List<String> headsBefore, List<String> headsAfter, List<Executed> steps) {
	}

	/**
	 * Sets the lock and statement timeouts of each revision and how often a revision whose lock wait
	 * timed out is retried (call once, before the first run).
	 */
	public MigrationRunner timeouts(DdlTimeouts ddlTimeouts) {
		this.timeouts = Objects.requireNonNull(ddlTimeouts, "timeouts");
		return this;
	}

	public VersionTable versionTable(Dialect dialect) {
		return new VersionTable(dialect, this.settings.versionTable(), this.settings.schema());
	}

	/** The lock name: the (schema-qualified) version table, so separate version tables do not block each other. */
	public String lockName() {
		return (this.settings.schema() == null) ? this.settings.versionTable()
				: this.settings.schema() + "_" + this.settings.versionTable();
	}

	/** Reads the version rows over a connection of its own; creates nothing. */
	public List<String> readHeads(Connection connection, Dialect dialect) {
		try {
			return versionTable(dialect).read(connection);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read version table '" + this.settings.versionTable() + "': "
					+ StatementFailedException.oneLine(ex.getMessage()), ex);
		}
	}

	/**
	 * Runs a plan online.
	 * @param dataSource where to connect
	 * @param dialect the dialect, or null to detect it
	 * @param planner computes the steps from the current rows
	 * @param purge delete every version row first (stamp --purge); the planner then sees no rows
	 */
	public Outcome run(DataSource dataSource, Dialect dialect, Planner planner, boolean purge) {
		return run(dataSource, dialect, planner, purge, false);
	}

	/**
	 * Runs a plan online; an {@code upgrade} first checks, when the version table does not exist
	 * yet, that the schema has no tables of its own or what the baseline settings say to do with
	 * them (see {@link UnversionedSchemaException}).
	 */
	public Outcome run(DataSource dataSource, Dialect dialect, Planner planner, boolean purge, boolean upgrade) {
		try (Connection connection = dataSource.getConnection()) {
			Dialect d = (dialect != null) ? dialect : dev.migrate.dialect.DialectResolver.forConnection(connection);
			connection.setAutoCommit(true);
			VersionTable versions = versionTable(d);
			List<String> heads = versions.read(connection);
			List<? extends Step> plan = planner.plan(purge ? new ArrayList<>() : new ArrayList<>(heads));
			boolean unrecorded = false;
			// the heads at which the recorded checksums were found complete, so the run need not look again
			List<String> checksumsCompleteAt = null;
			if (upgrade && !heads.isEmpty()) {
				// before anything runs: an applied revision edited since stops the run (Flyway's validateOnMigrate)
				ChecksumReport report = checksums(connection, d, heads, versions.checksumTableExistedAtRead());
				if (!report.changed().isEmpty()) {
					ChecksumMismatchException mismatch = new ChecksumMismatchException(report.changed());
					if (this.validateChecksums) {
						throw mismatch;
					}
					Log.logger.log(System.Logger.Level.WARNING, "{0} (validate-checksums is off: running anyway)",
							mismatch.getMessage().replace("; nothing was run", ""));
				}
				unrecorded = !report.unrecorded().isEmpty() || !report.stale().isEmpty();
				checksumsCompleteAt = unrecorded ? null : heads;
			}
			if (plan.isEmpty() && !unrecorded && !(purge && !heads.isEmpty())
					&& (!heads.isEmpty() || versions.existsAsRead(connection))) {
				// the lock-free fast path: nothing to do (as Alembic, a first run still creates the version table)
				return new Outcome(heads, heads, List.of());
			}
			// the lock is taken on the work connection itself: session-level locks (PostgreSQL, MySQL)
			// survive the commits of the run, the lock row (H2, SQLite) is inserted in autocommit
			MigrationLock lock = MigrationLock.acquire(dataSource, connection, d, lockName(), this.settings.lockOptions());
			try {
				return runLocked(connection, d, versions, planner, purge, upgrade, lock, checksumsCompleteAt);
			}
			finally {
				releaseLock(connection, lock);
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Database error: " + StatementFailedException.oneLine(ex.getMessage()), ex);
		}
	}

	private void releaseLock(Connection connection, MigrationLock lock) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			lock.release(connection);
		}
		catch (SQLException ex) {
			Log.logger.log(System.Logger.Level.WARNING, "Could not release the migration lock: {0}", ex.getMessage());
		}
	}

	private Outcome runLocked(Connection connection, Dialect dialect, VersionTable versions, Planner planner,
			boolean purge, boolean upgrade, MigrationLock lock, List<String> checksumsCompleteAt) throws SQLException {
		List<String> before = versions.read(connection);
		List<String> heads = purge ? new ArrayList<>() : new ArrayList<>(before);
		List<? extends Step> plan = planner.plan(new ArrayList<>(heads));
		validate(plan);
		if (upgrade && before.isEmpty() && !plan.isEmpty() && !versions.existsAsRead(connection)) {
			// first run against this schema: only now (never at head) ask the catalog what it holds
			plan = baseline(connection, dialect, planner, plan);
		}
		if (!this.settings.createSchemas() && this.settings.schema() != null
				&& connection.getMetaData().supportsSchemasInTableDefinitions()
				&& !VersionTable.schemaExists(connection, this.settings.schema())) {
			throw new dev.migrate.ConfigurationException("Schema '" + this.settings.schema()
					+ "' does not exist and create-schemas is off: create it (or have it created), or turn create-schemas on");
		}
		if (versions.createSchema(connection)) {
			Log.logger.log(System.Logger.Level.INFO, "Created schema {0}", this.settings.schema());
		}
		versions.createUnlessRead(connection);
		if (plan.isEmpty() && !(purge && !before.isEmpty())) {
			if (upgrade) {
				recordChecksums(connection, dialect, before, versions.checksumTableExistedAtRead());
			}
			return new Outcome(before, before, List.of());
		}
		ChecksumTable sums = null;
		boolean sumsCreated = false;
		if (plan.stream().anyMatch(RevisionStep.class::isInstance)) {
			sums = checksumTable(dialect);
			// under the lock, right after the probe: where it told, no catalog look-up
			sumsCreated = sums.create(connection, versions.checksumTableExistedAtRead());
		}
		LogTable log = (this.settings.logTable() != null) ? new LogTable(dialect, this.settings.logTable(), this.settings.schema())
				: null;
		if (log != null) {
			log.create(connection);
		}
		RevisionGraph graph = this.scripts.graph();
		boolean singleTransaction = !this.settings.transactionPerMigration() && dialect.transactionalDdl();
		List<Executed> executed = new ArrayList<>();
		List<String> committed = new ArrayList<>(before);
		// the failure of the run, so that a cleanup failing on a lost connection joins it as suppressed
		Throwable primary = null;
		if (purge) {
			if (singleTransaction) {
				connection.setAutoCommit(false);
			}
			versions.purge(connection);
		}
		try {
			int retries = 0;
			for (int index = 0; index < plan.size(); index++) {
				Step step = plan.get(index);
				MigrationScript script = (step instanceof RevisionStep rs) ? this.scripts.script(rs.revision().id()) : null;
				// no-transaction revisions run in autocommit; every other step in a transaction (where DDL
				// is not transactional, the transaction still covers DML and the version-row change)
				boolean transactional = (script == null || script.transactional());
				boolean inTransaction = transactional;
				if (Log.logger.isLoggable(System.Logger.Level.INFO)) {
					// one string, no parameters: the JDK's default formatter runs a MessageFormat per record otherwise
					Log.logger.log(System.Logger.Level.INFO, "Running " + shortLog(step)
							+ ((script != null && !script.message().isEmpty()) ? ", " + script.message() : "")
							+ ((retries > 0) ? " (retry " + retries + ")" : ""));
				}
				notifyBefore(step, script);
				DdlTimeouts stepTimeouts = (script != null)
						? this.timeouts.forRevision(script.lockTimeout(), script.statementTimeout()) : this.timeouts;
				int statementsBefore = 0;
				Instant startedAt = Instant.now();
				long start = System.nanoTime();
				OnlineMigrationContext context = new OnlineMigrationContext(connection, dialect, this.settings.arguments(),
						this.settings.schema());
				List<String> working = new ArrayList<>(heads);
				try {
					if (!transactional && !connection.getAutoCommit()) {
						connection.commit();
						committed = new ArrayList<>(heads);
					}
					connection.setAutoCommit(!inTransaction);
					if (script != null) {
						for (String sql : dialect.timeoutsSql(stepTimeouts.lockTimeout(), stepTimeouts.statementTimeout(),
								inTransaction)) {
							context.executeSql(sql);
						}
						statementsBefore = context.executedCount();
						Operations op = new Operations(context);
						if (step.upgrade()) {
							script.upgrade(op);
						}
						else {
							script.downgrade(op);
						}
						if (connection.getAutoCommit() == inTransaction) {
							// a revision left the connection in the other mode
							connection.setAutoCommit(!inTransaction);
						}
						resetTimeouts(connection, dialect, stepTimeouts, inTransaction);
					}
					List<VersionChange> changes = graph.applyToHeads(working, step);
					if (sums != null && script != null) {
						// in the revision's transaction, with its version row: one statement batch, one round trip
						String checksum = step.upgrade() ? this.checksums.of(script, dialect) : null;
						// a table this run created holds only the rows of revisions this run applied
						List<String> companions = (checksum != null) ? sums.putStatements(script.id(), checksum, !sumsCreated)
								: sums.removeStatements(script.id());
						if (companions == null || !versions.applyBatched(connection, changes, companions)) {
							for (VersionChange change : changes) {
								versions.apply(connection, change);
							}
							if (checksum != null) {
								sums.put(connection, script.id(), checksum);
							}
							else {
								sums.remove(connection, script.id());
							}
						}
					}
					else {
						for (VersionChange change : changes) {
							versions.apply(connection, change);
						}
					}
					lock.confirm(connection); // renews the lease in this transaction; fails if it was taken over
					if (!connection.getAutoCommit() && !singleTransaction) {
						connection.commit();
					}
				}
				catch (Throwable ex) {
					if (lock.shuttingDown()) {
						Thread.interrupted(); // the shutdown hook's interrupt: roll back and release normally
					}
					Duration duration = Duration.ofNanos(System.nanoTime() - start);
					SQLException lockTimeout = LockRetry.lockTimeout(ex, dialect);
					if (lockTimeout != null && script != null) {
						boolean clean = !singleTransaction && !context.leftTransaction()
								&& ((inTransaction && dialect.transactionalDdl()) || context.executedCount() == statementsBefore);
						if (rollback(connection) && singleTransaction) {
							heads = committed;
						}
						resetTimeouts(connection, dialect, stepTimeouts, inTransaction);
						if (clean && retries < stepTimeouts.lockRetries()) {
							retries++;
							LockRetry.pause(script, stepTimeouts, retries, context.currentStatement(), lockTimeout);
							index--;
							continue;
						}
						MigrationFailedException failure = LockRetry.failure(
								failure(step, script, context, dialect, heads, inTransaction, ex), stepTimeouts, retries + 1,
								clean, dialect.lockHolders(connection, context.currentStatement()));
						log(log, connection, step, startedAt, duration, false, failure.getMessage());
						notifyAfter(step, script, duration, failure);
						throw failure;
					}
					boolean rolledBack = rollback(connection);
					if (singleTransaction && rolledBack) {
						heads = committed;
					}
					MigrationFailedException failure = failure(step, script, context, dialect, heads, inTransaction, ex);
					log(log, connection, step, startedAt, duration, false, failure.getMessage());
					notifyAfter(step, script, duration, failure);
					primary = failure;
					throw failure;
				}
				heads = working;
				retries = 0;
				if (!singleTransaction || connection.getAutoCommit()) {
					committed = new ArrayList<>(heads);
				}
				Duration duration = Duration.ofNanos(System.nanoTime() - start);
				if (!singleTransaction) {
					log(log, connection, step, startedAt, duration, true, null);
				}
				executed.add(new Executed(step, script, duration));
				notifyAfter(step, script, duration, null);
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
			if (singleTransaction && log != null) {
				for (Executed e : executed) {
					log(log, connection, e.step(), Instant.now().minus(e.duration()), e.duration(), true, null);
				}
			}
			connection.setAutoCommit(true);
			// stamps, and revisions applied before checksums were recorded; not needed when every step
			// was a revision (each wrote its own row) over a table this run created or found complete
			boolean onlyRevisions = plan.stream().allMatch(RevisionStep.class::isInstance);
			if (!(onlyRevisions && !purge && (sumsCreated || before.equals(checksumsCompleteAt)))) {
				recordChecksums(connection, dialect, heads, (sums != null) ? Boolean.TRUE : null);
			}
		}
		catch (Throwable ex) {
			if (primary == null) {
				primary = ex;
			}
			throw ex;
		}
		finally {
			ConnectionCleanup.restoreAutoCommit(connection, primary);
		}
		return new Outcome(before, heads, executed);
	}

	/**
	 * Compares the checksums of the revisions applied at {@code heads} with the recorded ones; reads
	 * the checksum table (a catalog look-up and one SELECT), changes nothing.
	 */
	public ChecksumReport checksums(Connection connection, Dialect dialect, List<String> heads) throws SQLException {
		return checksums(connection, dialect, heads, null);
	}

	/**
	 * The checksum report at the database's current heads: the version rows and the checksums read
	 * over {@code connection}, the version table's probe telling whether the checksum table exists
	 * (no catalog look-up where the dialect has one). Changes nothing.
	 */
	public ChecksumReport checksums(Connection connection, Dialect dialect) throws SQLException {
		VersionTable versions = versionTable(dialect);
		List<String> heads = versions.read(connection);
		return checksums(connection, dialect, heads, versions.checksumTableExistedAtRead());
	}

	/**
	 * As {@link #checksums(Connection, Dialect, List)}, knowing whether the checksum table exists
	 * ({@code known}, from the version table's probe; null when unknown): then one SELECT at most.
	 */
	ChecksumReport checksums(Connection connection, Dialect dialect, List<String> heads, Boolean known)
			throws SQLException {
		List<String> applied = applied(heads);
		java.util.Map<String, String> recorded = checksumTable(dialect).read(connection, known);
		if (recorded == null) {
			recorded = java.util.Map.of();
		}
		List<ChecksumReport.Changed> changed = new ArrayList<>();
		java.util.Map<String, String> unrecorded = new java.util.LinkedHashMap<>();
		List<String> notChecksummed = new ArrayList<>();
		for (String id : applied) {
			MigrationScript script = this.scripts.script(id);
			if (script == null) {
				continue;
			}
			String current = this.checksums.of(script, dialect);
			if (current == null) {
				notChecksummed.add(id);
				continue;
			}
			String old = recorded.get(id);
			if (old == null || !RevisionChecksums.comparable(old, current)) {
				unrecorded.put(id, current);
			}
			else if (!old.equals(current)) {
				changed.add(new ChecksumReport.Changed(id, script.origin(), old, current));
			}
		}
		java.util.Set<String> appliedSet = new java.util.HashSet<>(applied);
		List<String> stale = recorded.keySet()
			.stream()
			.filter((id) -> this.scripts.graph().get(id) != null && !appliedSet.contains(id))
			.toList();
		return new ChecksumReport(changed, unrecorded, stale, notChecksummed);
	}

	/**
	 * The revisions applied at {@code heads}, base first: every known revision an upgrade to heads
	 * would not run. Version rows unknown to the code (a newer build's) are left out.
	 */
	List<String> applied(List<String> heads) {
		RevisionGraph graph = this.scripts.graph();
		List<String> known = heads.stream().filter((id) -> graph.get(id) != null).toList();
		if (known.isEmpty()) {
			return List.of();
		}
		java.util.Set<String> pending = new java.util.HashSet<>();
		try {
			for (RevisionStep step : graph.upgradePlan(known, "heads")) {
				if (step.upgrade()) {
					pending.add(step.revision().id());
				}
			}
		}
		catch (MigrateException ex) {
			return List.of();
		}
		List<String> applied = new ArrayList<>();
		List<dev.migrate.graph.RevisionNode> nodes = new ArrayList<>(graph.walkTopDown());
		java.util.Collections.reverse(nodes);
		for (dev.migrate.graph.RevisionNode node : nodes) {
			if (!pending.contains(node.id())) {
				applied.add(node.id());
			}
		}
		return applied;
	}

	/**
	 * Records the checksums of applied revisions that have none and forgets those of revisions no
	 * longer applied (after stamps; a database migrated before checksums were recorded gets them
	 * here, without complaint). Never replaces a recorded checksum: that is {@link #repair}'s. In
	 * autocommit; a failure is logged, the run it follows stands.
	 */
	private void recordChecksums(Connection connection, Dialect dialect, List<String> heads, Boolean known) {
		try {
			ChecksumReport report = checksums(connection, dialect, heads, known);
			if (report.unrecorded().isEmpty() && report.stale().isEmpty()) {
				return;
			}
			ChecksumTable table = checksumTable(dialect);
			table.create(connection, known);
			for (java.util.Map.Entry<String, String> e : report.unrecorded().entrySet()) {
				table.put(connection, e.getKey(), e.getValue());
			}
			for (String id : report.stale()) {
				table.remove(connection, id);
			}
			if (!report.unrecorded().isEmpty()) {
				Log.logger.log(System.Logger.Level.INFO, "Recorded the checksums of {0} applied revision(s) that had none",
						report.unrecorded().size());
			}
		}
		catch (SQLException ex) {
			Log.logger.log(System.Logger.Level.WARNING, "Could not record revision checksums in ''{0}'': {1}",
					this.settings.versionTable() + ChecksumTable.SUFFIX, ex.getMessage());
		}
	}

	/** What {@link #repair} changed. */
	public record Repair(List<ChecksumReport.Changed> accepted, List<String> recorded, List<String> removed) {

		public boolean nothingChanged() {
			return this.accepted.isEmpty() && this.recorded.isEmpty() && this.removed.isEmpty();
		}

	}

	/**
	 * {@code migrate repair}: under the migration lock, accepts the current checksums of the applied
	 * revisions (changed ones are overwritten, missing ones recorded) and forgets those of revisions
	 * no longer applied. Runs nothing and leaves the version table alone.
	 */
	public Repair repair(DataSource dataSource, Dialect dialect) {
		try (Connection connection = dataSource.getConnection()) {
			Dialect d = (dialect != null) ? dialect : dev.migrate.dialect.DialectResolver.forConnection(connection);
			connection.setAutoCommit(true);
			MigrationLock lock = MigrationLock.acquire(dataSource, connection, d, lockName(), this.settings.lockOptions());
			try {
				VersionTable versions = versionTable(d);
				ChecksumReport report = checksums(connection, d, versions.read(connection),
						versions.checksumTableExistedAtRead());
				Repair repair = new Repair(report.changed(), List.copyOf(report.unrecorded().keySet()), report.stale());
				if (repair.nothingChanged()) {
					return repair;
				}
				ChecksumTable table = checksumTable(d);
				table.create(connection, versions.checksumTableExistedAtRead());
				connection.setAutoCommit(false);
				for (ChecksumReport.Changed c : report.changed()) {
					table.put(connection, c.revision(), c.current());
				}
				for (java.util.Map.Entry<String, String> e : report.unrecorded().entrySet()) {
					table.put(connection, e.getKey(), e.getValue());
				}
				for (String id : report.stale()) {
					table.remove(connection, id);
				}
				lock.confirm(connection);
				connection.commit();
				return repair;
			}
			finally {
				releaseLock(connection, lock);
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Database error: " + StatementFailedException.oneLine(ex.getMessage()), ex);
		}
	}

	/**
	 * The plan of an upgrade that found no version table: unchanged when the schema holds no
	 * tables but Migrate's; else the baseline stamp followed by the upgrade from there, or
	 * {@link UnversionedSchemaException} when no baseline is configured.
	 */
	private List<? extends Step> baseline(Connection connection, Dialect dialect, Planner planner,
			List<? extends Step> plan) throws SQLException {
		List<String> tables = ExistingTables.foreign(connection, dialect, this.settings.schema(), ownTables());
		if (tables.isEmpty()) {
			return plan;
		}
		RevisionGraph graph = this.scripts.graph();
		String revision = this.settings.baselineRevision();
		if (revision == null && this.settings.baselineOnMigrate()) {
			List<String> bases = graph.bases();
			if (bases.size() != 1) {
				throw new dev.migrate.ConfigurationException("baseline-on-migrate stamps the base revision, but there are "
						+ bases.size() + " (" + String.join(", ", bases) + "): set baseline-revision instead");
			}
			revision = bases.get(0);
		}
		if (revision == null) {
			throw new UnversionedSchemaException(schemaName(connection), this.settings.versionTable(), tables,
					graph.bases());
		}
		if (revision.strip().equals("base")) {
			Log.logger.log(System.Logger.Level.INFO, "Schema has {0} tables but no version table; baseline-revision"
					+ " is base, so every revision runs", tables.size());
			return plan;
		}
		List<Step> steps = new ArrayList<>(graph.stampPlan(List.of(), List.of(revision.strip())));
		List<String> stamped = new ArrayList<>();
		for (Step step : steps) {
			graph.applyToHeads(stamped, step);
		}
		Log.logger.log(System.Logger.Level.INFO, "Schema has {0} tables but no version table: baseline at {1}, then"
				+ " upgrade from there", tables.size(), String.join(", ", stamped));
		steps.addAll(planner.plan(new ArrayList<>(stamped)));
		return steps;
	}

	/** Migrate's own tables: version, log, lock row and checksum tables. */
	private java.util.Set<String> ownTables() {
		java.util.Set<String> own = new java.util.HashSet<>(dev.migrate.schema.OwnTables.names(
				this.settings.versionTable(), this.settings.schema(), this.settings.logTable()));
		own.add(lockName());
		return own;
	}

	/**
	 * Throws {@link UnversionedSchemaException} when the version table does not exist but the
	 * schema has tables of its own (read-only; {@code migrate.mode=validate} asks before it reports
	 * an empty database as merely behind).
	 */
	public void requireVersioned(Connection connection, Dialect dialect) throws SQLException {
		if (versionTable(dialect).exists(connection)) {
			return;
		}
		List<String> tables = ExistingTables.foreign(connection, dialect, this.settings.schema(), ownTables());
		if (!tables.isEmpty()) {
			throw new UnversionedSchemaException(schemaName(connection), this.settings.versionTable(), tables,
					this.scripts.graph().bases());
		}
	}

	private String schemaName(Connection connection) {
		if (this.settings.schema() != null) {
			return this.settings.schema();
		}
		try {
			return connection.getMetaData().supportsSchemasInTableDefinitions() ? connection.getSchema()
					: connection.getCatalog();
		}
		catch (SQLException | AbstractMethodError ex) {
			return null;
		}
	}

	/**
	 * Checks every revision of the plan (an SQL file's statements are split only now, not at load),
	 * so a malformed revision fails before the run changes anything.
	 */
	private void validate(List<? extends Step> plan) {
		for (Step step : plan) {
			if (step instanceof RevisionStep rs) {
				MigrationScript script = this.scripts.script(rs.revision().id());
				if (script != null) {
					script.validate();
				}
			}
		}
	}

	private MigrationFailedException failure(Step step, MigrationScript script, OnlineMigrationContext context,
			Dialect dialect, List<String> lastGood, boolean inTransaction, Throwable ex) {
		String statement;
		String cause;
		if (ex instanceof StatementFailedException sfe) {
			statement = sfe.statement();
			cause = StatementFailedException.oneLine((sfe.getCause() != null) ? sfe.getCause().getMessage() : sfe.getMessage());
		}
		else {
			statement = context.currentStatement();
			cause = StatementFailedException.oneLine(
					(ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
		}
		String direction = step.upgrade() ? "upgrade" : "downgrade";
		String revision;
		String source;
		StringBuilder message = new StringBuilder();
		if (script != null) {
			revision = script.id();
			source = script.origin();
			message.append("Revision ").append(revision).append(" (").append(source).append(") failed on ").append(direction);
		}
		else {
			revision = String.join(",", step.toRevisions());
			source = null;
			message.append("Stamp ").append(String.join(",", step.fromRevisions())).append(" -> ").append(revision).append(" failed");
		}
		message.append(": ").append(cause);
		if (statement != null) {
			message.append("; statement: ").append(StatementFailedException.abbreviate(statement));
		}
		String lastGoodText = lastGood.isEmpty() ? "base" : String.join(" ", lastGood);
		message.append("; version table left at ").append(lastGood.isEmpty() ? "base" : String.join(", ", lastGood));
		boolean halfApplied = script != null && !(inTransaction && dialect.transactionalDdl());
		if (halfApplied) {
			message.append("; ")
				.append(dialect.transactionalDdl() ? "the revision ran outside a transaction"
						: "DDL is not transactional on " + dialect.name())
				.append(", so statements of ")
				.append(revision)
				.append(" that ran before the failure may be half-applied: fix the schema by hand, then run 'migrate stamp ")
				.append(lastGoodText)
				.append("' (or stamp ")
				.append(completedTarget(step))
				.append(" if it is complete)");
		}
		return new MigrationFailedException(message.toString(), cause, revision, source, statement, step.upgrade(), lastGood,
				halfApplied, ex);
	}

	/** Where the version table belongs once the failed step is finished by hand. */
	private static String completedTarget(Step step) {
		return step.toRevisions().isEmpty() ? "base" : String.join(" ", step.toRevisions());
	}

	/** Undoes session-level timeouts after a revision (nothing to do for {@code SET LOCAL}). */
	private static void resetTimeouts(Connection connection, Dialect dialect, DdlTimeouts timeouts, boolean inTransaction) {
		for (String sql : dialect.resetTimeoutsSql(timeouts.lockTimeout(), timeouts.statementTimeout(), inTransaction)) {
			try (java.sql.Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				Log.logger.log(System.Logger.Level.WARNING, "Could not reset the timeouts ({0}): {1}", sql, ex.getMessage());
			}
		}
	}

	private static boolean rollback(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				return true;
			}
		}
		catch (SQLException ex) {
			Log.logger.log(System.Logger.Level.WARNING, "Rollback failed: {0}", ex.getMessage());
		}
		return false;
	}

	private void log(LogTable log, Connection connection, Step step, Instant startedAt, Duration duration,
			boolean success, String error) {
		if (log == null) {
			return;
		}
		try {
			boolean auto = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				String revision = (step instanceof RevisionStep rs) ? rs.revision().id() : String.join(",", step.toRevisions());
				String direction = (step instanceof StampStep) ? "stamp" : (step.upgrade() ? "upgrade" : "downgrade");
				log.append(connection, revision, direction, startedAt, duration, success, error);
			}
			finally {
				connection.setAutoCommit(auto);
			}
		}
		catch (SQLException ex) {
			Log.logger.log(System.Logger.Level.WARNING, "Could not write migration log table ''{0}'': {1}",
					this.settings.logTable(), ex.getMessage());
		}
	}

	private void notifyBefore(Step step, MigrationScript script) {
		try {
			this.observer.beforeStep(step, script);
		}
		catch (RuntimeException ex) {
			Log.logger.log(System.Logger.Level.WARNING, "Migration listener failed: {0}", ex.toString());
		}
	}

	private void notifyAfter(Step step, MigrationScript script, Duration duration, Throwable failure) {
		try {
			this.observer.afterStep(step, script, duration, failure);
		}
		catch (RuntimeException ex) {
			Log.logger.log(System.Logger.Level.WARNING, "Migration listener failed: {0}", ex.toString());
		}
	}

	/**
	 * Alembic's {@code MigrationStep.short_log}: {@code upgrade a -> b}, {@code downgrade b -> a}, and
	 * {@code stamp_revision a -> b} for stamps (Alembic names the step after its function).
	 */
	public static String shortLog(Step step) {
		String name = (step instanceof StampStep) ? "stamp_revision" : (step.upgrade() ? "upgrade" : "downgrade");
		return name + " " + String.join(", ", step.fromRevisions()) + " -> " + String.join(", ", step.toRevisions());
	}

	/**
	 * Writes a plan as SQL, as Alembic's offline mode: per step a {@code -- Running upgrade <from> -> <to>}
	 * line, the revision's statements and the version-table statements; {@code CREATE TABLE} of the
	 * version table when a step starts from no rows; {@code BEGIN}/{@code COMMIT} where the dialect
	 * has transactional DDL.
	 */
	public void runOffline(Appendable out, Dialect dialect, List<String> startHeads, List<? extends Step> plan) {
		validate(plan);
		OfflineMigrationContext context = new OfflineMigrationContext(out, dialect, this.settings.arguments(),
				this.settings.schema());
		VersionTable versions = versionTable(dialect);
		RevisionGraph graph = this.scripts.graph();
		List<String> heads = new ArrayList<>(startHeads);
		boolean transactional = dialect.transactionalDdl();
		boolean single = transactional && !this.settings.transactionPerMigration();
		if (single) {
			context.begin();
		}
		Operations op = new Operations(context);
		for (Step step : plan) {
			MigrationScript script = (step instanceof RevisionStep rs) ? this.scripts.script(rs.revision().id()) : null;
			boolean scriptTx = script == null || script.transactional();
			boolean perStep = transactional && !single && scriptTx;
			if (perStep) {
				context.begin();
			}
			Runnable body = () -> {
				if (heads.isEmpty()) {
					context.executeSql(versions.createSql());
				}
				context.comment("-- Running " + shortLog(step));
				if (script != null) {
					if (step.upgrade()) {
						script.upgrade(op);
					}
					else {
						script.downgrade(op);
					}
				}
				for (VersionChange change : graph.applyToHeads(heads, step)) {
					context.executeSql(versions.sql(change));
				}
			};
			if (single && !scriptTx) {
				context.autocommitBlock(body);
			}
			else {
				body.run();
			}
			if (perStep) {
				context.commit();
			}
		}
		if (single) {
			context.commit();
		}
	}

}
