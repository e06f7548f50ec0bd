package dev.migrate.operations;

import java.util.Objects;

/**
 * {@code op.create_table_comment} / {@code op.drop_table_comment}: {@code comment} {@code ""} or
 * null removes it.
 */
public record SetTableComment(String schema, String table, String comment, String existingComment)
		implements MigrateOperation {

	public SetTableComment {
		Objects.requireNonNull(table, "table name");
	}

	@Override
	public MigrateOperation reverse() {
		return new SetTableComment(this.schema, this.table, this.existingComment, this.comment);
	}

}
