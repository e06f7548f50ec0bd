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
 * @param sequences the sequences (of the models, or of the database not owned by a column)
 * @param sequencesKnown whether {@code sequences} is known: the models' always are; a reflected database's when
 *        it has sequences and its reflector reads them (PostgreSQL, H2, MariaDB; not MySQL nor SQLite)
 * @param checksKnown whether the tables' check constraints are known: the models' always are; a reflected
 *        database's unless its catalog has none to read (MySQL before 8.0.16, MariaDB before 10.2.22), when the
 *        checks are not compared
 */
public record SchemaSnapshot(List<Table> tables, List<String> views, List<Sequence> sequences,
		boolean sequencesKnown, boolean checksKnown) {

	public SchemaSnapshot {
		tables = List.copyOf(tables);
		views = List.copyOf(views);
		sequences = List.copyOf(sequences);
	}

	/** Tables, views and sequences; checks known. */
	public SchemaSnapshot(List<Table> tables, List<String> views, List<Sequence> sequences, boolean sequencesKnown) {
		this(tables, views, sequences, sequencesKnown, true);
	}

	/** Tables and views; sequences not known. */
	public SchemaSnapshot(List<Table> tables, List<String> views) {
		this(tables, views, List.of(), false);
	}

	/** Tables and no views. */
	public SchemaSnapshot(List<Table> tables) {
		this(tables, List.of());
	}

	/** This snapshot with {@code newSequences}, known. */
	public SchemaSnapshot withSequences(List<Sequence> newSequences) {
		return new SchemaSnapshot(this.tables, this.views, newSequences, true, this.checksKnown);
	}

	/** This snapshot with its check constraints not known (the database's catalog has none to read). */
	public SchemaSnapshot withChecksUnknown() {
		return new SchemaSnapshot(this.tables, this.views, this.sequences, this.sequencesKnown, false);
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
