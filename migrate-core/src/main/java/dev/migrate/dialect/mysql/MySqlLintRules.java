package dev.migrate.dialect.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.dialect.CommonLintRules;
import dev.migrate.lint.LintRule;
import dev.migrate.lint.LintScope;
import dev.migrate.lint.LintStatement;
import dev.migrate.lint.Severity;
import dev.migrate.lint.Tokens;

/**
 * MySQL/MariaDB's {@code migrate lint} rules: ALTERs that InnoDB cannot do with
 * {@code ALGORITHM=INPLACE, LOCK=NONE} or {@code INSTANT}, where the statement (and the types the
 * earlier revisions declared) tell. A statement that says {@code ALGORITHM=INPLACE, LOCK=NONE} or
 * {@code ALGORITHM=INSTANT} itself is left alone: the server refuses it rather than locking.
 */
public final class MySqlLintRules {

	public static final LintRule ALTER_NOT_ONLINE = new LintRule("mysql-alter-not-online", Severity.ERROR,
			"this ALTER TABLE copies the table (ALGORITHM=COPY) or needs LOCK=SHARED/EXCLUSIVE: writes (or all queries) on the "
					+ "table wait until it is done, and replicas lag behind by as long",
			"say ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT) so that the server refuses instead of locking, and use an "
					+ "online form: a new column + backfill instead of a type change, foreign keys with foreign_key_checks=0, "
					+ "or an online schema change tool (gh-ost, pt-online-schema-change) for the rest",
			MySqlLintRules::alterNotOnline);

	private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)");

	private MySqlLintRules() {
	}

	/** All MySQL/MariaDB rules, the common ones included. */
	public static List<LintRule> rules() {
		List<LintRule> rules = new ArrayList<>(List.of(ALTER_NOT_ONLINE));
		rules.addAll(CommonLintRules.rules());
		return List.copyOf(rules);
	}

	private static String alterNotOnline(LintStatement s, LintScope scope) {
		Tokens t = s.tokens();
		if ((t.startsWith("CREATE", "FULLTEXT", "INDEX") || t.startsWith("CREATE", "SPATIAL", "INDEX"))) {
			int on = t.find("ON");
			String table = (on < 0) ? null : t.nameAt(on + 1);
			return (table == null || scope.isNewTable(table) || online(t)) ? null
					: t.get(1).upper() + " index on " + table + " (needs LOCK=SHARED)";
		}
		String table = s.alteredTable();
		if (table == null || scope.isNewTable(table)) {
			return null;
		}
		if (setting(t, "ALGORITHM", "COPY")) {
			return "ALTER TABLE " + table + " with ALGORITHM=COPY";
		}
		if (setting(t, "LOCK", "SHARED") || setting(t, "LOCK", "EXCLUSIVE")) {
			return "ALTER TABLE " + table + " with an explicit LOCK=SHARED/EXCLUSIVE";
		}
		if (online(t)) {
			return null;
		}
		for (Tokens a : s.alterActions()) {
			String problem = action(table, a, scope);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	/** Whether the statement demands an online algorithm itself. */
	private static boolean online(Tokens t) {
		return setting(t, "ALGORITHM", "INSTANT")
				|| (setting(t, "ALGORITHM", "INPLACE") && setting(t, "LOCK", "NONE"));
	}

	private static boolean setting(Tokens t, String name, String value) {
		return t.has(name, "=", value) || t.has(name, value);
	}

	private static String action(String table, Tokens a, LintScope scope) {
		if (a.startsWith("MODIFY") || a.startsWith("CHANGE")) {
			int at = a.skip(1, "COLUMN");
			String column = a.nameAt(at);
			int typeAt = a.startsWith("CHANGE") ? a.nameEnd(a.nameEnd(at)) : a.nameEnd(at);
			if (column == null || typeAt < 0) {
				return null;
			}
			String newType = canonical(typeOf(a, typeAt));
			String oldType = scope.columnType(table, column);
			if (oldType == null) {
				return "column " + table + "." + column + " redefined as " + newType
						+ "; its old type is unknown, so the change may copy the table";
			}
			if (!inPlace(canonical(oldType), newType)) {
				return "column " + table + "." + column + " changed from " + canonical(oldType) + " to " + newType
						+ " (copies the table)";
			}
			return null;
		}
		if (a.startsWith("DROP", "PRIMARY", "KEY")) {
			return "DROP PRIMARY KEY on " + table + " (copies the table)";
		}
		if (a.startsWith("CONVERT", "TO")) {
			return "CONVERT TO CHARACTER SET on " + table + " (copies the table)";
		}
		if (a.startsWith("ADD")) {
			int i = a.matchesAt(1, "CONSTRAINT") ? a.nameEnd(2) : 1;
			if (a.matchesAt(i, "FOREIGN", "KEY")) {
				return "foreign key added to " + table + " (copies the table unless foreign_key_checks=0)";
			}
			if (a.matchesAt(i, "FULLTEXT") || a.matchesAt(i, "SPATIAL")) {
				return a.get(i).upper() + " index added to " + table + " (needs LOCK=SHARED)";
			}
			if (a.has("AUTO_INCREMENT")) {
				return "AUTO_INCREMENT column added to " + table + " (copies the table)";
			}
			if (a.has("STORED")) {
				return "stored generated column added to " + table + " (copies the table)";
			}
		}
		return null;
	}

	private static String typeOf(Tokens a, int from) {
		int end = from;
		while (end < a.size() && !(a.get(end).kind() == dev.migrate.lint.Token.Kind.WORD && List.of("NOT", "NULL", "DEFAULT",
				"AUTO_INCREMENT", "COMMENT", "FIRST", "AFTER", "PRIMARY", "UNIQUE", "COLLATE", "CHARACTER", "CHARSET",
				"GENERATED", "AS", "REFERENCES", "CHECK").contains(a.get(end).upper()))) {
			end = a.get(end).isSymbol("(") ? a.closing(end) : end + 1;
		}
		return a.sub(from, end).normalized();
	}

	static String canonical(String type) {
		String t = type.toUpperCase(Locale.ROOT).replace(" (", "(").replace(", ", ",").strip();
		return switch (t) {
			case "INTEGER" -> "INT";
			case "BOOL", "BOOLEAN" -> "TINYINT(1)";
			default -> t.replace("CHARACTER VARYING", "VARCHAR").replace("DECIMAL", "NUMERIC");
		};
	}

	/**
	 * Whether InnoDB changes {@code from} to {@code to} in place: the same type, or a VARCHAR
	 * widened within the same length-byte size (up to 255 bytes, 63 characters in utf8mb4, or above).
	 */
	static boolean inPlace(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		Matcher f = VARCHAR.matcher(from);
		Matcher g = VARCHAR.matcher(to);
		if (f.matches() && g.matches()) {
			int n = Integer.parseInt(f.group(1));
			int m = Integer.parseInt(g.group(1));
			return m >= n && ((4 * m <= 255) || (4 * n > 255));
		}
		return false;
	}

}
