package dev.migrate.autogenerate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.migrate.schema.ColumnType;

/**
 * Whether a model's server default and the database's reflected default are the same SQL
 * expression once each is normalised: PostgreSQL casts ({@code 'active'::character varying})
 * dropped, redundant parentheses removed, case folded outside string literals,
 * {@code now()}/{@code CURRENT_TIMESTAMP}/{@code current_timestamp()}/{@code LOCALTIMESTAMP}
 * treated as one, quoted and bare numbers compared by value, and boolean spellings unified.
 */
final class DefaultComparison {

	private static final Pattern CAST = Pattern
		.compile("::\\s*(\"[^\"]+\"|[a-z_][a-z0-9_ ]*?)(\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?(\\[\\])?(?=$|[^a-z0-9_ (]|\\s*[)|,])");

	private static final Pattern NOW = Pattern
		.compile("\\b(now\\(\\)|current_timestamp(\\(\\d*\\))?|localtimestamp(\\(\\d*\\))?|transaction_timestamp\\(\\))");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private DefaultComparison() {
	}

	static boolean equivalent(String model, String database, ColumnType type) {
		if (java.util.Objects.equals(model, database)) {
			return true;
		}
		String m = normalize(model, type);
		String d = normalize(database, type);
		if (m == null || d == null) {
			return m == null && d == null;
		}
		if (m.equals(d)) {
			return true;
		}
		// an ENUM column's labels are matched ignoring case (MySQL, MariaDB) and it keeps the label's case
		if (type != null && type.kind() == ColumnType.Kind.ENUM && d.startsWith("'") && m.equalsIgnoreCase(d)) {
			return true;
		}
		BigDecimal mn = number(m);
		BigDecimal dn = number(d);
		return mn != null && dn != null && mn.compareTo(dn) == 0;
	}

	static String normalize(String expression, ColumnType type) {
		if (expression == null) {
			return null;
		}
		String s = expression.trim();
		if (s.isEmpty() || s.equalsIgnoreCase("null")) {
			return null;
		}
		String previous;
		do {
			previous = s;
			s = stripParentheses(s);
			s = outsideLiterals(s);
		}
		while (!s.equals(previous));
		if (s.equalsIgnoreCase("null")) {
			return null;
		}
		if (type != null && type.kind() == ColumnType.Kind.BOOLEAN) {
			switch (s) {
				case "true", "'t'", "'true'", "1", "'1'", "b'1'", "'y'" -> s = "true";
				case "false", "'f'", "'false'", "0", "'0'", "b'0'", "'n'" -> s = "false";
				default -> {
				}
			}
		}
		if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'") && number(s.substring(1, s.length() - 1)) != null) {
			s = s.substring(1, s.length() - 1);
		}
		return s;
	}

	/** Lower-cases, drops casts and spells the current-time functions one way, outside string literals. */
	private static String outsideLiterals(String s) {
		StringBuilder out = new StringBuilder();
		StringBuilder code = new StringBuilder();
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '\'') {
				out.append(normalizeCode(code.toString()));
				code.setLength(0);
				int end = i + 1;
				while (end < s.length()) {
					if (s.charAt(end) == '\'') {
						if (end + 1 < s.length() && s.charAt(end + 1) == '\'') {
							end += 2;
							continue;
						}
						break;
					}
					end++;
				}
				out.append(s, i, Math.min(end + 1, s.length()));
				i = end + 1;
			}
			else {
				code.append(c);
				i++;
			}
		}
		out.append(normalizeCode(code.toString()));
		return out.toString().trim();
	}

	private static String normalizeCode(String code) {
		String c = WHITESPACE.matcher(code.toLowerCase(Locale.ROOT)).replaceAll(" ");
		c = CAST.matcher(c).replaceAll("");
		c = NOW.matcher(c).replaceAll("current_timestamp");
		c = c.replace("curdate()", "current_date");
		return c;
	}

	private static String stripParentheses(String s) {
		String t = s.trim();
		while (t.length() >= 2 && t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
			t = t.substring(1, t.length() - 1).trim();
		}
		return t;
	}

	private static boolean balanced(String s) {
		int depth = 0;
		boolean literal = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\'') {
				literal = !literal;
			}
			else if (!literal && c == '(') {
				depth++;
			}
			else if (!literal && c == ')') {
				if (--depth < 0) {
					return false;
				}
			}
		}
		return depth == 0;
	}

	private static BigDecimal number(String s) {
		try {
			return new BigDecimal(s.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
