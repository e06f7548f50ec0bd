package dev.migrate.lint;

import java.util.Map;

/**
 * One statement a revision's upgrade would run, as the rules see it.
 *
 * @param sql the statement as written (SQL revisions) or rendered by the dialect (Java revisions)
 * @param tokens its tokens, comments dropped
 * @param file the SQL file or the Java source file
 * @param line its line (first line that is not a comment; for Java, the operation call), 0 when unknown
 * @param inTransaction whether it runs inside the revision's transaction (false in no-transaction
 * revisions and in {@code autocommitBlock}s)
 * @param allowed rules suppressed for this statement, each with how ({@code -- migrate:allow} and its reason, or {@code op.allow})
 */
public record LintStatement(String sql, Tokens tokens, String file, int line, boolean inTransaction,
		Map<String, String> allowed) {

	public LintStatement {
		allowed = Map.copyOf(allowed);
	}

	/** Whether the statement starts with these words. */
	public boolean startsWith(String... words) {
		return this.tokens.startsWith(words);
	}

	/**
	 * The table of an {@code ALTER TABLE [IF EXISTS] [ONLY] name} statement, or null when it is not one.
	 */
	public String alteredTable() {
		if (!this.tokens.startsWith("ALTER", "TABLE")) {
			return null;
		}
		return this.tokens.nameAt(this.tokens.skip(2, "IF", "EXISTS", "ONLY"));
	}

	/** The comma-separated actions of an {@code ALTER TABLE} statement (empty when it is not one). */
	public java.util.List<Tokens> alterActions() {
		if (alteredTable() == null) {
			return java.util.List.of();
		}
		int end = this.tokens.nameEnd(this.tokens.skip(2, "IF", "EXISTS", "ONLY"));
		if (end < this.tokens.size() && this.tokens.get(end).isSymbol("*")) {
			end++;
		}
		return this.tokens.from(end).split(",");
	}

}
