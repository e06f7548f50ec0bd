package dev.migrate.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;
import dev.migrate.graph.RevisionStep;
import dev.migrate.graph.Step;
import dev.migrate.runtime.ChecksumReport;
import dev.migrate.runtime.LockInfo;
import dev.migrate.runtime.LogTable;
import dev.migrate.runtime.MigrationRunner;
import dev.migrate.runtime.StatementFailedException;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.Placeholders;
import dev.migrate.script.ScriptDirectory;

/**
 * The engine's facade: what the command line, the starter and the endpoint call.
 *
 * <p>Revisions are loaded once, when the Migrator is created; every database read or write opens
 * and closes its own connection from the configured DataSource. A Migrator is immutable after
 * creation and thread-safe: reads ({@link #current()}, {@link #history}, {@link #heads()},
 * {@link #show}, {@link #status()}) may run concurrently from any thread, and writes
 * ({@link #upgrade}, {@link #downgrade}, {@link #stamp}) are serialised by the database migration
 * lock, also across processes.
 *
 * <p>Errors are {@link MigrateException}s with one-line messages: bad targets and malformed
 * revisions fail before anything in the database changes; a failing revision raises
 * {@link dev.migrate.runtime.MigrationFailedException}.
 */
public final class Migrator {

	private final MigrateConfig config;

	private final ScriptDirectory scripts;

	private final MigrationRunner runner;

	private volatile Set<String> headSet;

	private Migrator(MigrateConfig config) {
		this(config, load(config));
	}

	private static ScriptDirectory load(MigrateConfig config) {
		ScriptDirectory loaded = ScriptDirectory.load(config.locations(), config.classLoader());
		ScriptDirectory scripts = config.placeholders() ? Placeholders.apply(loaded, config.arguments()) : loaded;
		scripts.graph();
		return scripts;
	}

	private Migrator(MigrateConfig config, ScriptDirectory scripts) {
		this.config = config;
		this.scripts = scripts;
		if (config.baselineRevision() != null && !config.baselineRevision().equals("base")) {
			try {
				this.scripts.graph().stampPlan(List.of(), List.of(config.baselineRevision()));
			}
			catch (MigrateException ex) {
				throw new ConfigurationException("Invalid baseline revision '" + config.baselineRevision()
						+ "' (baseline-revision): " + ex.getMessage(), ex);
			}
		}
		this.runner = new MigrationRunner(this.scripts,
				new MigrationRunner.Settings(config.versionTable(), config.schema(), config.transactionPerMigration(),
						config.lockTimeout(), config.logTable(), config.arguments(), config.baselineRevision(),
						config.baselineOnMigrate(), config.createSchemas(), config.lockLease(), config.lockRenewInterval()),
				new ListenerBridge(config.listeners()));
		this.runner.timeouts(config.ddlTimeouts());
		this.runner.validateChecksums(config.validateChecksums());
	}

	/** Loads the revisions of {@code config.locations()} and validates the graph. */
	public static Migrator create(MigrateConfig config) {
		return new Migrator(config);
	}

	/**
	 * A Migrator over the revisions this one loaded, with another configuration: another DataSource,
	 * schema, version table or listeners (a tenant of {@link TenantMigrator}). The revisions are
	 * neither read nor validated again, so the locations, class loader, placeholders and arguments
	 * of {@code config} are those of this Migrator's revisions.
	 */
	public Migrator withConfig(MigrateConfig config) {
		return new Migrator(java.util.Objects.requireNonNull(config, "config"), this.scripts);
	}

	public MigrateConfig config() {
		return this.config;
	}

	/** The loaded revisions, their locations and their graph. */
	public ScriptDirectory scriptDirectory() {
		return this.scripts;
	}

	/** The revision graph. */
	public RevisionGraph graph() {
		return this.scripts.graph();
	}

	/** Every revision script (SQL file or Java class), in load order. */
	public List<MigrationScript> scripts() {
		return this.scripts.scripts();
	}

