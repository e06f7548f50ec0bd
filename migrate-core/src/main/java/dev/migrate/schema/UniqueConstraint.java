package dev.migrate.schema;

import java.util.List;

/** A unique constraint; {@code name} may be null. */
public record UniqueConstraint(String name, List<String> columns) {

	public UniqueConstraint {
		columns = List.copyOf(columns);
	}

}
