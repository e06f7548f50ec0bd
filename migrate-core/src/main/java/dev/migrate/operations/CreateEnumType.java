package dev.migrate.operations;

import java.util.List;
import java.util.Objects;

/**
 * {@code op.createEnumType(name, values...)}: PostgreSQL's {@code CREATE TYPE name AS ENUM (...)},
 * which a {@link dev.migrate.schema.ColumnType#namedEnum(String, String...) namedEnum} column
 * needs before it is created; other dialects refuse it.
 */
public record CreateEnumType(String schema, String name, List<String> values) implements MigrateOperation {

	public CreateEnumType {
		Objects.requireNonNull(name, "enum type name");
		values = List.copyOf(values);
		if (values.isEmpty()) {
			throw new IllegalArgumentException("Enum type " + name + " needs at least one value");
		}
	}

	@Override
	public MigrateOperation reverse() {
		return new DropEnumType(this.schema, this.name, this.values);
	}

}