	/** The script of a revision id (exact id), or null. */
	public MigrationScript script(String id) {
		return this.scripts.script(id);
	}

	/** Upgrade to {@code target} under the migration lock (lock-free when there is nothing to do). */
	public MigrationResult upgrade(String target) {
		requireTarget(target, "upgrade");
		rejectRange(target);
		return result(this.runner.run(dataSource(), this.config.dialect(), new UpgradePlanner(graph(), target), false,
				true));
	}

	/** The upgrade planner (a class rather than a lambda: no bootstrap on the start-up path). */
	private record UpgradePlanner(RevisionGraph graph, String target) implements MigrationRunner.Planner {

		@Override
		public List<? extends Step> plan(List<String> currentHeads) {
			List<String> unknown = currentHeads.stream().filter((id) -> this.graph.get(id) == null).toList();
			if (!unknown.isEmpty()) {
				throw new DatabaseAheadException(unknown, this.graph.heads());
			}
			return this.graph.upgradePlan(currentHeads, this.target);
		}

	}

	/** Downgrade to {@code target}. */
	public MigrationResult downgrade(String target) {
		requireTarget(target, "downgrade");
		rejectRange(target);
		RevisionGraph graph = graph();
		return result(this.runner.run(dataSource(), this.config.dialect(), (heads) -> graph.downgradePlan(heads, target),
				false));
	}

	/** Offline upgrade: {@code target} or {@code from:to}; writes SQL with "-- Running upgrade" markers. */
	public void upgradeSql(String target, Appendable out) {
		requireTarget(target, "upgrade");
		Dialect dialect = offlineDialect();
		List<String> start = List.of();
		String to = target;
		int colon = target.indexOf(':');
		if (colon >= 0) {
			start = startingHeads(target.substring(0, colon));
			to = target.substring(colon + 1);
		}
		List<? extends Step> plan = graph().upgradePlan(start, to);
		this.runner.runOffline(out, dialect, start, plan);
	}

	/** Offline downgrade: {@code from:to}. */
	public void downgradeSql(String range, Appendable out) {
		requireTarget(range, "downgrade");
		int colon = range.indexOf(':');
		if (colon < 0) {
			throw new MigrateException("downgrade with --sql requires <fromrev>:<torev>");
		}
		Dialect dialect = offlineDialect();
		List<String> start = startingHeads(range.substring(0, colon));
		List<? extends Step> plan = graph().downgradePlan(start, range.substring(colon + 1));
		this.runner.runOffline(out, dialect, start, plan);
	}

	/** Stamp the version table to {@code revisions} without running anything; {@code purge} empties it first. */
	public MigrationResult stamp(List<String> revisions, boolean purge) {
		if (revisions == null || revisions.isEmpty()) {
			throw new MigrateException("stamp needs at least one revision");
		}
		for (String r : revisions) {
			rejectRange(r);
		}
		RevisionGraph graph = graph();
		List<String> destinations = List.copyOf(revisions);
		return result(this.runner.run(dataSource(), this.config.dialect(),
				(heads) -> graph.stampPlan(heads, destinations), purge));
	}

	/** Offline stamp. */
	public void stampSql(List<String> revisions, boolean purge, Appendable out) {
		if (purge) {
			throw new MigrateException("Can't use --purge with --sql mode");
		}
		if (revisions == null || revisions.isEmpty()) {
			throw new MigrateException("stamp needs at least one revision");
		}
		Dialect dialect = offlineDialect();
		Set<String> starts = new LinkedHashSet<>();
		List<String> destinations = new ArrayList<>();
		for (String r : revisions) {
			int colon = r.indexOf(':');
			if (colon >= 0) {
				starts.add(r.substring(0, colon));
				destinations.add(r.substring(colon + 1));
			}
			else {
				destinations.add(r);
			}
		}
		if (starts.size() > 1) {
			throw new MigrateException("Stamp operation with --sql only supports a single starting revision at a time");
		}
		List<String> start = starts.isEmpty() ? List.of() : startingHeads(starts.iterator().next());
		this.runner.runOffline(out, dialect, start, graph().stampPlan(start, destinations));
	}

