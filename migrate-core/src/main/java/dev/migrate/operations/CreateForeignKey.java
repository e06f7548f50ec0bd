package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.ForeignKey;

/** {@code op.create_foreign_key}: {@code table} is the source (referring) table. */
public record CreateForeignKey(String schema, String table, ForeignKey foreignKey) implements MigrateOperation {

	public CreateForeignKey {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(foreignKey, "foreign key");
	}

	public CreateForeignKey(String table, ForeignKey foreignKey) {
		this(null, table, foreignKey);
	}

	@Override
	public MigrateOperation reverse() {
		return new DropConstraint(this.schema, this.table, requireName(this.foreignKey.name()),
				ConstraintType.FOREIGN_KEY, this.foreignKey);
	}

	static String requireName(String name) {
		if (name == null) {
			throw new IllegalArgumentException("An unnamed constraint cannot be dropped; give the constraint a name");
		}
		return name;
	}

}
