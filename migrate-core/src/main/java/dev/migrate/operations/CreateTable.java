package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Table;

/** {@code op.create_table}: the table with its columns, constraints, indexes and comment. */
public record CreateTable(Table table) implements MigrateOperation {

	public CreateTable {
		Objects.requireNonNull(table, "table");
	}

	@Override
	public MigrateOperation reverse() {
		return new DropTable(this.table.schema(), this.table.name(), this.table);
	}

}
