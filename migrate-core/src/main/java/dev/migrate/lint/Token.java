package dev.migrate.lint;

import java.util.Locale;

/**
 * A token of an SQL statement as the lint rules see it: comments are gone, strings and quoted
 * identifiers are one token each.
 *
 * @param kind what it is
 * @param text the text: a word as written, a quoted identifier without its quotes, a string with
 * its quotes, a symbol
 */
public record Token(Kind kind, String text) {

	/** Token kinds. */
	public enum Kind {

		/** An unquoted word: keyword or identifier. */
		WORD,
		/** A {@code "quoted"} or {@code `backtick`} identifier. */
		QUOTED,
		/** A string literal ({@code '...'}, {@code E'...'}, {@code $$...$$}). */
		STRING,
		/** A number. */
		NUMBER,
		/** Punctuation or an operator, one or two characters. */
		SYMBOL

	}

	/** Whether this is the unquoted word {@code word} (case-insensitive). */
	public boolean is(String word) {
		return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
	}

	/** Whether this is the symbol {@code symbol}. */
	public boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	/** Whether this can be a name: a word or a quoted identifier. */
	public boolean isName() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
	}

	/** The name as the database folds it for comparison: unquoted words lower-cased, quoted as written. */
	public String name() {
		return (this.kind == Kind.WORD) ? this.text.toLowerCase(Locale.ROOT) : this.text;
	}

	/** Upper-cased word text (for keywords and type names). */
	public String upper() {
		return this.text.toUpperCase(Locale.ROOT);
	}

}
