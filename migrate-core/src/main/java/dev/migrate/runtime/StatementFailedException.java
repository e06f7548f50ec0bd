package dev.migrate.runtime;

import java.sql.SQLException;

import dev.migrate.MigrateException;

/** One SQL statement of a revision failed; carries the statement. */
public class StatementFailedException extends MigrateException {

	private final String statement;

	public StatementFailedException(String statement, SQLException cause) {
		super(oneLine(cause.getMessage()) + "; statement: " + abbreviate(statement), cause);
		this.statement = statement;
	}

	/** The statement that failed. */
	public String statement() {
		return this.statement;
	}

	/** Collapses whitespace so a message stays on one line. */
	public static String oneLine(String text) {
		return (text == null) ? "" : text.replaceAll("\\s+", " ").strip();
	}

	/** One line, at most 500 characters. */
	public static String abbreviate(String statement) {
		String s = oneLine(statement);
		return (s.length() > 500) ? s.substring(0, 497) + "..." : s;
	}

}
