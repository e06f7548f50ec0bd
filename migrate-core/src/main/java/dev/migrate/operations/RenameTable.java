package dev.migrate.operations;

import java.util.Objects;

/** {@code op.rename_table}. */
public record RenameTable(String schema, String oldName, String newName) implements MigrateOperation {

	public RenameTable {
		Objects.requireNonNull(oldName, "old table name");
		Objects.requireNonNull(newName, "new table name");
	}

	public RenameTable(String oldName, String newName) {
		this(null, oldName, newName);
	}

	@Override
	public MigrateOperation reverse() {
		return new RenameTable(this.schema, this.newName, this.oldName);
	}

}
