package dev.migrate.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole schema: the tables of the models, or of a reflected database. Table lookup is by name
 * (case as the database reports it).
 *
 * @param tables the tables
 * @param views names of the views of a reflected database (not compared; empty for models)
 */
public record SchemaSnapshot(List<Table> tables, List<String> views) {

	public SchemaSnapshot {
		tables = List.copyOf(tables);
		views = List.copyOf(views);
	}

	/** Tables and no views. */
	public SchemaSnapshot(List<Table> tables) {
		this(tables, List.of());
	}

	public Optional<Table> table(String name) {
		return this.tables.stream().filter((t) -> t.name().equals(name)).findFirst();
	}

	public Map<String, Table> byName() {
		Map<String, Table> map = new LinkedHashMap<>();
		for (Table t : this.tables) {
			map.put(t.name(), t);
		}
		return map;
	}

}
