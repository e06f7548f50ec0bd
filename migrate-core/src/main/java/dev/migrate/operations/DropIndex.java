package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.schema.Index;

/**
 * {@code op.drop_index}.
 *
 * @param schema schema, or null
 * @param table the index's table, or null (MySQL needs it; looked up from the catalog when online)
 * @param name the index
 * @param concurrently PostgreSQL {@code DROP INDEX CONCURRENTLY}, run outside the transaction
 * @param existing the dropped index's definition when known (makes the drop reversible), or null
 */
public record DropIndex(String schema, String table, String name, boolean concurrently, Index existing)
		implements MigrateOperation {

	public DropIndex {
		Objects.requireNonNull(name, "index name");
		if (table == null && existing != null) {
			table = existing.table();
		}
	}

	public DropIndex(String name, String table) {
		this(null, table, name, false, null);
	}

	@Override
	public MigrateOperation reverse() {
		if (this.existing == null) {
			return MigrateOperation.super.reverse();
		}
		return new CreateIndex(this.schema, this.existing, this.concurrently);
	}

}
