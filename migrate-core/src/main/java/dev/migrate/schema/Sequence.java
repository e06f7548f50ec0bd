package dev.migrate.schema;

import java.util.Objects;

/**
 * A database sequence: a JPA {@code @SequenceGenerator}'s (or Hibernate's default {@code <table>_seq} for a
 * {@code SEQUENCE}/{@code AUTO} id), or one reflected from the database. Sequences a column owns (SERIAL,
 * identity) are not reflected as sequences.
 *
 * @param schema schema name, or null for the default schema
 * @param name sequence name
 * @param start the first value ({@code initialValue}, 1 by default)
 * @param increment the increment ({@code allocationSize}, 50 by default in JPA)
 */
public record Sequence(String schema, String name, long start, long increment) {

	public Sequence {
		Objects.requireNonNull(name, "sequence name");
	}

	/** {@code schema.name}, or {@code name} in the default schema. */
	public String qualifiedName() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

}
