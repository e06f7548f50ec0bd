package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Sequence;

/**
 * {@code op.createSequence(name, start, increment)}: {@code CREATE SEQUENCE name START WITH start INCREMENT BY
 * increment} on PostgreSQL, H2 and MariaDB; refused on SQLite and MySQL, which have no sequences. Its reverse drops
 * it.
 *
 * @param sequence the sequence (its schema null for the revision's schema)
 */
public record CreateSequence(Sequence sequence) implements MigrateOperation {

	public CreateSequence {
		Objects.requireNonNull(sequence, "sequence");
	}

	@Override
	public MigrateOperation reverse() {
		return new DropSequence(this.sequence.schema(), this.sequence.name(), this.sequence);
	}

}
