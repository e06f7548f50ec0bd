package dev.migrate.schema;

import java.util.List;

/** A primary key constraint; {@code name} may be null (the database names it). */
public record PrimaryKey(String name, List<String> columns) {

	public PrimaryKey {
		columns = List.copyOf(columns);
	}

}
