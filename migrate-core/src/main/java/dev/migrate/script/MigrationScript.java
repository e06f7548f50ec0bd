package dev.migrate.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.graph.RevisionNode;
import dev.migrate.operations.Operations;

/**
 * A loaded revision: its identifiers and metadata, where it came from, and how to run it. SQL
 * files ({@link SqlMigrationScript}) and Java classes ({@link JavaMigrationScript}) mix freely in
 * one graph.
 */
public abstract sealed class MigrationScript permits SqlMigrationScript, JavaMigrationScript {

	/** Allowed revision ids: letters, digits and underscores, at most 32 characters (the version column). */
	public static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9_]{1,32}");

	private final RevisionNode node;

	private final String message;

	private final String createDate;

	private final String sourceName;

	private final String origin;

	private final boolean transactional;

	MigrationScript(RevisionNode node, String message, String createDate, String sourceName, String origin,
			boolean transactional) {
		this.node = Objects.requireNonNull(node);
		this.message = (message != null) ? message : "";
		this.createDate = (createDate == null || createDate.isBlank()) ? null : createDate;
		this.sourceName = sourceName;
		this.origin = origin;
		this.transactional = transactional;
	}

	/** The graph node (id, down revisions, branch labels, dependencies). */
	public RevisionNode node() {
		return this.node;
	}

	public String id() {
		return this.node.id();
	}

	public List<String> downRevisions() {
		return this.node.downRevisions();
	}

	public Set<String> branchLabels() {
		return this.node.branchLabels();
	}

	public List<String> dependsOn() {
		return this.node.dependsOn();
	}

	/** The message ({@code migrate revision -m}); empty when none. */
	public String message() {
		return this.message;
	}

	/** The creation date as written, or null. */
	public String createDate() {
		return this.createDate;
	}

	/** The name load order sorts by: an SQL file's name, a Java class's simple name. */
	public String sourceName() {
		return this.sourceName;
	}

	/** The SQL file name or the Java class name, as {@code RevisionInfo.source} reports it. */
	public abstract String source();

	/** Where it came from, for messages: {@code classpath:db/migrations/x.sql}, a file path, or a class name. */
	public String origin() {
		return this.origin;
	}

	/** {@code sql} or {@code java}. */
	public abstract String kind();

	/** The file on disk for SQL revisions of a filesystem location (or an exploded classpath directory), else null. */
	public Path path() {
		return null;
	}

	/** False for revisions that must run outside a transaction ({@code -- migrate:no-transaction}, {@code @Revision(transactional = false)}). */
	public boolean transactional() {
		return this.transactional;
	}

	/**
	 * This revision's own limit on lock waits ({@code -- migrate:lock-timeout: 5s},
	 * {@code @Revision(lockTimeout = "5s")}), or null for the configured {@code lock-timeout-ddl}.
	 */
	public java.time.Duration lockTimeout() {
		return null;
	}

	/** This revision's own statement timeout ({@code -- migrate:statement-timeout: 30s}), or null for the configured one. */
	public java.time.Duration statementTimeout() {
		return null;
	}

	/**
	 * Checks what loading left for later (an SQL file's statements are split on first use): a run
	 * calls it for every revision of its plan before its first step, so a malformed revision fails
	 * before anything changes. Nothing to check for Java revisions.
	 */
	public void validate() {
	}

	/** Runs the upgrade through {@code op}. */
	public abstract void upgrade(Operations op);

	/** Runs the downgrade through {@code op}. */
	public abstract void downgrade(Operations op);

	@Override
	public String toString() {
		return this.node.id() + " (" + this.origin + ")";
	}

}
