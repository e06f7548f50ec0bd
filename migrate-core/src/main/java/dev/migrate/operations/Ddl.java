package dev.migrate.operations;

import java.util.List;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.UniqueConstraint;

/**
 * Static factories for the elements of {@link Operations#createTable}, the Java counterpart of
 * {@code sa.Column}, {@code sa.PrimaryKeyConstraint}, {@code sa.ForeignKeyConstraint} and
 * {@code sa.UniqueConstraint}. Revisions {@code import static dev.migrate.operations.Ddl.*;} and
 * {@code import static dev.migrate.schema.ColumnType.*;}.
 */
public final class Ddl {

	private Ddl() {
	}

	/** A nullable column; chain {@code .notNull()}, {@code .primaryKey()}, {@code .serverDefault("now()")}. */
	public static Column column(String name, ColumnType type) {
		return Column.of(name, type);
	}

	/** {@code sa.PrimaryKeyConstraint(columns...)}. */
	public static PrimaryKey primaryKey(String... columns) {
		return new PrimaryKey(null, List.of(columns));
	}

	/** A named primary key. */
	public static PrimaryKey primaryKeyNamed(String name, String... columns) {
		return new PrimaryKey(name, List.of(columns));
	}

	/** {@code sa.ForeignKeyConstraint([columns], ['table.col'])} with one column each side. */
	public static ForeignKey foreignKey(String column, String referredTable, String referredColumn) {
		return new ForeignKey(null, List.of(column), null, referredTable, List.of(referredColumn), null, null);
	}

	/** A foreign key over several columns. */
	public static ForeignKey foreignKey(List<String> columns, String referredTable, List<String> referredColumns) {
		return new ForeignKey(null, columns, null, referredTable, referredColumns, null, null);
	}

	/** A foreign key with ON DELETE / ON UPDATE actions (null for none). */
	public static ForeignKey foreignKey(String name, List<String> columns, String referredTable,
			List<String> referredColumns, String onDelete, String onUpdate) {
		return new ForeignKey(name, columns, null, referredTable, referredColumns, onDelete, onUpdate);
	}

	/** {@code sa.UniqueConstraint(columns...)}. */
	public static UniqueConstraint unique(String... columns) {
		return new UniqueConstraint(null, List.of(columns));
	}

	/** A named unique constraint. */
	public static UniqueConstraint uniqueNamed(String name, String... columns) {
		return new UniqueConstraint(name, List.of(columns));
	}

	/** {@code sa.CheckConstraint(condition, name=...)}. */
	public static CheckConstraint check(String name, String condition) {
		return new CheckConstraint(name, condition);
	}

}
