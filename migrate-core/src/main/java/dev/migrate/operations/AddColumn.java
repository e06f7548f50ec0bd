package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Column;

/** {@code op.add_column}. */
public record AddColumn(String schema, String table, Column column) implements MigrateOperation {

	public AddColumn {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(column, "column");
	}

	public AddColumn(String table, Column column) {
		this(null, table, column);
	}

	@Override
	public MigrateOperation reverse() {
		return new DropColumn(this.schema, this.table, this.column.name(), this.column);
	}

}