	/** Version rows (Alembic's current). Does not create the version table. */
	public List<String> current() {
		return withConnection((connection, dialect) -> this.runner.readHeads(connection, dialect));
	}

	/**
	 * Revisions newest first, as {@code alembic history -r <range>} lists them; {@code range} like
	 * {@code a:b}, {@code -3:}, {@code current:}, or null for all. The database is read only when
	 * the range names {@code current}.
	 */
	public List<RevisionInfo> history(String range) {
		if (range == null || range.isBlank()) {
			return graph().history(null, List.of()).stream().map(this::info).toList();
		}
		List<String> current = mentionsCurrent(range) ? current() : List.of();
		return graph().history(range, current).stream().map(this::info).toList();
	}

	private static boolean mentionsCurrent(String range) {
		for (String side : range.strip().split(":", -1)) {
			if (side.equals("current")) {
				return true;
			}
		}
		return false;
	}

	/** Head revisions. */
	public List<RevisionInfo> heads() {
		RevisionGraph graph = graph();
		return graph.heads().stream().map((id) -> info(graph.get(id))).toList();
	}

	/** Base revisions. */
	public List<RevisionInfo> bases() {
		RevisionGraph graph = graph();
		return graph.bases().stream().map((id) -> info(graph.get(id))).toList();
	}

	/** One revision by id, prefix or symbol ({@code current} reads the database). */
	public RevisionInfo show(String revision) {
		requireTarget(revision, "show");
		List<RevisionNode> nodes;
		if ("current".equals(revision.strip())) {
			List<String> current = current();
			nodes = current.stream().map((id) -> graph().get(id)).filter(java.util.Objects::nonNull).toList();
		}
		else {
			nodes = graph().resolve(revision.strip());
		}
		if (nodes.isEmpty()) {
			throw new MigrateException("No revision identified by '" + revision + "'");
		}
		if (nodes.size() > 1) {
			throw new MigrateException("Revision identifier '" + revision + "' names several revisions: "
					+ String.join(", ", nodes.stream().map(RevisionNode::id).toList()));
		}
		return info(nodes.get(0));
	}

	/** The revision with exactly this id as commands report it, or null. */
	public RevisionInfo revisionInfo(String id) {
		RevisionNode node = graph().get(id);
		return (node != null) ? info(node) : null;
	}

	/** Current, heads, pending and unknown rows, read in one pass. */
	public Status status() {
		List<String> current = current();
		RevisionGraph graph = graph();
		List<String> unknown = current.stream().filter((id) -> graph.get(id) == null).toList();
		List<String> pending = List.of();
		if (unknown.isEmpty() && !graph.revisions().isEmpty()) {
			pending = graph.upgradePlan(current, "heads")
				.stream()
				.filter(RevisionStep::upgrade)
				.map((s) -> s.revision().id())
				.toList();
		}
		return new Status(current, graph.heads(), pending, unknown);
	}

	/** The revisions an upgrade to {@code target} would run from the database's current rows, in order. */
	public List<RevisionInfo> pending(String target) {
		List<String> current = current();
		return graph().upgradePlan(current, target).stream().map((s) -> info(s.revision())).toList();
	}

	/** The applied-steps log (oldest first); empty when no log table is configured or it does not exist yet. */
	public List<LogTable.Entry> log() {
		if (this.config.logTable() == null) {
			return List.of();
		}
		return withConnection((connection, dialect) -> {
			try {
				return new LogTable(dialect, this.config.logTable(), this.config.schema()).read(connection);
			}
			catch (SQLException ex) {
				throw new MigrateException("Could not read log table '" + this.config.logTable() + "': "
						+ StatementFailedException.oneLine(ex.getMessage()), ex);
			}
		});
	}

