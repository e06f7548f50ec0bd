package dev.migrate.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * Reads one table's full definition from SQLite for batch mode: columns from
 * {@code PRAGMA table_info}, foreign keys from {@code PRAGMA foreign_key_list}, indexes and unique
 * constraints from {@code PRAGMA index_list}/{@code index_info}, and constraint names and CHECK
 * constraints from the {@code CREATE TABLE} text in {@code sqlite_master}. Declared types are kept
 * verbatim ({@link ColumnType#raw}), so a recreated table keeps them exactly.
 */
final class SqliteTableReader {

	private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");

	private final SqliteDialect dialect;

	private final Connection connection;

	private final String schema;

	SqliteTableReader(SqliteDialect dialect, Connection connection, String schema) {
		this.dialect = dialect;
		this.connection = connection;
		this.schema = schema;
	}

	private String prefix() {
		return (this.schema != null) ? this.dialect.quote(this.schema) + "." : "";
	}

	Table read(String tableName) throws SQLException {
		String createSql = masterSql("table", tableName);
		if (createSql == null) {
			throw new MigrateException("Table " + tableName + " not found in the SQLite database");
		}
		List<SqlParsing.Element> elements = SqlParsing.tableElements(createSql);
		String quoted = this.dialect.quote(tableName);

		List<Column> columns = new ArrayList<>();
		TreeMap<Integer, String> pkColumns = new TreeMap<>();
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("PRAGMA " + prefix() + "table_info(" + quoted + ")")) {
			while (rs.next()) {
				String name = rs.getString("name");
				String type = rs.getString("type");
				Column c = new Column(name, ColumnType.raw((type != null) ? type : ""), rs.getInt("notnull") == 0,
						rs.getString("dflt_value"), false, false, null);
				columns.add(c);
				int pk = rs.getInt("pk");
				if (pk > 0) {
					pkColumns.put(pk, name);
				}
			}
		}
		PrimaryKey primaryKey = null;
		if (!pkColumns.isEmpty()) {
			List<String> pk = List.copyOf(pkColumns.values());
			String pkName = SqlParsing.constraintName(elements, SqlParsing.Kind.PRIMARY_KEY, pk);
			primaryKey = new PrimaryKey(pkName, pk);
			if (pk.size() == 1 && AUTOINCREMENT.matcher(createSql).find()) {
				columns.replaceAll((c) -> c.name().equals(pk.get(0)) ? c.withType(ColumnType.INTEGER).autoincrement() : c);
			}
			// a rowid alias (INTEGER PRIMARY KEY) reports notnull 0; it is not null in fact
			columns.replaceAll((c) -> pk.contains(c.name()) ? c.notNull() : c);
		}

		List<ForeignKey> foreignKeys = readForeignKeys(quoted, elements);

		List<UniqueConstraint> uniques = new ArrayList<>();
		List<Index> indexes = new ArrayList<>();
		Map<String, String> indexOrigins = new LinkedHashMap<>();
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("PRAGMA " + prefix() + "index_list(" + quoted + ")")) {
			while (rs.next()) {
				indexOrigins.put(rs.getString("name"), rs.getString("origin"));
			}
		}
		for (Map.Entry<String, String> entry : indexOrigins.entrySet()) {
			String indexName = entry.getKey();
			List<String> cols = indexColumns(indexName);
			if ("u".equals(entry.getValue())) {
				uniques.add(new UniqueConstraint(SqlParsing.constraintName(elements, SqlParsing.Kind.UNIQUE, cols), cols));
			}
			else if ("c".equals(entry.getValue())) {
				indexes.add(readIndex(indexName, tableName, cols));
			}
		}
		// in declaration order, as SQLite lists them newest first
		java.util.Collections.reverse(uniques);
		java.util.Collections.reverse(indexes);

		List<CheckConstraint> checks = new ArrayList<>();
		for (SqlParsing.Element e : elements) {
			if (e.kind == SqlParsing.Kind.CHECK) {
				checks.add(new CheckConstraint(e.name, e.body));
			}
			checks.addAll(e.columnChecks);
		}
		return new Table(this.schema, tableName, columns, primaryKey, foreignKeys, uniques, checks, indexes, null);
	}

	private List<ForeignKey> readForeignKeys(String quoted, List<SqlParsing.Element> elements) throws SQLException {
		Map<Integer, List<String[]>> byId = new TreeMap<>();
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("PRAGMA " + prefix() + "foreign_key_list(" + quoted + ")")) {
			while (rs.next()) {
				byId.computeIfAbsent(rs.getInt("id"), (k) -> new ArrayList<>())
					.add(new String[] { rs.getString("table"), rs.getString("from"), rs.getString("to"),
							rs.getString("on_update"), rs.getString("on_delete") });
			}
		}
		List<ForeignKey> fks = new ArrayList<>();
		for (List<String[]> rows : byId.values()) {
			String referred = rows.get(0)[0];
			List<String> local = rows.stream().map((r) -> r[1]).toList();
			List<String> remote = new ArrayList<>();
			for (String[] r : rows) {
				remote.add(r[2]);
			}
			if (remote.contains(null)) {
				remote = primaryKeyOf(referred);
			}
			String name = SqlParsing.constraintName(elements, SqlParsing.Kind.FOREIGN_KEY, local);
			fks.add(new ForeignKey(name, local, null, referred, remote, action(rows.get(0)[4]), action(rows.get(0)[3])));
		}
		// PRAGMA lists foreign keys newest first
		java.util.Collections.reverse(fks);
		return fks;
	}

	private List<String> primaryKeyOf(String table) throws SQLException {
		TreeMap<Integer, String> pk = new TreeMap<>();
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("PRAGMA " + prefix() + "table_info(" + this.dialect.quote(table) + ")")) {
			while (rs.next()) {
				if (rs.getInt("pk") > 0) {
					pk.put(rs.getInt("pk"), rs.getString("name"));
				}
			}
		}
		return List.copyOf(pk.values());
	}

	private static String action(String action) {
		return (action == null || action.equalsIgnoreCase("NO ACTION")) ? null : action;
	}

	private List<String> indexColumns(String indexName) throws SQLException {
		List<String> cols = new ArrayList<>();
		try (Statement s = this.connection.createStatement();
				ResultSet rs = s.executeQuery("PRAGMA " + prefix() + "index_info(" + this.dialect.quote(indexName) + ")")) {
			while (rs.next()) {
				cols.add(rs.getString("name"));
			}
		}
		return cols;
	}

	private Index readIndex(String indexName, String tableName, List<String> cols) throws SQLException {
		String sql = masterSql("index", indexName);
		boolean unique = false;
		String where = null;
		List<String> columns = cols;
		boolean expressions = false;
		if (sql != null) {
			unique = sql.trim().toUpperCase(Locale.ROOT).startsWith("CREATE UNIQUE");
			where = SqlParsing.indexWhere(sql);
			if (cols.contains(null)) {
				expressions = true;
				int open = sql.indexOf('(');
				int close = SqlParsing.matchingParen(sql, open);
				columns = SqlParsing.splitTopLevel(sql.substring(open + 1, close)).stream().map(String::trim).toList();
			}
		}
		return new Index(indexName, tableName, columns, unique, where, expressions);
	}

	private String masterSql(String type, String name) throws SQLException {
		try (PreparedStatement ps = this.connection.prepareStatement(
				"SELECT sql FROM " + prefix() + "sqlite_master WHERE type = ? AND name = ? COLLATE NOCASE")) {
			ps.setString(1, type);
			ps.setString(2, name);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	/** Tables (other than {@code table}) whose foreign keys refer to {@code table}. */
	List<String> referencingTables(String table) throws SQLException {
		List<String> result = new ArrayList<>();
		try (PreparedStatement ps = this.connection.prepareStatement("SELECT DISTINCT m.name FROM " + prefix()
				+ "sqlite_master m, pragma_foreign_key_list(m.name) p WHERE m.type = 'table'"
				+ " AND p.\"table\" = ? COLLATE NOCASE AND m.name <> ? COLLATE NOCASE")) {
			ps.setString(1, table);
			ps.setString(2, table);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					result.add(rs.getString(1));
				}
			}
		}
		return result;
	}

	/** The CREATE TRIGGER statements of triggers on {@code table}. */
	List<String> triggers(String table) throws SQLException {
		List<String> result = new ArrayList<>();
		try (PreparedStatement ps = this.connection.prepareStatement("SELECT sql FROM " + prefix()
				+ "sqlite_master WHERE type = 'trigger' AND tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL ORDER BY name")) {
			ps.setString(1, table);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					result.add(rs.getString(1));
				}
			}
		}
		return result;
	}

	boolean legacyAlterTable() throws SQLException {
		try (Statement s = this.connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA legacy_alter_table")) {
			return rs.next() && rs.getInt(1) == 1;
		}
	}

	boolean foreignKeysEnforced() throws SQLException {
		try (Statement s = this.connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA foreign_keys")) {
			return rs.next() && rs.getInt(1) == 1;
		}
	}

}
