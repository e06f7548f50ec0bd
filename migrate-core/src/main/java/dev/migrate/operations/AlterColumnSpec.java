package dev.migrate.operations;

import dev.migrate.schema.ColumnType;

/** What {@link Operations#alterColumn} changes. CONTRACT: method names fixed; implemented by the operations work. */
public interface AlterColumnSpec {

	AlterColumnSpec newName(String newName);

	AlterColumnSpec type(ColumnType type);

	/** PostgreSQL {@code USING} expression for a type change. */
	AlterColumnSpec using(String expression);

	AlterColumnSpec nullable(boolean nullable);

	/** New server default as SQL text. */
	AlterColumnSpec serverDefault(String sqlExpression);

	AlterColumnSpec dropDefault();

	AlterColumnSpec comment(String comment);

	AlterColumnSpec existingType(ColumnType type);

	AlterColumnSpec existingNullable(boolean nullable);

	AlterColumnSpec existingServerDefault(String sqlExpression);

	/** The current comment: MySQL keeps it through CHANGE/MODIFY COLUMN, and reversal restores it. */
	AlterColumnSpec existingComment(String comment);

}
