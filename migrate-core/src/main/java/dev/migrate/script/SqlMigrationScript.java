package dev.migrate.script;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.graph.RevisionNode;
import dev.migrate.operations.Operations;

/** A revision written as an SQL file with {@code -- migrate:upgrade} and {@code -- migrate:downgrade} sections. */
public final class SqlMigrationScript extends MigrationScript {

	private final String fileName;

	private final Path path;

	/**
	 * The sections as read from the file: given by the parser, or read on first use when the
	 * revision came from the {@link RevisionCache} (which holds only what loading needs).
	 */
	private volatile Body body;

	/** Reads the body of a revision that came from the cache, or null when the body was given. */
	private final BodyLoader loader;

	/** The revision cache's digest of the whole file, or 0 (see {@link #isCopyOf}). */
	private long fileDigest;

	/** The checksum of the written upgrade section ({@code sql2:...}), known or computed on first use. */
	private volatile String checksum;

	/** {@code -- migrate:lock-timeout:} and {@code -- migrate:statement-timeout:} of the header, or null. */
	private java.time.Duration lockTimeout;

	private java.time.Duration statementTimeout;

	/** Split on first use: loading a directory reads only headers and section markers. */
	private volatile List<String> upgradeStatements;

	private volatile List<String> downgradeStatements;

	/**
	 * The sections of a file.
	 * @param upgradeSql the upgrade section (placeholders replaced, where they are)
	 * @param downgradeSql the downgrade section, or null without one
	 * @param upgradeLine the line of the {@code -- migrate:upgrade} marker
	 * @param downgradeLine the line of the {@code -- migrate:downgrade} marker (0 without one)
	 * @param writtenUpgradeSql the upgrade section as the file has it: what the checksum covers
	 */
	record Body(String upgradeSql, String downgradeSql, int upgradeLine, int downgradeLine, String writtenUpgradeSql) {
	}

	/** Reads the body of a cached revision, checking the file still holds what the cache said. */
	interface BodyLoader {

		Body load(SqlMigrationScript script);

	}

	SqlMigrationScript(RevisionNode node, String message, String createDate, String fileName, String origin,
			Path path, boolean transactional, String upgradeSql, String downgradeSql, int upgradeLine,
			int downgradeLine) {
		this(node, message, createDate, fileName, origin, path, transactional,
				new Body(upgradeSql, downgradeSql, upgradeLine, downgradeLine, upgradeSql), null, null);
	}

	/** A revision whose body is read by {@code loader} on first use, with its checksum known. */
	SqlMigrationScript(RevisionNode node, String message, String createDate, String fileName, String origin,
			Path path, boolean transactional, String checksum, BodyLoader loader) {
		this(node, message, createDate, fileName, origin, path, transactional, null, loader, checksum);
	}

	private SqlMigrationScript(RevisionNode node, String message, String createDate, String fileName, String origin,
			Path path, boolean transactional, Body body, BodyLoader loader, String checksum) {
		super(node, message, createDate, fileName, origin, transactional);
		this.fileName = fileName;
		this.path = path;
		this.body = body;
		this.loader = loader;
		this.checksum = checksum;
	}

	/** This revision with other upgrade and downgrade text (placeholders replaced), lines unchanged. */
	SqlMigrationScript withSections(String upgrade, String downgrade) {
		Body b = body();
		SqlMigrationScript copy = new SqlMigrationScript(node(), message(), createDate(), this.fileName, origin(), this.path,
				transactional(), new Body(upgrade, downgrade, b.upgradeLine(), b.downgradeLine(), b.writtenUpgradeSql()),
				null, this.checksum);
		// the header's lock-timeout and statement-timeout belong to the revision, placeholders or not
		copy.lockTimeout = this.lockTimeout;
		copy.statementTimeout = this.statementTimeout;
		return copy;
	}

	Body body() {
		Body b = this.body;
		if (b == null) {
			synchronized (this) {
				b = this.body;
				if (b == null) {
					b = this.loader.load(this);
					this.body = b;
				}
			}
		}
		return b;
	}

	/** Whether the sections have been read (always, but for a revision from the cache not used yet). */
	boolean bodyLoaded() {
		return this.body != null;
	}

	/**
	 * The checksum of the upgrade section as written ({@code dev.migrate.runtime.RevisionChecksums#sql}):
	 * the cache's, or computed from the section on first use.
	 */
	public String checksum() {
		String c = this.checksum;
		if (c == null) {
			c = dev.migrate.runtime.RevisionChecksums.sql(writtenUpgradeSql());
			this.checksum = c;
		}
		return c;
	}

	/**
	 * The upgrade section as the file has it, before {@code ${key}} placeholders are replaced: what
	 * the checksum of an applied revision covers (see {@code dev.migrate.runtime.RevisionChecksums}).
	 */
	public String writtenUpgradeSql() {
		return body().writtenUpgradeSql();
	}

	String upgradeSql() {
		return body().upgradeSql();
	}

	String downgradeSql() {
		return body().downgradeSql();
	}

	int upgradeLine() {
		return body().upgradeLine();
	}

	int downgradeLine() {
		return body().downgradeLine();
	}

	@Override
	public String source() {
		return this.fileName;
	}

