package dev.migrate.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schema read back from the database catalog through JDBC {@link DatabaseMetaData} — tables,
 * columns (type, size, nullability, default), primary keys, indexes and foreign keys — with names
 * lower-cased, so that the state before a revision and after its downgrade can be compared.
 */
public record CatalogSnapshot(SortedMap<String, TableInfo> tables) {

	public record ColumnInfo(String name, String type, boolean nullable, String defaultValue) {
	}

	public record TableInfo(String name, SortedMap<String, ColumnInfo> columns, List<String> primaryKey,
			SortedSet<String> indexes, SortedSet<String> foreignKeys) {

		public ColumnInfo column(String name) {
			ColumnInfo c = this.columns.get(name);
			if (c == null) {
				throw new AssertionError("no column " + name + " in " + this.name + ": " + this.columns.keySet());
			}
			return c;
		}

	}

	public TableInfo table(String name) {
		TableInfo t = this.tables.get(name.toLowerCase(Locale.ROOT));
		if (t == null) {
			throw new AssertionError("no table " + name + " in " + this.tables.keySet());
		}
		return t;
	}

	public boolean hasTable(String name) {
		return this.tables.containsKey(name.toLowerCase(Locale.ROOT));
	}

	public static CatalogSnapshot read(Connection connection) throws SQLException {
		DatabaseMetaData md = connection.getMetaData();
		String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
		String catalog = connection.getCatalog();
		String schema = switch (product) {
			case "postgresql" -> "public";
			case "h2" -> "PUBLIC";
			default -> null;
		};
		if (product.equals("mysql") || product.equals("mariadb")) {
			schema = null;
		}
		else if (!product.equals("sqlite")) {
			catalog = null;
		}
		SortedMap<String, TableInfo> tables = new TreeMap<>();
		List<String> names = new ArrayList<>();
		try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				names.add(rs.getString("TABLE_NAME"));
			}
		}
		for (String table : names) {
			if (table.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
				continue;
			}
			Map<String, String> declared = product.equals("sqlite") ? sqliteDeclaredTypes(connection, table) : Map.of();
			SortedMap<String, ColumnInfo> columns = new TreeMap<>();
			try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
				while (rs.next()) {
					String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
					String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
					int size = rs.getInt("COLUMN_SIZE");
					int digits = rs.getInt("DECIMAL_DIGITS");
					if (declared.containsKey(name)) {
						type = declared.get(name);
					}
					else if (type.contains("char") || type.contains("binary")) {
						type = type.replaceAll("\\(.*", "") + "(" + size + ")";
					}
					else if (type.startsWith("numeric") || type.startsWith("decimal")) {
						type = type.replaceAll("\\(.*", "") + "(" + size + "," + digits + ")";
					}
					columns.put(name, new ColumnInfo(name, type, rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
							defaultValue(rs.getString("COLUMN_DEF"))));
				}
			}
			TreeMap<Short, String> pk = new TreeMap<>();
			try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
				while (rs.next()) {
					pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
				}
			}
			SortedMap<String, TreeMap<Short, String>> indexColumns = new TreeMap<>();
			Map<String, Boolean> indexUnique = new TreeMap<>();
			try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
				while (rs.next()) {
					String name = rs.getString("INDEX_NAME");
					String column = rs.getString("COLUMN_NAME");
					if (name == null || column == null) {
						continue;
					}
					name = name.toLowerCase(Locale.ROOT);
					indexColumns.computeIfAbsent(name, (k) -> new TreeMap<>())
						.put(rs.getShort("ORDINAL_POSITION"), column.toLowerCase(Locale.ROOT).replace("\"", ""));
					indexUnique.put(name, !rs.getBoolean("NON_UNIQUE"));
				}
			}
			SortedSet<String> indexes = new TreeSet<>();
			// names the database chose (H2, SQLite, PostgreSQL constraint indexes) may change when a table is
			// rebuilt; only names given by the revisions ("ix_...") are compared
			indexColumns.forEach((name, cols) -> indexes.add((indexUnique.get(name) ? "unique " : "")
					+ (name.startsWith("ix_") ? name + " " : "") + String.join(",", cols.values())));
			SortedMap<String, String> fks = new TreeMap<>();
			try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
				while (rs.next()) {
					String key = Objects.toString(rs.getString("FK_NAME"), "") + "#" + rs.getString("PKTABLE_NAME");
					String part = rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + "->"
							+ rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
							+ rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " ondelete="
							+ deleteRule(rs.getShort("DELETE_RULE"));
					fks.merge(key.toLowerCase(Locale.ROOT), part, (a, b) -> a + ";" + b);
				}
			}
			SortedSet<String> foreignKeys = new TreeSet<>(fks.values());
			tables.put(table.toLowerCase(Locale.ROOT), new TableInfo(table.toLowerCase(Locale.ROOT), columns,
					List.copyOf(pk.values()), indexes, foreignKeys));
		}
		return new CatalogSnapshot(tables);
	}

	private static Map<String, String> sqliteDeclaredTypes(Connection connection, String table) throws SQLException {
		Map<String, String> types = new TreeMap<>();
		try (var s = connection.createStatement();
				ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
			while (rs.next()) {
				types.put(rs.getString("name").toLowerCase(Locale.ROOT),
						rs.getString("type").toLowerCase(Locale.ROOT).replace(" ", ""));
			}
		}
		return types;
	}

	/** MariaDB reports "no default" as the text NULL. */
	private static String defaultValue(String value) {
		return (value == null || value.equalsIgnoreCase("NULL")) ? null : value;
	}

	private static String deleteRule(short rule) {
		return switch (rule) {
			case DatabaseMetaData.importedKeyCascade -> "cascade";
			case DatabaseMetaData.importedKeySetNull -> "setnull";
			case DatabaseMetaData.importedKeySetDefault -> "setdefault";
			default -> "noaction";
		};
	}

}
