package dev.migrate.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.MigrateException;
import dev.migrate.schema.CheckConstraint;

/**
 * Just enough SQL scanning to read the elements of SQLite's stored {@code CREATE TABLE} and
 * {@code CREATE INDEX} text: used by both batch mode's {@link SqliteTableReader} and the
 * autogenerate {@link SqliteReflector}.
 */
final class SqlParsing {

	private SqlParsing() {
	}

	/** The index of the parenthesis closing the one at {@code open}, skipping quoted text. */
	static int matchingParen(String sql, int open) {
		int depth = 0;
		for (int i = open; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\'' || c == '"' || c == '`' || c == '[') {
				i = skipQuoted(sql, i);
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		throw new MigrateException("Unbalanced parentheses in SQLite schema SQL: " + sql);
	}

	/** The index of the closing quote of the quoted text starting at {@code start}. */
	private static int skipQuoted(String sql, int start) {
		char open = sql.charAt(start);
		char close = (open == '[') ? ']' : open;
		int i = start + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == close) {
				if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
					i += 2;
					continue;
				}
				return i;
			}
			i++;
		}
		return sql.length() - 1;
	}

	/** Splits on commas outside parentheses and quotes. */
	static List<String> splitTopLevel(String body) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '\'' || c == '"' || c == '`' || c == '[') {
				i = skipQuoted(body, i);
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(body.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(body.substring(start));
		return parts;
	}

	/** The column and constraint elements of a {@code CREATE TABLE} statement. */
	static List<Element> tableElements(String createSql) {
		int open = createSql.indexOf('(');
		int close = matchingParen(createSql, open);
		List<Element> elements = new ArrayList<>();
		for (String part : splitTopLevel(createSql.substring(open + 1, close))) {
			elements.add(element(part.trim()));
		}
		return elements;
	}

	private static Element element(String text) {
		Element e = new Element();
		Scanner s = new Scanner(text);
		String first = s.peekWord();
		if (first.equals("CONSTRAINT")) {
			s.word();
			e.name = s.identifier();
			first = s.peekWord();
		}
		switch (first) {
			case "PRIMARY" -> {
				s.word();
				s.word();
				e.kind = Kind.PRIMARY_KEY;
				e.columns = s.identifierList();
			}
			case "UNIQUE" -> {
				s.word();
				e.kind = Kind.UNIQUE;
				e.columns = s.identifierList();
			}
			case "FOREIGN" -> {
				s.word();
				s.word();
				e.kind = Kind.FOREIGN_KEY;
				e.columns = s.identifierList();
			}
			case "CHECK" -> {
				s.word();
				e.kind = Kind.CHECK;
				e.body = s.parenthesised();
			}
			default -> {
				e.kind = Kind.COLUMN;
				e.name = s.identifier();
				// column-level CHECK constraints become table-level ones (same meaning)
				String pendingName = null;
				while (!s.atEnd()) {
					String w = s.peekWord();
					if (w.equals("CONSTRAINT")) {
						s.word();
						pendingName = s.identifier();
					}
					else if (w.equals("CHECK")) {
						s.word();
						e.columnChecks.add(new CheckConstraint(pendingName, s.parenthesised()));
						pendingName = null;
					}
					else {
						s.skipToken();
					}
				}
			}
		}
		return e;
	}

	/** The name of the first {@code kind} element on exactly {@code columns} (case-insensitive), or null. */
	static String constraintName(List<Element> elements, Kind kind, List<String> columns) {
		for (Element e : elements) {
			if (e.kind == kind && sameColumns(e.columns, columns)) {
				return e.name;
			}
		}
		return null;
	}

	/** The condition of a partial index's stored {@code CREATE INDEX ... WHERE} text, or null. */
	static String indexWhere(String createIndexSql) {
		int open = createIndexSql.indexOf('(');
		if (open < 0) {
			return null;
		}
		String rest = createIndexSql.substring(matchingParen(createIndexSql, open) + 1).trim();
		return rest.regionMatches(true, 0, "WHERE", 0, 5) ? rest.substring(5).trim() : null;
	}

	private static boolean sameColumns(List<String> a, List<String> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (a.get(i) == null || !a.get(i).equalsIgnoreCase(b.get(i))) {
				return false;
			}
		}
		return true;
	}

	/** A tiny tokenizer over one element. */
	private static final class Scanner {

		private final String text;

		private int pos;

		Scanner(String text) {
			this.text = text;
		}

		boolean atEnd() {
			skipSpace();
			return this.pos >= this.text.length();
		}

		private void skipSpace() {
			while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}

		/** The next bare word upper-cased, or "" when the next token is not a bare word. */
		String peekWord() {
			skipSpace();
			int i = this.pos;
			while (i < this.text.length() && (Character.isLetterOrDigit(this.text.charAt(i)) || this.text.charAt(i) == '_')) {
				i++;
			}
			return this.text.substring(this.pos, i).toUpperCase(Locale.ROOT);
		}

		String word() {
			String w = peekWord();
			this.pos += w.length();
			return w;
		}

		String identifier() {
			skipSpace();
			if (this.pos >= this.text.length()) {
				return "";
			}
			char c = this.text.charAt(this.pos);
			if (c == '"' || c == '`' || c == '[' || c == '\'') {
				int end = skipQuoted(this.text, this.pos);
				String inner = this.text.substring(this.pos + 1, end);
				this.pos = end + 1;
				if (c == '[') {
					return inner;
				}
				String q = String.valueOf(c);
				return inner.replace(q + q, q);
			}
			int start = this.pos;
			while (this.pos < this.text.length() && !Character.isWhitespace(this.text.charAt(this.pos))
					&& this.text.charAt(this.pos) != '(' && this.text.charAt(this.pos) != ')'
					&& this.text.charAt(this.pos) != ',') {
				this.pos++;
			}
			return this.text.substring(start, this.pos);
		}

		List<String> identifierList() {
			String inner = parenthesised();
			List<String> names = new ArrayList<>();
			for (String part : splitTopLevel(inner)) {
				Scanner s = new Scanner(part.trim());
				names.add(s.identifier());
			}
			return names;
		}

		String parenthesised() {
			skipSpace();
			if (this.pos >= this.text.length() || this.text.charAt(this.pos) != '(') {
				throw new MigrateException("Expected '(' in SQLite schema SQL: " + this.text);
			}
			int close = matchingParen(this.text, this.pos);
			String inner = this.text.substring(this.pos + 1, close).trim();
			this.pos = close + 1;
			return inner;
		}

		void skipToken() {
			skipSpace();
			char c = this.text.charAt(this.pos);
			if (c == '(') {
				this.pos = matchingParen(this.text, this.pos) + 1;
			}
			else if (c == '"' || c == '`' || c == '[' || c == '\'') {
				this.pos = skipQuoted(this.text, this.pos) + 1;
			}
			else if (Character.isLetterOrDigit(c) || c == '_') {
				word();
			}
			else {
				this.pos++;
			}
		}

	}

	enum Kind {

		COLUMN, PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY

	}

	/** One element of a CREATE TABLE body. */
	static final class Element {

		Kind kind;

		String name;

		List<String> columns = List.of();

		String body;

		List<CheckConstraint> columnChecks = new ArrayList<>();

	}

}
