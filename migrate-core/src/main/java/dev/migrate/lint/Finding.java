package dev.migrate.lint;

/**
 * One lint finding: which rule fired where, why that is dangerous and how to write it safely.
 *
 * @param rule the rule id ({@code pg-index-not-concurrent}); {@code -- migrate:allow <rule>} suppresses it
 * @param severity error or warning
 * @param revision the revision id
 * @param file the SQL file, or the Java source file name of the revision class
 * @param line the line of the statement (SQL) or of the operation call (Java), 0 when unknown
 * @param statement the SQL statement the upgrade would run
 * @param problem what the rule found, naming the table or column
 * @param why why it is dangerous on a busy database
 * @param fix the safe way to write it
 * @param suppressedBy null, or how it was suppressed ({@code -- migrate:allow ...} with its reason, {@code op.allow(...)})
 */
public record Finding(String rule, Severity severity, String revision, String file, int line, String statement,
		String problem, String why, String fix, String suppressedBy) {

	/** Whether a suppression comment or {@code op.allow} covers it. */
	public boolean suppressed() {
		return this.suppressedBy != null;
	}

	/** {@code file:line} (or the file alone when the line is unknown). */
	public String location() {
		return (this.line > 0) ? this.file + ":" + this.line : this.file;
	}

	/** One line: {@code error pg-index-not-concurrent a1b2c3 (file.sql:12): problem}. */
	public String summary() {
		return this.severity.label() + " " + this.rule + " " + this.revision + " (" + location() + "): " + this.problem;
	}

	/** The finding as a few lines of text: summary, statement, why, fix and how to suppress it. */
	public String describe() {
		return summary() + "\n    statement: " + abbreviate(this.statement) + "\n    why: " + this.why + "\n    instead: "
				+ this.fix + "\n    to allow it deliberately: '-- migrate:allow " + this.rule
				+ " <reason>' on the line before the SQL statement, or op.allow(\"" + this.rule + "\") before the Java operation";
	}

	static String abbreviate(String sql) {
		String one = sql.strip().replaceAll("\\s+", " ");
		return (one.length() > 200) ? one.substring(0, 197) + "..." : one;
	}

}
