package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Table;

/**
 * {@code op.drop_table}.
 *
 * @param schema schema, or null for the default schema
 * @param name the table
 * @param existing the dropped table's definition when known (makes the drop reversible), or null
 */
public record DropTable(String schema, String name, Table existing) implements MigrateOperation {

	public DropTable {
		Objects.requireNonNull(name, "table name");
	}

	public DropTable(String name) {
		this(null, name, null);
	}

	@Override
	public MigrateOperation reverse() {
		if (this.existing == null) {
			return MigrateOperation.super.reverse();
		}
		return new CreateTable(this.existing);
	}

}