	/**
	 * The checksums of the applied revisions compared with the code (read-only): edited applied
	 * revisions, and those without a recorded checksum yet.
	 */
	public ChecksumReport checksums() {
		return withConnection((connection, dialect) -> {
			connection.setAutoCommit(true);
			return this.runner.checksums(connection, dialect);
		});
	}

	/**
	 * Throws {@link dev.migrate.runtime.UnversionedSchemaException} when there is no version table
	 * but the schema has tables of its own (built by other means); read-only.
	 */
	public void requireVersioned() {
		withConnection((connection, dialect) -> {
			this.runner.requireVersioned(connection, dialect);
			return null;
		});
	}

	/**
	 * {@code migrate repair}: accepts the current checksums of the applied revisions under the
	 * migration lock; runs no revision and leaves the version table alone.
	 */
	public MigrationRunner.Repair repair() {
		return this.runner.repair(dataSource(), this.config.dialect());
	}

	/**
	 * Who holds the migration lock of this configuration (version table and schema), or null when
	 * nobody does: the lease row's owner, or the database session holding the lock.
	 */
	public LockInfo lockInfo() {
		return withConnection((connection, dialect) -> dialect.lockInfo(connection, this.runner.lockName()));
	}

	/**
	 * Releases the migration lock whoever holds it, for a holder that is gone (a lease row is
	 * deleted). Session locks (PostgreSQL, MySQL) cannot be released from another session: the
	 * exception names the holding session and how to end it.
	 * @return what was released, or null when nobody held the lock
	 */
	public LockInfo releaseLock() {
		return withConnection((connection, dialect) -> {
			LockInfo info = dialect.lockInfo(connection, this.runner.lockName());
			if (info == null) {
				return null;
			}
			connection.setAutoCommit(true);
			if (!dialect.forceReleaseLock(connection, this.runner.lockName())) {
				throw new MigrateException("Cannot release the " + info.lock() + " from another session: it is held by "
						+ info.holder() + "; " + info.howToEnd());
			}
			return info;
		});
	}

	/**
	 * {@code migrate lint}: static checks of what the upgrades of {@code range} would run, with the
	 * dialect's rules. {@code range} null: the pending revisions when the database is reachable,
	 * else {@code base:heads}. {@code models}: for the drop/rename rule, or null.
	 */
	public dev.migrate.lint.LintReport lint(String range, dev.migrate.schema.SchemaSnapshot models) {
		return LintCommand.lint(this, range, models);
	}

	/** The dialect: configured, or detected from a connection. */
	Dialect detectDialect() {
		return (this.config.dialect() != null) ? this.config.dialect() : withConnection((connection, dialect) -> dialect);
	}

	// ---- helpers

	private RevisionInfo info(RevisionNode node) {
		MigrationScript script = this.scripts.script(node.id());
		Set<String> heads = this.headSet;
		if (heads == null) {
			heads = Set.copyOf(graph().heads());
			this.headSet = heads;
		}
		return new RevisionInfo(node.id(), node.downRevisions(), node.branchLabels(), node.dependsOn(),
				(script != null) ? script.message() : "", (script != null) ? script.createDate() : null,
				(script != null) ? script.source() : null, (script != null) ? script.kind() : null,
				heads.contains(node.id()), node.isBase(), graph().isBranchPoint(node.id()), node.isMergePoint());
	}

	/**
	 * The start of an offline range: none for {@code base} or empty; {@code current} is the
	 * database's version rows (the one offline case that reads the database, as only it knows them).
	 */
	private List<String> startingHeads(String from) {
		String f = from.strip();
		if (f.isEmpty() || f.equals("base")) {
			return List.of();
		}
		if (f.equals("current")) {
			if (this.config.dataSource() == null) {
				throw new ConfigurationException("The range starts at 'current', the database's revision: offline (--sql) "
						+ "mode reads it only when a database is configured (url); else start at a revision id");
			}
			List<String> current = current();
			RevisionGraph graph = graph();
			for (String id : current) {
				if (graph.get(id) == null) {
					throw new MigrateException("Can't locate revision identified by '" + id + "' (a version row of the database)");
				}
			}
			return current;
		}
		return graph().resolve(f).stream().map(RevisionNode::id).toList();
	}

