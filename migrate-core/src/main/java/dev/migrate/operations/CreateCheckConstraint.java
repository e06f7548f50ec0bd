package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.CheckConstraint;

/** {@code op.create_check_constraint}; the condition is SQL written by the revision's author. */
public record CreateCheckConstraint(String schema, String table, CheckConstraint constraint)
		implements MigrateOperation {

	public CreateCheckConstraint {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(constraint, "constraint");
	}

	public CreateCheckConstraint(String table, CheckConstraint constraint) {
		this(null, table, constraint);
	}

	@Override
	public MigrateOperation reverse() {
		return new DropConstraint(this.schema, this.table, CreateForeignKey.requireName(this.constraint.name()),
				ConstraintType.CHECK, this.constraint);
	}

}
