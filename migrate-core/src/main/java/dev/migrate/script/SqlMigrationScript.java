package dev.migrate.script;

import java.nio.file.Path;
import java.util.List;

import dev.migrate.graph.RevisionNode;
import dev.migrate.operations.Operations;

/** A revision written as an SQL file with {@code -- migrate:upgrade} and {@code -- migrate:downgrade} sections. */
public final class SqlMigrationScript extends MigrationScript {

	private final String fileName;

	private final Path path;

	private final String upgradeSql;

	private final String downgradeSql;

	private final int upgradeLine;

	private final int downgradeLine;

	/** The upgrade section as written in the file (before placeholders are replaced): what the checksum covers. */
	private final String writtenUpgradeSql;

	/** {@code -- migrate:lock-timeout:} and {@code -- migrate:statement-timeout:} of the header, or null. */
	private java.time.Duration lockTimeout;

	private java.time.Duration statementTimeout;

	/** Split on first use: loading a directory reads only headers and section markers. */
	private volatile List<String> upgradeStatements;

	private volatile List<String> downgradeStatements;

	SqlMigrationScript(RevisionNode node, String message, String createDate, String fileName, String origin,
			Path path, boolean transactional, String upgradeSql, String downgradeSql, int upgradeLine,
			int downgradeLine) {
		this(node, message, createDate, fileName, origin, path, transactional, upgradeSql, downgradeSql, upgradeLine,
				downgradeLine, upgradeSql);
	}

	private SqlMigrationScript(RevisionNode node, String message, String createDate, String fileName, String origin,
			Path path, boolean transactional, String upgradeSql, String downgradeSql, int upgradeLine,
			int downgradeLine, String writtenUpgradeSql) {
		super(node, message, createDate, fileName, origin, transactional);
		this.writtenUpgradeSql = writtenUpgradeSql;
		this.fileName = fileName;
		this.path = path;
		this.upgradeSql = upgradeSql;
		this.downgradeSql = downgradeSql;
		this.upgradeLine = upgradeLine;
		this.downgradeLine = downgradeLine;
	}

	/** This revision with other upgrade and downgrade text (placeholders replaced), lines unchanged. */
	SqlMigrationScript withSections(String upgrade, String downgrade) {
		SqlMigrationScript copy = new SqlMigrationScript(node(), message(), createDate(), this.fileName, origin(), this.path,
				transactional(), upgrade, downgrade, this.upgradeLine, this.downgradeLine, this.writtenUpgradeSql);
		// the header's lock-timeout and statement-timeout belong to the revision, placeholders or not
		copy.lockTimeout = this.lockTimeout;
		copy.statementTimeout = this.statementTimeout;
		return copy;
	}

	/**
	 * The upgrade section as the file has it, before {@code ${key}} placeholders are replaced: what
	 * the checksum of an applied revision covers (see {@code dev.migrate.runtime.RevisionChecksums}).
	 */
	public String writtenUpgradeSql() {
		return this.writtenUpgradeSql;
	}

	String upgradeSql() {
		return this.upgradeSql;
	}

	String downgradeSql() {
		return this.downgradeSql;
	}

	int upgradeLine() {
		return this.upgradeLine;
	}

	int downgradeLine() {
		return this.downgradeLine;
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
		return this.fileName.equals(other.fileName) && this.upgradeSql.equals(other.upgradeSql)
				&& java.util.Objects.equals(this.downgradeSql, other.downgradeSql)
				&& transactional() == other.transactional() && sameHeader(other);
	}

	private boolean sameHeader(MigrationScript other) {
		RevisionNode a = node();
		RevisionNode b = other.node();
		return a.downRevisions().equals(b.downRevisions()) && a.branchLabels().equals(b.branchLabels())
				&& a.dependsOn().equals(b.dependsOn()) && java.util.Objects.equals(message(), other.message())
				&& java.util.Objects.equals(createDate(), other.createDate());
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
			statements = List.copyOf(SqlScriptParser.split(origin(), "upgrade", this.upgradeSql, this.upgradeLine));
			this.upgradeStatements = statements;
		}
		return statements;
	}

	/** The downgrade statements (split on first use, as {@link #upgradeStatements()}); empty without a downgrade section. */
	public List<String> downgradeStatements() {
		List<String> statements = this.downgradeStatements;
		if (statements == null) {
			statements = (this.downgradeSql != null)
					? List.copyOf(SqlScriptParser.split(origin(), "downgrade", this.downgradeSql, this.downgradeLine))
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
			statements = SqlStatementSplitter.split(this.upgradeSql, backslashEscapes, this.upgradeLine, offsets);
		}
		catch (IllegalArgumentException ex) {
			throw new ScriptException(origin(), "Bad revision file " + origin() + ": " + ex.getMessage() + " in the upgrade section");
		}
		List<Statement> located = new java.util.ArrayList<>();
		for (int k = 0; k < statements.size(); k++) {
			String sql = statements.get(k);
			int code = offsets.get(k) + codeStart(sql);
			located.add(new Statement(sql, this.upgradeLine + SqlStatementSplitter.lineOf(this.upgradeSql, code)));
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
		return this.downgradeSql != null;
	}

	@Override
	public void upgrade(Operations op) {
		run(op, this.upgradeSql, upgradeStatements());
	}

	@Override
	public void downgrade(Operations op) {
		if (this.downgradeSql != null) {
			run(op, this.downgradeSql, downgradeStatements());
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
