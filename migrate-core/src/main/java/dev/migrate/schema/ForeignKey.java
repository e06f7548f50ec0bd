package dev.migrate.schema;

import java.util.List;

/**
 * A foreign key constraint.
 *
 * @param name constraint name, or null (the database names it)
 * @param columns local columns
 * @param referredSchema schema of the referred table, or null for the same schema
 * @param referredTable the referred table
 * @param referredColumns the referred columns
 * @param onDelete ON DELETE action ({@code CASCADE}, {@code SET NULL}, …) or null
 * @param onUpdate ON UPDATE action or null
 */
public record ForeignKey(String name, List<String> columns, String referredSchema, String referredTable,
		List<String> referredColumns, String onDelete, String onUpdate) {

	public ForeignKey {
		columns = List.copyOf(columns);
		referredColumns = List.copyOf(referredColumns);
		if (columns.size() != referredColumns.size()) {
			throw new IllegalArgumentException("Foreign key " + ((name != null) ? name + " " : "") + columns
					+ " -> " + referredTable + referredColumns + " has a different number of local and referred columns");
		}
	}

}
