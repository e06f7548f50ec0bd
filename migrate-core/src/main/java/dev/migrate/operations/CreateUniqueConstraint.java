package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.UniqueConstraint;

/** {@code op.create_unique_constraint}. */
public record CreateUniqueConstraint(String schema, String table, UniqueConstraint constraint)
		implements MigrateOperation {

	public CreateUniqueConstraint {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(constraint, "constraint");
	}

	public CreateUniqueConstraint(String table, UniqueConstraint constraint) {
		this(null, table, constraint);
	}

	@Override
	public MigrateOperation reverse() {
		return new DropConstraint(this.schema, this.table, CreateForeignKey.requireName(this.constraint.name()),
				ConstraintType.UNIQUE, this.constraint);
	}

}
