package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a block of SQL into statements at top-level semicolons.
 *
 * <p>Semicolons do not split inside single-quoted strings (with {@code ''} escapes, and backslash
 * escapes in PostgreSQL {@code E'...'} strings, or in every string when
 * {@code backslashEscapes} is on, as MySQL reads them), double-quoted and backtick identifiers,
 * {@code --} line comments, {@code /* *}{@code /} block comments (nested, as PostgreSQL allows),
 * PostgreSQL dollar-quoted bodies ({@code $$...$$}, {@code $tag$...$tag$}), and the
 * {@code BEGIN ... END} body of a {@code CREATE TRIGGER}, {@code FUNCTION} or {@code PROCEDURE}
 * (SQLite and MySQL triggers, PostgreSQL {@code BEGIN ATOMIC}). Chunks holding only
 * whitespace and comments are dropped; statements are returned trimmed, without the semicolon.
 */
public final class SqlStatementSplitter {

	/** Statements whose body may be a {@code BEGIN ... END} block with semicolons inside. */
	private static final Pattern BLOCK_BODY = Pattern
		.compile("CREATE (OR REPLACE )?((TEMP|TEMPORARY) )?(TRIGGER|FUNCTION|PROCEDURE) ");

	private SqlStatementSplitter() {
	}

	/** Splits with standard string rules (backslashes are plain characters except in {@code E'...'}). */
	public static List<String> split(String sql) {
		return split(sql, false);
	}

	/**
	 * Splits {@code sql} into statements.
	 * @param backslashEscapes whether a backslash escapes the next character in every string (MySQL)
	 * @throws IllegalArgumentException naming the line when a string, identifier, comment or
	 * dollar-quoted body is not closed
	 */
	public static List<String> split(String sql, boolean backslashEscapes) {
		return split(sql, backslashEscapes, 0);
	}

	/** As {@link #split(String, boolean)}; line numbers in errors are shifted by {@code lineOffset}. */
	static List<String> split(String sql, boolean backslashEscapes, int lineOffset) {
		return split(sql, backslashEscapes, lineOffset, null);
	}

	/**
	 * As {@link #split(String, boolean)}, also adding to {@code offsets} where each statement
	 * (trimmed, leading comments included) starts in {@code sql}: for the lint's line numbers.
	 */
	static List<String> split(String sql, boolean backslashEscapes, int lineOffset, List<Integer> offsets) {
		List<String> statements = new ArrayList<>();
		int n = sql.length();
		int start = 0;
		boolean meaningful = false;
		// trigger body tracking: words seen at the start of the current statement
		StringBuilder words = new StringBuilder();
		int wordCount = 0;
		boolean trigger = false;
		int blockDepth = 0;
		int i = 0;
		while (i < n) {
			char c = sql.charAt(i);
			if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
				continue;
			}
			if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
				i = skipBlockComment(sql, i, lineOffset);
				continue;
			}
			if (c == '\'') {
				boolean escapes = backslashEscapes || isEscapeStringPrefix(sql, i);
				i = skipQuoted(sql, i, '\'', escapes, "string literal", lineOffset);
				meaningful = true;
				continue;
			}
			if (c == '"' || c == '`') {
				i = skipQuoted(sql, i, c, false, "quoted identifier", lineOffset);
				meaningful = true;
				continue;
			}
			if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
				String tag = dollarTag(sql, i);
				if (tag != null) {
					int close = sql.indexOf(tag, i + tag.length());
					if (close < 0) {
						throw new IllegalArgumentException(
								"unterminated dollar-quoted string " + tag + " starting at line " + (lineOffset + lineOf(sql, i)));
					}
					i = close + tag.length();
					meaningful = true;
					continue;
				}
			}
			if (isIdentifierStart(c) && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
				int end = i;
				while (end < n && isIdentifierPart(sql.charAt(end))) {
					end++;
				}
				String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
				if (wordCount < 5) {
					words.append(word).append(' ');
					wordCount++;
					if (BLOCK_BODY.matcher(words).lookingAt()) {
						trigger = true;
					}
				}
				if (trigger) {
					if (word.equals("BEGIN") || word.equals("CASE")) {
						blockDepth++;
					}
					else if (word.equals("END") && blockDepth > 0) {
						blockDepth--;
					}
				}
				meaningful = true;
				i = end;
				continue;
			}
			if (c == ';' && blockDepth == 0) {
				if (meaningful) {
					statements.add(sql.substring(start, i).trim());
					addOffset(offsets, sql, start);
				}
				start = i + 1;
				meaningful = false;
				words.setLength(0);
				wordCount = 0;
				trigger = false;
				i++;
				continue;
			}
			if (!Character.isWhitespace(c)) {
				meaningful = true;
			}
			i++;
		}
		if (meaningful) {
			statements.add(sql.substring(start).trim());
			addOffset(offsets, sql, start);
		}
		return statements;
	}

	private static void addOffset(List<Integer> offsets, String sql, int start) {
		if (offsets != null) {
			int k = start;
			while (k < sql.length() && sql.charAt(k) <= ' ') {
				k++;
			}
			offsets.add(k);
		}
	}

	private static int skipBlockComment(String sql, int from, int lineOffset) {
		int depth = 0;
		int i = from;
		int n = sql.length();
		while (i < n) {
			if (sql.startsWith("/*", i)) {
				depth++;
				i += 2;
			}
			else if (sql.startsWith("*/", i)) {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		throw new IllegalArgumentException("unterminated /* comment starting at line " + (lineOffset + lineOf(sql, from)));
	}

	private static int skipQuoted(String sql, int from, char quote, boolean backslash, String what,
			int lineOffset) {
		int i = from + 1;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (backslash && c == '\\') {
				i += 2;
				continue;
			}
			if (c == quote) {
				if (i + 1 < n && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		throw new IllegalArgumentException("unterminated " + what + " starting at line " + (lineOffset + lineOf(sql, from)));
	}

	/** {@code E'...'} (PostgreSQL escape string): the quote follows a lone E. */
	private static boolean isEscapeStringPrefix(String sql, int quote) {
		if (quote == 0) {
			return false;
		}
		char p = sql.charAt(quote - 1);
		if (p != 'E' && p != 'e') {
			return false;
		}
		return quote < 2 || !isIdentifierPart(sql.charAt(quote - 2));
	}

	/** The opening {@code $tag$} at {@code i}, or null when this dollar sign does not open a dollar quote. */
	private static String dollarTag(String sql, int i) {
		int n = sql.length();
		int j = i + 1;
		if (j < n && sql.charAt(j) == '$') {
			return "$$";
		}
		if (j >= n || !(Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
			return null;
		}
		while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
			j++;
		}
		if (j < n && sql.charAt(j) == '$') {
			return sql.substring(i, j + 1);
		}
		return null;
	}

	private static boolean isIdentifierStart(char c) {
		return Character.isLetter(c) || c == '_';
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

	/** 1-based line number of a character offset. */
	static int lineOf(String text, int offset) {
		int line = 1;
		for (int k = 0; k < offset && k < text.length(); k++) {
			if (text.charAt(k) == '\n') {
				line++;
			}
		}
		return line;
	}

}
