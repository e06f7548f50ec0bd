package dev.migrate.schema;

import java.util.Objects;

/**
 * A column: name, type, nullability, server default and comment.
 *
 * <p>Immutable; the {@code with…}/fluent methods return copies, so revisions can write
 * {@code column("sku", string(50)).notNull()}. A server default is SQL text
 * ({@code "now()"}, {@code "'active'"}, {@code "0"}) exactly as Alembic's
 * {@code server_default=sa.text(...)}; use {@link #defaultValue(String)} for a string literal that
 * the dialect quotes.
 *
 * @param name the column name
 * @param type the portable type
 * @param nullable whether NULL is allowed (default true, as in SQLAlchemy)
 * @param serverDefault SQL expression of the server default, or null
 * @param isPrimaryKey whether the column is (part of) the primary key (shortcut for a single-column key)
 * @param isAutoincrement whether the database generates values (identity/serial/auto_increment)
 * @param comment a column comment, or null
 */
public record Column(String name, ColumnType type, boolean nullable, String serverDefault, boolean isPrimaryKey,
		boolean isAutoincrement, String comment) {

	public Column {
		Objects.requireNonNull(name, "column name");
		Objects.requireNonNull(type, () -> "type of column " + name);
	}

	/** A nullable column with no default. */
	public static Column of(String name, ColumnType type) {
		return new Column(name, type, true, null, false, false, null);
	}

	public Column notNull() {
		return new Column(this.name, this.type, false, this.serverDefault, this.isPrimaryKey, this.isAutoincrement,
				this.comment);
	}

	public Column nullable(boolean nullable) {
		return new Column(this.name, this.type, nullable, this.serverDefault, this.isPrimaryKey, this.isAutoincrement,
				this.comment);
	}

	/** Marks the column as primary key; a primary key is NOT NULL. */
	public Column primaryKey() {
		return new Column(this.name, this.type, false, this.serverDefault, true, this.isAutoincrement, this.comment);
	}

	public Column autoincrement() {
		return new Column(this.name, this.type, this.nullable, this.serverDefault, this.isPrimaryKey, true,
				this.comment);
	}

	/** A server default given as SQL, e.g. {@code "now()"} or {@code "0"}. */
	public Column serverDefault(String sqlExpression) {
		return new Column(this.name, this.type, this.nullable, sqlExpression, this.isPrimaryKey, this.isAutoincrement,
				this.comment);
	}

	/** A server default that is the string literal {@code value}, quoted and escaped. */
	public Column defaultValue(String value) {
		return serverDefault("'" + value.replace("'", "''") + "'");
	}

	public Column comment(String comment) {
		return new Column(this.name, this.type, this.nullable, this.serverDefault, this.isPrimaryKey, this.isAutoincrement,
				comment);
	}

	public Column withName(String newName) {
		return new Column(newName, this.type, this.nullable, this.serverDefault, this.isPrimaryKey, this.isAutoincrement,
				this.comment);
	}

	public Column withType(ColumnType newType) {
		return new Column(this.name, newType, this.nullable, this.serverDefault, this.isPrimaryKey, this.isAutoincrement,
				this.comment);
	}

}
