package dev.migrate.reflect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * Collects the rows of bulk catalog queries (columns, constraints, indexes for the whole schema)
 * into tables, so that each reflector only maps its catalog's rows. Rows for a table the column
 * query did not return are ignored.
 */
public final class SchemaAssembler {

	private final String schema;

	private final Map<String, Parts> tables = new LinkedHashMap<>();

	private final List<String> views = new ArrayList<>();

	/** An assembler for tables of {@code schema} (null: the default schema, left unset on the tables). */
	public SchemaAssembler(String schema) {
		this.schema = schema;
	}

	/** Registers a table (also one without columns). */
	public void table(String table, String comment) {
		this.tables.computeIfAbsent(table, (k) -> new Parts()).comment = comment;
	}

	public void column(String table, Column column) {
		this.tables.computeIfAbsent(table, (k) -> new Parts()).columns.add(column);
	}

	public void primaryKey(String table, String name, List<String> columns) {
		Parts p = this.tables.get(table);
		if (p != null) {
			p.primaryKey = new PrimaryKey(name, columns);
		}
	}

	public void foreignKey(String table, ForeignKey foreignKey) {
		Parts p = this.tables.get(table);
		if (p != null) {
			p.foreignKeys.add(foreignKey);
		}
	}

	public void unique(String table, UniqueConstraint unique) {
		Parts p = this.tables.get(table);
		if (p != null) {
			p.uniques.add(unique);
		}
	}

	public void check(String table, CheckConstraint check) {
		Parts p = this.tables.get(table);
		if (p != null) {
			p.checks.add(check);
		}
	}

	public void index(String table, Index index) {
		Parts p = this.tables.get(table);
		if (p != null) {
			p.indexes.add(index);
		}
	}

	/** A view of the schema, by name (views are only named, not compared). */
	public void view(String name) {
		this.views.add(name);
	}

	/** Whether the column query returned this table. */
	public boolean hasTable(String table) {
		return this.tables.containsKey(table);
	}

	/** The tables, primary-key columns flagged and made NOT NULL. */
	public SchemaSnapshot build() {
		List<Table> result = new ArrayList<>();
		for (Map.Entry<String, Parts> e : this.tables.entrySet()) {
			Parts p = e.getValue();
			List<Column> columns = new ArrayList<>(p.columns);
			if (p.primaryKey != null) {
				List<String> pk = p.primaryKey.columns();
				columns.replaceAll((c) -> pk.contains(c.name()) ? c.primaryKey() : c);
			}
			result.add(new Table(this.schema, e.getKey(), columns, p.primaryKey, p.foreignKeys, p.uniques, p.checks,
					p.indexes, p.comment));
		}
		return new SchemaSnapshot(result, this.views);
	}

	/** Normalises a referential action as catalogs spell it ({@code NO ACTION}, {@code a}, {@code RESTRICT}) to null or the SQL keyword. */
	public static String action(String rule) {
		if (rule == null) {
			return null;
		}
		String r = rule.trim().toUpperCase(java.util.Locale.ROOT);
		return switch (r) {
			case "C", "CASCADE" -> "CASCADE";
			case "N", "SET NULL" -> "SET NULL";
			case "D", "SET DEFAULT" -> "SET DEFAULT";
			case "R", "RESTRICT" -> "RESTRICT";
			default -> null; // "a", "NO ACTION", "": the default
		};
	}

	private static final class Parts {

		private final List<Column> columns = new ArrayList<>();

		private PrimaryKey primaryKey;

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<CheckConstraint> checks = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private String comment;

	}

}