	private Dialect offlineDialect() {
		if (this.config.dialect() == null) {
			throw new ConfigurationException("Offline (--sql) mode needs a dialect (dialect): it does not connect to the database");
		}
		return this.config.dialect();
	}

	private DataSource dataSource() {
		if (this.config.dataSource() == null) {
			throw new ConfigurationException("No database configured (url): set a DataSource, or use offline (--sql) mode");
		}
		return this.config.dataSource();
	}

	private static void requireTarget(String target, String command) {
		if (target == null || target.isBlank()) {
			throw new MigrateException(command + " needs a revision argument");
		}
	}

	private static void rejectRange(String target) {
		if (target.contains(":")) {
			throw new MigrateException("Range revision not allowed");
		}
	}

	private interface ConnectionWork<T> {

		T apply(Connection connection, Dialect dialect) throws SQLException;

	}

	private <T> T withConnection(ConnectionWork<T> work) {
		try (Connection connection = dataSource().getConnection()) {
			Dialect dialect = (this.config.dialect() != null) ? this.config.dialect()
					: DialectResolver.forConnection(connection);
			return work.apply(connection, dialect);
		}
		catch (SQLException ex) {
			throw new MigrateException("Database error: " + StatementFailedException.oneLine(ex.getMessage()), ex);
		}
	}

	private MigrationResult result(MigrationRunner.Outcome outcome) {
		List<StepResult> steps = new ArrayList<>();
		for (MigrationRunner.Executed e : outcome.steps()) {
			Step step = e.step();
			if (e.script() != null) {
				steps.add(new StepResult(e.script().id(), step.upgrade(), e.script().message(), e.duration()));
			}
			else {
				steps.add(new StepResult(String.join(",", step.toRevisions()), step.upgrade(), "stamp", e.duration()));
			}
		}
		return new MigrationResult(List.copyOf(outcome.headsBefore()), List.copyOf(outcome.headsAfter()), steps);
	}

	/** Passes runner events on to the configured listeners. */
	private static final class ListenerBridge implements MigrationRunner.Observer {

		private final List<MigrationListener> listeners;

		ListenerBridge(List<MigrationListener> listeners) {
			this.listeners = listeners;
		}

		@Override
		public void beforeStep(Step step, MigrationScript script) {
			if (this.listeners.isEmpty()) {
				return;
			}
			MigrationListener.StepInfo info = info(step, script);
			for (MigrationListener listener : this.listeners) {
				try {
					listener.beforeStep(info);
				}
				catch (RuntimeException ex) {
					System.getLogger(Migrator.class.getName())
						.log(System.Logger.Level.WARNING, "Migration listener failed: {0}", ex.toString());
				}
			}
		}

		@Override
		public void afterStep(Step step, MigrationScript script, Duration duration, Throwable failure) {
			if (this.listeners.isEmpty()) {
				return;
			}
			MigrationListener.StepInfo info = info(step, script);
			for (MigrationListener listener : this.listeners) {
				try {
					listener.afterStep(info, duration, failure);
				}
				catch (RuntimeException ex) {
					System.getLogger(Migrator.class.getName())
						.log(System.Logger.Level.WARNING, "Migration listener failed: {0}", ex.toString());
				}
			}
		}

		private static MigrationListener.StepInfo info(Step step, MigrationScript script) {
			if (script != null) {
				return new MigrationListener.StepInfo(script.id(), step.upgrade(), step.fromRevisions(), step.toRevisions(),
						script.message(), script.origin(), false);
			}
			return new MigrationListener.StepInfo(String.join(",", step.toRevisions()), step.upgrade(), step.fromRevisions(),
					step.toRevisions(), "stamp", null, true);
		}

	}

}
