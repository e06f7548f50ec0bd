package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Table;

/** {@code op.create_table}: the table with its columns, constraints, indexes and comment. */
public record CreateTable(Table table) implements MigrateOperation {

	public CreateTable {
		Objects.requireNonNull(table, "table");
	}

	/** {@code op.create_table(name, *elements)}: columns and constraints made with {@link Ddl}. */
	public static CreateTable of(String table, Object... elements) {
		return new CreateTable(Table.of(null, table, java.util.Arrays.asList(elements)));
	}

	@Override
	public MigrateOperation reverse() {
		return new DropTable(this.table.schema(), this.table.name(), this.table);
	}

}
