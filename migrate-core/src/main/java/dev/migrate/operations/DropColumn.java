package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Column;

/**
 * {@code op.drop_column}.
 *
 * @param schema schema, or null
 * @param table the table
 * @param column the column to drop
 * @param existing the dropped column's definition when known (makes the drop reversible), or null
 */
public record DropColumn(String schema, String table, String column, Column existing) implements MigrateOperation {

	public DropColumn {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(column, "column name");
	}

	public DropColumn(String table, String column) {
		this(null, table, column, null);
	}

	@Override
	public MigrateOperation reverse() {
		if (this.existing == null) {
			return MigrateOperation.super.reverse();
		}
		return new AddColumn(this.schema, this.table, this.existing);
	}

}
