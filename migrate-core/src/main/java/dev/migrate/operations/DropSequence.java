package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Sequence;

/**
 * {@code op.dropSequence(name)}: {@code DROP SEQUENCE name}; refused on SQLite and MySQL, which have no sequences.
 *
 * @param schema schema, or null for the revision's schema
 * @param name the sequence
 * @param existing the dropped sequence when known (makes the drop reversible), or null
 */
public record DropSequence(String schema, String name, Sequence existing) implements MigrateOperation {

	public DropSequence {
		Objects.requireNonNull(name, "sequence name");
	}

	@Override
	public MigrateOperation reverse() {
		if (this.existing == null) {
			return MigrateOperation.super.reverse();
		}
		return new CreateSequence(this.existing);
	}

}
