package dev.migrate.operations;

import java.util.Objects;

/** {@code op.execute("...")}: raw SQL written by the revision's author, run as it is. Irreversible. */
public record ExecuteSql(String sql) implements MigrateOperation {

	public ExecuteSql {
		Objects.requireNonNull(sql, "sql");
	}

}
