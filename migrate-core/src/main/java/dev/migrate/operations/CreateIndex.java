package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Index;

/**
 * {@code op.create_index}.
 *
 * @param schema schema, or null
 * @param index the index (name, table, columns, unique, partial condition)
 * @param concurrently PostgreSQL {@code CREATE INDEX CONCURRENTLY}, run outside the transaction
 */
public record CreateIndex(String schema, Index index, boolean concurrently) implements MigrateOperation {

	public CreateIndex {
		Objects.requireNonNull(index, "index");
		Objects.requireNonNull(index.name(), "index name");
		Objects.requireNonNull(index.table(), () -> "table of index " + index.name());
		if (index.columns().isEmpty()) {
			throw new IllegalArgumentException("Index " + index.name() + " has no columns");
		}
	}

	public CreateIndex(Index index) {
		this(null, index, false);
	}

	@Override
	public MigrateOperation reverse() {
		return new DropIndex(this.schema, this.index.table(), this.index.name(), this.concurrently, this.index);
	}

}
