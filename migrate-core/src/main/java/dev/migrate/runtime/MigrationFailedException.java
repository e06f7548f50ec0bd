package dev.migrate.runtime;

import java.util.List;

import dev.migrate.MigrateException;

/**
 * A revision (or a stamp) failed: the run stopped, the revision's own transaction was rolled back
 * where the database allows it, and the version table is at the last good revision. The one-line
 * message names the revision, its file or class, the failing statement and the database's error.
 */
public class MigrationFailedException extends MigrateException {

	private final String revision;

	private final String source;

	private final String statement;

	private final boolean upgrade;

	private final List<String> lastGoodHeads;

	private final boolean mayBeHalfApplied;

	private final String reason;

	public MigrationFailedException(String message, String revision, String source, String statement, boolean upgrade,
			List<String> lastGoodHeads, boolean mayBeHalfApplied, Throwable cause) {
		this(message, message, revision, source, statement, upgrade, lastGoodHeads, mayBeHalfApplied, cause);
	}

	/**
	 * @param message the one-line message (revision, file, reason, statement, version table)
	 * @param reason why it failed alone: the database's error or the revision's exception
	 */
	public MigrationFailedException(String message, String reason, String revision, String source, String statement,
			boolean upgrade, List<String> lastGoodHeads, boolean mayBeHalfApplied, Throwable cause) {
		super(message, cause);
		this.reason = (reason != null) ? reason : message;
		this.revision = revision;
		this.source = source;
		this.statement = statement;
		this.upgrade = upgrade;
		this.lastGoodHeads = List.copyOf(lastGoodHeads);
		this.mayBeHalfApplied = mayBeHalfApplied;
	}

	/**
	 * Why it failed, alone — the database's error or the revision's exception — without the
	 * revision, statement and version-table parts of the message.
	 */
	public String reason() {
		return this.reason;
	}

	/** The revision id (a stamp: the target ids, comma-separated). */
	public String revision() {
		return this.revision;
	}

	/** The revision's file or class. */
	public String source() {
		return this.source;
	}

	/** The statement that failed, or null when the failure was not in a statement. */
	public String statement() {
		return this.statement;
	}

	public boolean upgrade() {
		return this.upgrade;
	}

	/** The version rows the database is left at. */
	public List<String> lastGoodHeads() {
		return this.lastGoodHeads;
	}

	/** Whether part of the failed revision may have been applied (DDL outside a transaction). */
	public boolean mayBeHalfApplied() {
		return this.mayBeHalfApplied;
	}

}
