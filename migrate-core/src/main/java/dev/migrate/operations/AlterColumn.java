package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.ColumnType;

/**
 * {@code op.alter_column}: every field but {@code schema}, {@code table} and {@code column} is
 * optional (null means "no change" / "not known"). Build one with {@link #builder}.
 *
 * @param schema schema, or null
 * @param table the table
 * @param column the column's current name
 * @param newName new name, or null
 * @param type new type, or null
 * @param using PostgreSQL {@code USING} expression for a type change, or null
 * @param nullable new nullability, or null
 * @param serverDefault new server default as SQL, or null
 * @param dropDefault whether the server default is removed
 * @param comment new comment, or null ({@code ""} removes the comment)
 * @param existingType the current type (required by MySQL for most changes, and to reverse a type change)
 * @param existingNullable the current nullability, or null
 * @param existingServerDefault the current server default, or null
 * @param existingComment the current comment, or null
 */
public record AlterColumn(String schema, String table, String column, String newName, ColumnType type, String using,
		Boolean nullable, String serverDefault, boolean dropDefault, String comment, ColumnType existingType,
		Boolean existingNullable, String existingServerDefault, String existingComment) implements MigrateOperation {

	public AlterColumn {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(column, "column name");
		if (dropDefault && serverDefault != null) {
			throw new IllegalArgumentException("alter column " + table + "." + column
					+ ": give either a new server default or dropDefault(), not both");
		}
	}

	/** A builder for an alteration of {@code table.column}. */
	public static Builder builder(String schema, String table, String column) {
		return new Builder(schema, table, column);
	}

	/** The column's name after the change. */
	public String finalName() {
		return (this.newName != null) ? this.newName : this.column;
	}

	/** Whether anything besides the name changes. */
	public boolean changesMoreThanName() {
		return this.type != null || this.nullable != null || this.serverDefault != null || this.dropDefault
				|| this.comment != null;
	}

	/** The type after the change, when known. */
	public ColumnType finalType() {
		return (this.type != null) ? this.type : this.existingType;
	}

	/**
	 * The reverse alteration: rename back, and restore type, nullability, default and comment from the
	 * {@code existing…} values; throws {@link IrreversibleOperationException} when a changed property's
	 * old value is not known.
	 */
	@Override
	public MigrateOperation reverse() {
		Builder b = new Builder(this.schema, this.table, finalName());
		if (this.newName != null) {
			b.newName(this.column);
		}
		if (this.type != null) {
			if (this.existingType == null) {
				throw new IrreversibleOperationException(this);
			}
			b.type(this.existingType);
		}
		if (this.nullable != null) {
			if (this.existingNullable == null) {
				throw new IrreversibleOperationException(this);
			}
			b.nullable(this.existingNullable);
		}
		if (this.serverDefault != null || this.dropDefault) {
			if (this.existingServerDefault != null) {
				b.serverDefault(this.existingServerDefault);
			}
			else if (this.serverDefault != null) {
				b.dropDefault();
			}
			else {
				throw new IrreversibleOperationException(this);
			}
		}
		if (this.comment != null) {
			b.comment((this.existingComment != null) ? this.existingComment : "");
		}
		b.existingType(finalType());
		b.existingNullable((this.nullable != null) ? this.nullable : this.existingNullable);
		b.existingServerDefault(this.dropDefault ? null
				: (this.serverDefault != null) ? this.serverDefault : this.existingServerDefault);
		b.existingComment((this.comment != null) ? this.comment : this.existingComment);
		return b.build();
	}

	/** Mutable builder behind {@link Operations#alterColumn}. */
	public static final class Builder implements AlterColumnSpec {

		private final String schema;

		private final String table;

		private final String column;

		private String newName;

		private ColumnType type;

		private String using;

		private Boolean nullable;

		private String serverDefault;

		private boolean dropDefault;

		private String comment;

		private ColumnType existingType;

		private Boolean existingNullable;

		private String existingServerDefault;

		private String existingComment;

		Builder(String schema, String table, String column) {
			this.schema = schema;
			this.table = table;
			this.column = column;
		}

		@Override
		public Builder newName(String newName) {
			this.newName = newName;
			return this;
		}

		@Override
		public Builder type(ColumnType type) {
			this.type = type;
			return this;
		}

		@Override
		public Builder using(String expression) {
			this.using = expression;
			return this;
		}

		@Override
		public Builder nullable(boolean nullable) {
			this.nullable = nullable;
			return this;
		}

		@Override
		public Builder serverDefault(String sqlExpression) {
			this.serverDefault = sqlExpression;
			this.dropDefault = false;
			return this;
		}

		@Override
		public Builder dropDefault() {
			this.dropDefault = true;
			this.serverDefault = null;
			return this;
		}

		@Override
		public Builder comment(String comment) {
			this.comment = comment;
			return this;
		}

		@Override
		public Builder existingType(ColumnType type) {
			this.existingType = type;
			return this;
		}

		@Override
		public Builder existingNullable(boolean nullable) {
			this.existingNullable = nullable;
			return this;
		}

		Builder existingNullable(Boolean nullable) {
			this.existingNullable = nullable;
			return this;
		}

		@Override
		public Builder existingServerDefault(String sqlExpression) {
			this.existingServerDefault = sqlExpression;
			return this;
		}

		@Override
		public Builder existingComment(String comment) {
			this.existingComment = comment;
			return this;
		}

		public AlterColumn build() {
			return new AlterColumn(this.schema, this.table, this.column, this.newName, this.type, this.using,
					this.nullable, this.serverDefault, this.dropDefault, this.comment, this.existingType,
					this.existingNullable, this.existingServerDefault, this.existingComment);
		}

	}

}
