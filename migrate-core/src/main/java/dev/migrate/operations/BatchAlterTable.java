package dev.migrate.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.migrate.schema.Table;

/**
 * {@code op.batch_alter_table}: operations on one table applied together. On SQLite the table is
 * recreated ("move and copy") when an operation needs it; elsewhere each runs as a plain ALTER.
 *
 * @param schema schema, or null
 * @param table the table
 * @param operations the operations, all on {@code table}
 * @param recreate when to recreate the table
 * @param copyFrom the table's current definition, used instead of reading it from the database
 * (required offline when the table is recreated), or null
 */
public record BatchAlterTable(String schema, String table, List<MigrateOperation> operations, Recreate recreate,
		Table copyFrom) implements MigrateOperation {

	/** Alembic's {@code recreate="auto" | "always" | "never"}. */
	public enum Recreate {

		/** Recreate only where the dialect cannot ALTER (SQLite). */
		AUTO,
		/** Always recreate the table. */
		ALWAYS,
		/** Never recreate; operations the dialect cannot ALTER fail. */
		NEVER

	}

	public BatchAlterTable {
		Objects.requireNonNull(table, "table name");
		operations = List.copyOf(operations);
		recreate = (recreate != null) ? recreate : Recreate.AUTO;
	}

	public BatchAlterTable(String table, List<MigrateOperation> operations) {
		this(null, table, operations, Recreate.AUTO, null);
	}

	/** The batch of the reversed operations, in reverse order. */
	@Override
	public MigrateOperation reverse() {
		List<MigrateOperation> reversed = new ArrayList<>();
		for (int i = this.operations.size() - 1; i >= 0; i--) {
			reversed.add(this.operations.get(i).reverse());
		}
		return new BatchAlterTable(this.schema, this.table, reversed, this.recreate, null);
	}

}
