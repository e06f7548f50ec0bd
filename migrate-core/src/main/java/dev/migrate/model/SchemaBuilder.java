package dev.migrate.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.ConfigurationException;
import dev.migrate.schema.Index;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;

/**
 * Collects the tables of {@link SchemaDefinition}s. Elements are those of
 * {@code op.createTable}: columns and constraints made with {@link dev.migrate.operations.Ddl}, and
 * {@link Index}es.
 */
public final class SchemaBuilder {

	private final Map<String, Table> tables = new LinkedHashMap<>();

	private final List<Index> pendingIndexes = new ArrayList<>();

	/** Adds a table in the default schema. */
	public SchemaBuilder table(String name, Object... elements) {
		return tableInSchema(null, name, elements);
	}

	/** Adds a table in {@code schema}. */
	public SchemaBuilder tableInSchema(String schema, String name, Object... elements) {
		if (this.tables.containsKey(name)) {
			throw new ConfigurationException("Table '" + name + "' is defined twice in the models");
		}
		List<Object> list = new ArrayList<>();
		for (Object element : elements) {
			if (element instanceof Index index && index.table() == null) {
				list.add(new Index(index.name(), name, index.columns(), index.unique(), index.where(),
						index.expressions()));
			}
			else {
				list.add(element);
			}
		}
		this.tables.put(name, Table.of(schema, name, list));
		return this;
	}

	/** Adds a table built elsewhere. */
	public SchemaBuilder table(Table table) {
		if (this.tables.putIfAbsent(table.name(), table) != null) {
			throw new ConfigurationException("Table '" + table.name() + "' is defined twice in the models");
		}
		return this;
	}

	/** {@code CREATE INDEX name ON table (columns)}. */
	public SchemaBuilder index(String name, String table, String... columns) {
		this.pendingIndexes.add(Index.of(name, table, List.of(columns)));
		return this;
	}

	/** {@code CREATE UNIQUE INDEX name ON table (columns)}. */
	public SchemaBuilder uniqueIndex(String name, String table, String... columns) {
		this.pendingIndexes.add(Index.of(name, table, List.of(columns)).unique(true));
		return this;
	}

	/** An index, e.g. a partial one: {@code Index.of(...).where("deleted_at IS NULL")}. */
	public SchemaBuilder index(Index index) {
		this.pendingIndexes.add(index);
		return this;
	}

	/** The tables defined so far, indexes attached to their tables. */
	public SchemaSnapshot build() {
		Map<String, Table> result = new LinkedHashMap<>(this.tables);
		for (Index index : this.pendingIndexes) {
			Table table = result.get(index.table());
			if (table == null) {
				throw new ConfigurationException(
						"Index '" + index.name() + "' is on table '" + index.table() + "', which the models do not define");
			}
			List<Index> indexes = new ArrayList<>(table.indexes());
			indexes.add(index);
			result.put(table.name(), table.withIndexes(indexes));
		}
		return new SchemaSnapshot(new ArrayList<>(result.values()));
	}

}
