package dev.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An immutable run of {@link Token}s with the matching helpers the lint rules use. */
public final class Tokens {

	private final List<Token> tokens;

	public Tokens(List<Token> tokens) {
		this.tokens = List.copyOf(tokens);
	}

	public static Tokens of(String sql) {
		return new Tokens(SqlTokenizer.tokenize(sql));
	}

	public int size() {
		return this.tokens.size();
	}

	public boolean isEmpty() {
		return this.tokens.isEmpty();
	}

	public Token get(int index) {
		return this.tokens.get(index);
	}

	/** Whether the tokens from {@code index} are these words (case-insensitive); {@code (} and {@code ,} match symbols. */
	public boolean matchesAt(int index, String... words) {
		if (index < 0 || index + words.length > this.tokens.size()) {
			return false;
		}
		for (int k = 0; k < words.length; k++) {
			Token t = this.tokens.get(index + k);
			String w = words[k];
			boolean ok = Character.isLetter(w.charAt(0)) ? t.is(w) : t.isSymbol(w);
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	public boolean startsWith(String... words) {
		return matchesAt(0, words);
	}

	/** The first index where these words follow each other outside parentheses, or -1. */
	public int find(String... words) {
		return find(0, words);
	}

	/** As {@link #find(String...)} from {@code from}. */
	public int find(int from, String... words) {
		int depth = 0;
		for (int i = 0; i < this.tokens.size(); i++) {
			Token t = this.tokens.get(i);
			if (i >= from && depth == 0 && matchesAt(i, words)) {
				return i;
			}
			if (t.isSymbol("(")) {
				depth++;
			}
			else if (t.isSymbol(")")) {
				depth--;
			}
		}
		return -1;
	}

	/** Whether these words follow each other anywhere, inside parentheses too. */
	public boolean has(String... words) {
		for (int i = 0; i < this.tokens.size(); i++) {
			if (matchesAt(i, words)) {
				return true;
			}
		}
		return false;
	}

	/** Whether any token is the word {@code word}, outside parentheses. */
	public boolean hasTopLevel(String word) {
		return find(word) >= 0;
	}

	public Tokens sub(int from, int to) {
		return new Tokens(this.tokens.subList(Math.max(0, from), Math.min(to, this.tokens.size())));
	}

	public Tokens from(int from) {
		return sub(from, this.tokens.size());
	}

	/** Splits at the symbol {@code separator} outside parentheses ({@code ALTER TABLE} actions, column lists). */
	public List<Tokens> split(String separator) {
		List<Tokens> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < this.tokens.size(); i++) {
			Token t = this.tokens.get(i);
			if (t.isSymbol("(")) {
				depth++;
			}
			else if (t.isSymbol(")")) {
				depth--;
			}
			else if (depth == 0 && t.isSymbol(separator)) {
				parts.add(sub(start, i));
				start = i + 1;
			}
		}
		if (start < this.tokens.size()) {
			parts.add(sub(start, this.tokens.size()));
		}
		return parts;
	}

	/** The index just after the parenthesised group opening at {@code open}. */
	public int closing(int open) {
		int depth = 0;
		for (int i = open; i < this.tokens.size(); i++) {
			Token t = this.tokens.get(i);
			if (t.isSymbol("(")) {
				depth++;
			}
			else if (t.isSymbol(")")) {
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
		}
		return this.tokens.size();
	}

	/**
	 * The (possibly schema-qualified) name starting at {@code index}: its last part as the database
	 * folds it, or null when there is no name there.
	 */
	public String nameAt(int index) {
		int end = nameEnd(index);
		return (end < 0) ? null : this.tokens.get(end - 1).name();
	}

	/** The index after the qualified name at {@code index}, or -1. */
	public int nameEnd(int index) {
		if (index >= this.tokens.size() || !this.tokens.get(index).isName()) {
			return -1;
		}
		int i = index + 1;
		while (i + 1 < this.tokens.size() && this.tokens.get(i).isSymbol(".") && this.tokens.get(i + 1).isName()) {
			i += 2;
		}
		return i;
	}

	/** Index of the first word that is not one of {@code skip} from {@code index} ({@code IF NOT EXISTS}, {@code ONLY}). */
	public int skip(int index, String... skip) {
		int i = index;
		boolean moved = true;
		while (moved && i < this.tokens.size()) {
			moved = false;
			for (String s : skip) {
				if (this.tokens.get(i).is(s)) {
					i++;
					moved = true;
					break;
				}
			}
		}
		return i;
	}

	/** The tokens joined by single spaces, words upper-cased (for type comparisons). */
	public String normalized() {
		StringBuilder b = new StringBuilder();
		for (Token t : this.tokens) {
			if (b.length() > 0 && !t.isSymbol("(") && !t.isSymbol(")") && !t.isSymbol(",")
					&& !(b.charAt(b.length() - 1) == '(')) {
				b.append(' ');
			}
			b.append((t.kind() == Token.Kind.WORD) ? t.text().toUpperCase(Locale.ROOT) : t.text());
		}
		return b.toString();
	}

	public List<Token> list() {
		return this.tokens;
	}

	@Override
	public String toString() {
		return normalized();
	}

}
