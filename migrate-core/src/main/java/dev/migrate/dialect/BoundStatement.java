package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One statement as an online context runs it: SQL with a {@code ?} for each value and the values
 * to bind, so that no value is ever read as SQL by the server, whatever its string settings
 * ({@code standard_conforming_strings}, {@code NO_BACKSLASH_ESCAPES}). Statements without values
 * have no parameters.
 *
 * @param sql the SQL, with one {@code ?} per parameter
 * @param parameters the values, as {@link Dialect#bind} takes them (never null; no null elements)
 */
public record BoundStatement(String sql, List<Object> parameters) {

	public BoundStatement {
		Objects.requireNonNull(sql, "sql");
		parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
	}

	/** A statement without parameters. */
	public static BoundStatement of(String sql) {
		return new BoundStatement(sql, List.of());
	}

}
