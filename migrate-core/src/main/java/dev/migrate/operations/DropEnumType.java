package dev.migrate.operations;

import java.util.List;
import java.util.Objects;

/**
 * {@code op.dropEnumType(name, values...)}: PostgreSQL's {@code DROP TYPE name}; the values make it
 * reversible (without them the reverse is refused).
 */
public record DropEnumType(String schema, String name, List<String> values) implements MigrateOperation {

	public DropEnumType {
		Objects.requireNonNull(name, "enum type name");
		values = (values != null) ? List.copyOf(values) : List.of();
	}

	@Override
	public MigrateOperation reverse() {
		if (this.values.isEmpty()) {
			throw new IrreversibleOperationException(this);
		}
		return new CreateEnumType(this.schema, this.name, this.values);
	}

}
