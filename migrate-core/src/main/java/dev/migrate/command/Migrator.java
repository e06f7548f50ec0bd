package dev.migrate.command;

import java.util.List;

/**
 * The engine's facade: what the command line, the starter and the endpoint call.
 * CONTRACT STUB — implemented by the runtime work; signatures are fixed.
 *
 * <p>Revisions are loaded once, when the Migrator is created; every database read or write opens
 * and closes its own connection from the configured DataSource.
 */
public final class Migrator {

	private final MigrateConfig config;

	private Migrator(MigrateConfig config) {
		this.config = config;
	}

	/** Loads the revisions of {@code config.locations()} and validates the graph. */
	public static Migrator create(MigrateConfig config) {
		return new Migrator(config);
	}

	public MigrateConfig config() {
		return this.config;
	}

	/** Upgrade to {@code target} under the migration lock (lock-free when there is nothing to do). */
	public MigrationResult upgrade(String target) {
		throw new UnsupportedOperationException();
	}

	/** Downgrade to {@code target}. */
	public MigrationResult downgrade(String target) {
		throw new UnsupportedOperationException();
	}

	/** Offline upgrade: {@code target} or {@code from:to}; writes SQL with "-- Running upgrade" markers. */
	public void upgradeSql(String target, Appendable out) {
		throw new UnsupportedOperationException();
	}

	/** Offline downgrade: {@code from:to}. */
	public void downgradeSql(String range, Appendable out) {
		throw new UnsupportedOperationException();
	}

	/** Stamp the version table to {@code revisions} without running anything; {@code purge} empties it first. */
	public MigrationResult stamp(List<String> revisions, boolean purge) {
		throw new UnsupportedOperationException();
	}

	/** Offline stamp. */
	public void stampSql(List<String> revisions, boolean purge, Appendable out) {
		throw new UnsupportedOperationException();
	}

	/** Version rows (Alembic's current). Does not create the version table. */
	public List<String> current() {
		throw new UnsupportedOperationException();
	}

	/** Revisions newest first; {@code range} like {@code a:b}, {@code -3:}, {@code current:}, or null for all. */
	public List<RevisionInfo> history(String range) {
		throw new UnsupportedOperationException();
	}

	/** Head revisions. */
	public List<RevisionInfo> heads() {
		throw new UnsupportedOperationException();
	}

	/** One revision by id, prefix or symbol. */
	public RevisionInfo show(String revision) {
		throw new UnsupportedOperationException();
	}

	/** Current, heads, pending and unknown rows, read in one pass. */
	public Status status() {
		throw new UnsupportedOperationException();
	}

}
