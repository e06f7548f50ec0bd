package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one SQL statement into {@link Token}s for the lint rules, dropping comments. It follows
 * the same string, identifier, comment and dollar-quote rules as the statement splitter, so a
 * keyword inside a string or a comment is never read as SQL.
 */
public final class SqlTokenizer {

	private SqlTokenizer() {
	}

	public static List<Token> tokenize(String sql) {
		List<Token> tokens = new ArrayList<>();
		int n = sql.length();
		int i = 0;
		while (i < n) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? n : end + 1;
			}
			else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
				int depth = 0;
				while (i < n) {
					if (sql.startsWith("/*", i)) {
						depth++;
						i += 2;
					}
					else if (sql.startsWith("*/", i)) {
						depth--;
						i += 2;
						if (depth == 0) {
							break;
						}
					}
					else {
						i++;
					}
				}
			}
			else if (c == '\'') {
				int end = skipQuoted(sql, i, '\'');
				tokens.add(new Token(Token.Kind.STRING, sql.substring(i, end)));
				i = end;
			}
			else if (c == '"' || c == '`') {
				int end = skipQuoted(sql, i, c);
				tokens.add(new Token(Token.Kind.QUOTED,
						sql.substring(i + 1, Math.max(i + 1, end - 1)).replace(String.valueOf(c) + c, String.valueOf(c))));
				i = end;
			}
			else if (c == '$' && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				int close = sql.indexOf(tag, i + tag.length());
				int end = (close < 0) ? n : close + tag.length();
				tokens.add(new Token(Token.Kind.STRING, sql.substring(i, end)));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i;
				while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
					end++;
				}
				if ((end - i == 1) && (c == 'E' || c == 'e') && end < n && sql.charAt(end) == '\'') {
					int close = skipEscaped(sql, end);
					tokens.add(new Token(Token.Kind.STRING, sql.substring(i, close)));
					i = close;
				}
				else {
					tokens.add(new Token(Token.Kind.WORD, sql.substring(i, end)));
					i = end;
				}
			}
			else if (Character.isDigit(c)) {
				int end = i;
				while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
					end++;
				}
				tokens.add(new Token(Token.Kind.NUMBER, sql.substring(i, end)));
				i = end;
			}
			else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
				tokens.add(new Token(Token.Kind.SYMBOL, "::"));
				i += 2;
			}
			else {
				tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c)));
				i++;
			}
		}
		return tokens;
	}

	private static int skipQuoted(String sql, int from, char quote) {
		int i = from + 1;
		int n = sql.length();
		while (i < n) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < n && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return n;
	}

	private static int skipEscaped(String sql, int quote) {
		int i = quote + 1;
		int n = sql.length();
		while (i < n) {
			char c = sql.charAt(i);
			if (c == '\\') {
				i += 2;
				continue;
			}
			if (c == '\'') {
				if (i + 1 < n && sql.charAt(i + 1) == '\'') {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return n;
	}

	private static String dollarTag(String sql, int i) {
		if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
			return null;
		}
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
		return (j < n && sql.charAt(j) == '$') ? sql.substring(i, j + 1) : null;
	}

}
