package dev.migrate.operations;

import java.util.Objects;

/**
 * {@code op.addEnumValue(name, value)}: PostgreSQL's {@code ALTER TYPE name ADD VALUE 'value'},
 * placed {@code BEFORE} or {@code AFTER} a value of the type when one is given (at most one of
 * them). It runs outside the revision's transaction (an autocommit block): PostgreSQL before 12
 * refuses it inside one, and a value added in a transaction cannot be used until it commits.
 * PostgreSQL cannot drop a value again, so it has no reverse; other dialects refuse it.
 */
public record AddEnumValue(String schema, String name, String value, String before, String after)
		implements MigrateOperation {

	public AddEnumValue {
		Objects.requireNonNull(name, "enum type name");
		Objects.requireNonNull(value, "enum value");
		if (before != null && after != null) {
			throw new IllegalArgumentException("Value '" + value + "' of enum type " + name
					+ " can be placed before or after another value, not both");
		}
	}

}
