package dev.migrate.schema;

import java.util.List;

/**
 * An index. {@code columns} are column names; an entry may instead be an SQL expression when
 * {@code expressions} is true (rendered verbatim). {@code where} makes a partial index where the
 * dialect supports it.
 */
public record Index(String name, String table, List<String> columns, boolean unique, String where,
		boolean expressions) {

	public Index {
		columns = List.copyOf(columns);
	}

	public static Index of(String name, String table, List<String> columns) {
		return new Index(name, table, columns, false, null, false);
	}

	public Index unique(boolean unique) {
		return new Index(this.name, this.table, this.columns, unique, this.where, this.expressions);
	}

	public Index where(String condition) {
		return new Index(this.name, this.table, this.columns, this.unique, condition, this.expressions);
	}

}
