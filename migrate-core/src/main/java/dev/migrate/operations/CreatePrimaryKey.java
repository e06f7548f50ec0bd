package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.PrimaryKey;

/** {@code op.create_primary_key}. */
public record CreatePrimaryKey(String schema, String table, PrimaryKey primaryKey) implements MigrateOperation {

	public CreatePrimaryKey {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(primaryKey, "primary key");
	}

	public CreatePrimaryKey(String table, PrimaryKey primaryKey) {
		this(null, table, primaryKey);
	}

	@Override
	public MigrateOperation reverse() {
		return new DropConstraint(this.schema, this.table, CreateForeignKey.requireName(this.primaryKey.name()),
				ConstraintType.PRIMARY_KEY, this.primaryKey);
	}

}
