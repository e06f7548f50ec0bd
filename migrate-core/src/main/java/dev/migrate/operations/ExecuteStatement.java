package dev.migrate.operations;

import java.util.Objects;

/** {@code op.execute(table.update()...)}: a built data statement, names quoted and values escaped by the dialect. */
public record ExecuteStatement(String schema, Sql.Statement statement) implements MigrateOperation {

	public ExecuteStatement {
		Objects.requireNonNull(statement, "statement");
	}

}