	/**
	 * Whether {@code other} is a copy of this file: the same file name, header and sections, as a
	 * source directory and the build output it is copied to (say {@code src/main/resources} and
	 * {@code target/classes}) hold the same revision.
	 */
	boolean isCopyOf(SqlMigrationScript other) {
		if (this.fileDigest != 0 && this.fileDigest == other.fileDigest && this.fileName.equals(other.fileName)) {
			return true; // the same text (the cache's digests of both files): the same revision, neither file read
		}
		return this.fileName.equals(other.fileName) && upgradeSql().equals(other.upgradeSql())
				&& java.util.Objects.equals(downgradeSql(), other.downgradeSql())
				&& transactional() == other.transactional() && sameHeader(other);
	}

	private boolean sameHeader(MigrationScript other) {
		RevisionNode a = node();
		RevisionNode b = other.node();
		return a.downRevisions().equals(b.downRevisions()) && a.branchLabels().equals(b.branchLabels())
				&& a.dependsOn().equals(b.dependsOn()) && java.util.Objects.equals(message(), other.message())
				&& java.util.Objects.equals(createDate(), other.createDate());
	}

	/** Whether {@code other} has this revision's header: the same node, message, date, transaction mode and timeouts. */
	boolean sameHeaderAs(SqlMigrationScript other) {
		return sameHeader(other) && node().id().equals(other.node().id()) && transactional() == other.transactional()
				&& java.util.Objects.equals(this.lockTimeout, other.lockTimeout)
				&& java.util.Objects.equals(this.statementTimeout, other.statementTimeout);
	}

	void fileDigest(long digest) {
		this.fileDigest = digest;
	}

	void timeouts(java.time.Duration lock, java.time.Duration statement) {
		this.lockTimeout = lock;
		this.statementTimeout = statement;
	}

	@Override
	public java.time.Duration lockTimeout() {
		return this.lockTimeout;
	}

	@Override
	public java.time.Duration statementTimeout() {
		return this.statementTimeout;
	}

	@Override
	public String kind() {
		return "sql";
	}

	@Override
	public Path path() {
		return this.path;
	}

	/**
	 * The upgrade statements, split with standard string rules on first use.
	 * @throws ScriptException naming the file, line and section when a string, identifier, comment
	 * or dollar-quoted body is not closed
	 */
	public List<String> upgradeStatements() {
		List<String> statements = this.upgradeStatements;
		if (statements == null) {
			Body b = body();
			statements = List.copyOf(SqlScriptParser.split(origin(), "upgrade", b.upgradeSql(), b.upgradeLine()));
			this.upgradeStatements = statements;
		}
		return statements;
	}

	/** The downgrade statements (split on first use, as {@link #upgradeStatements()}); empty without a downgrade section. */
	public List<String> downgradeStatements() {
		List<String> statements = this.downgradeStatements;
		if (statements == null) {
			Body b = body();
			statements = (b.downgradeSql() != null)
					? List.copyOf(SqlScriptParser.split(origin(), "downgrade", b.downgradeSql(), b.downgradeLine()))
					: List.of();
			this.downgradeStatements = statements;
		}
		return statements;
	}

	/**
	 * A statement of the upgrade section with its line in the file.
	 * @param sql the statement, trimmed, leading comments included (where {@code -- migrate:allow} lines are)
	 * @param line the line of its first character that is not in a comment
	 */
	public record Statement(String sql, int line) {
	}

	/**
	 * The upgrade statements with their lines, split as the dialect reads strings
	 * ({@code backslashEscapes}: MySQL), for {@code migrate lint}.
	 */
	public List<Statement> upgradeStatementsWithLines(boolean backslashEscapes) {
		List<Integer> offsets = new java.util.ArrayList<>();
		List<String> statements;
		try {
			statements = SqlStatementSplitter.split(upgradeSql(), backslashEscapes, upgradeLine(), offsets);
		}
		catch (IllegalArgumentException ex) {
			throw new ScriptException(origin(), "Bad revision file " + origin() + ": " + ex.getMessage() + " in the upgrade section");
		}
		List<Statement> located = new java.util.ArrayList<>();
		for (int k = 0; k < statements.size(); k++) {
			String sql = statements.get(k);
			int code = offsets.get(k) + codeStart(sql);
			located.add(new Statement(sql, upgradeLine() + SqlStatementSplitter.lineOf(upgradeSql(), code)));
		}
		return located;
	}

	/** The offset of the first character of {@code sql} that is neither space nor in a leading comment. */
	private static int codeStart(String sql) {
		int i = 0;
		int n = sql.length();
		while (i < n) {
			if (Character.isWhitespace(sql.charAt(i))) {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (sql.startsWith("/*", i)) {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? n : end + 2;
			}
			else {
				break;
			}
		}
		return Math.min(i, n);
	}

	/** Splits both sections, so a malformed file fails before a run changes anything. */
	@Override
	public void validate() {
		upgradeStatements();
		downgradeStatements();
	}

	/** Whether the file has a {@code -- migrate:downgrade} section. */
	public boolean hasDowngrade() {
		return downgradeSql() != null;
	}

	@Override
	public void upgrade(Operations op) {
		run(op, upgradeSql(), upgradeStatements());
	}

	@Override
	public void downgrade(Operations op) {
		String downgradeSql = downgradeSql();
		if (downgradeSql != null) {
			run(op, downgradeSql, downgradeStatements());
		}
	}

	private static void run(Operations op, String sql, List<String> statements) {
		List<String> toRun = statements;
		if (op.context().dialect().backslashEscapes()) {
			// backslashes are escapes in every string literal there: split accordingly
			toRun = SqlStatementSplitter.split(sql, true);
		}
		for (String statement : toRun) {
			op.execute(statement);
		}
	}

}
