package dev.migrate.dialect;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.operations.Sql;

/**
 * How the values of a built data statement are written: as escaped literals (offline SQL) or as
 * {@code ?} markers whose values are collected for binding (online). {@code NULL} and
 * {@link Sql.Expression}s are written in the SQL either way.
 */
final class ValueWriter {

	private final DefaultDialect dialect;

	private final List<Object> parameters;

	private ValueWriter(DefaultDialect dialect, List<Object> parameters) {
		this.dialect = dialect;
		this.parameters = parameters;
	}

	static ValueWriter literals(DefaultDialect dialect) {
		return new ValueWriter(dialect, null);
	}

	static ValueWriter parameters(DefaultDialect dialect) {
		return new ValueWriter(dialect, new ArrayList<>());
	}

	String write(Object value) {
		if (this.parameters == null || value == null || value instanceof Sql.Expression) {
			return this.dialect.literal(value);
		}
		this.parameters.add(this.dialect.parameterValue(value));
		return "?";
	}

	/** How many values are collected so far (0 when writing literals). */
	int count() {
		return (this.parameters != null) ? this.parameters.size() : 0;
	}

	/** The statement and the values collected for it; the writer starts afresh. */
	BoundStatement bind(String sql) {
		if (this.parameters == null) {
			return BoundStatement.of(sql);
		}
		BoundStatement bound = new BoundStatement(sql, this.parameters);
		this.parameters.clear();
		return bound;
	}

}
