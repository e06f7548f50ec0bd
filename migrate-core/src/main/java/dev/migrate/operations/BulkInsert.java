package dev.migrate.operations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code op.bulk_insert}: rows of column → value, rendered as {@code INSERT} statements with every
 * value escaped by the dialect. Irreversible.
 */
public record BulkInsert(String schema, Sql.TableRef table, List<Map<String, Object>> rows)
		implements MigrateOperation {

	public BulkInsert {
		Objects.requireNonNull(table, "table");
		List<Map<String, Object>> copy = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			// values may be null, so no Map.copyOf
			copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
		}
		rows = Collections.unmodifiableList(copy);
	}

	public BulkInsert(Sql.TableRef table, List<Map<String, Object>> rows) {
		this(null, table, rows);
	}

}
