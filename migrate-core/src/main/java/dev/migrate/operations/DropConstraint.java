package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.UniqueConstraint;

/**
 * {@code op.drop_constraint}.
 *
 * @param schema schema, or null
 * @param table the table
 * @param name the constraint
 * @param type the kind, or null when not known (MySQL then looks it up in the catalog when online)
 * @param existing the dropped constraint ({@link ForeignKey}, {@link UniqueConstraint},
 * {@link CheckConstraint} or {@link PrimaryKey}) when known, which makes the drop reversible; or null
 */
public record DropConstraint(String schema, String table, String name, ConstraintType type, Object existing)
		implements MigrateOperation {

	public DropConstraint {
		Objects.requireNonNull(table, "table name");
		Objects.requireNonNull(name, "constraint name");
		if (existing != null) {
			ConstraintType actual = typeOf(existing);
			if (type != null && type != actual) {
				throw new IllegalArgumentException("Constraint " + name + " is a " + actual + ", not a " + type);
			}
			type = actual;
		}
	}

	public DropConstraint(String table, String name, ConstraintType type) {
		this(null, table, name, type, null);
	}

	/**
	 * The drop of a known constraint ({@link ForeignKey}, {@link UniqueConstraint},
	 * {@link CheckConstraint} or {@link PrimaryKey}), reversible; the constraint must be named.
	 */
	public static DropConstraint of(String schema, String table, Object constraint) {
		String name;
		if (constraint instanceof ForeignKey fk) {
			name = fk.name();
		}
		else if (constraint instanceof UniqueConstraint uq) {
			name = uq.name();
		}
		else if (constraint instanceof CheckConstraint ck) {
			name = ck.name();
		}
		else if (constraint instanceof PrimaryKey pk) {
			name = pk.name();
		}
		else {
			throw new IllegalArgumentException("Not a constraint: " + constraint);
		}
		return new DropConstraint(schema, table, CreateForeignKey.requireName(name), null, constraint);
	}

	private static ConstraintType typeOf(Object constraint) {
		if (constraint instanceof ForeignKey) {
			return ConstraintType.FOREIGN_KEY;
		}
		if (constraint instanceof UniqueConstraint) {
			return ConstraintType.UNIQUE;
		}
		if (constraint instanceof CheckConstraint) {
			return ConstraintType.CHECK;
		}
		if (constraint instanceof PrimaryKey) {
			return ConstraintType.PRIMARY_KEY;
		}
		throw new IllegalArgumentException("Not a constraint: " + constraint);
	}

	@Override
	public MigrateOperation reverse() {
		if (this.existing instanceof ForeignKey fk) {
			return new CreateForeignKey(this.schema, this.table, fk);
		}
		if (this.existing instanceof UniqueConstraint uq) {
			return new CreateUniqueConstraint(this.schema, this.table, uq);
		}
		if (this.existing instanceof CheckConstraint ck) {
			return new CreateCheckConstraint(this.schema, this.table, ck);
		}
		if (this.existing instanceof PrimaryKey pk) {
			return new CreatePrimaryKey(this.schema, this.table, pk);
		}
		return MigrateOperation.super.reverse();
	}

}
