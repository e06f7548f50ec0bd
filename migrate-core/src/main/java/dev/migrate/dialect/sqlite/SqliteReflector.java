package dev.migrate.dialect.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.migrate.reflect.SchemaAssembler;
import dev.migrate.reflect.SchemaReflector;
import dev.migrate.reflect.TypeNames;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.UniqueConstraint;

/**
 * SQLite reflection: the PRAGMAs are per table by nature, so each is joined to
 * {@code sqlite_master} as a table-valued function ({@code pragma_table_info(m.name)}), giving
 * three queries for the whole database (columns, foreign keys, indexes). Constraint names, which
 * the PRAGMAs do not report, and partial index conditions are read from the stored
 * {@code CREATE TABLE}/{@code CREATE INDEX} text with {@link SqlParsing}, as batch mode's
 * {@link SqliteTableReader} reads them. The two differ where their uses do: batch mode keeps declared
 * types verbatim, CHECK constraints and expression text to recreate a table exactly; reflection
 * normalises types for comparison.
 */
public class SqliteReflector implements SchemaReflector {

	private static final String COLUMNS = """
			SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, m.sql, m.type
			FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) p
			WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
			ORDER BY m.name, p.cid
			""";

	private static final String FOREIGN_KEYS = """
			SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
			FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
			WHERE m.type = 'table'
			ORDER BY m.name, f.id, f.seq
			""";

	private static final String INDEXES = """
			SELECT m.name, il.name, il."unique", il.origin, ii.name, ii.cid, x.sql
			FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_xinfo(il.name) ii
			LEFT JOIN sqlite_master x ON x.type = 'index' AND x.name = il.name
			WHERE m.type = 'table' AND ii.key = 1 AND il.origin <> 'pk'
			ORDER BY m.name, il.name, ii.seqno
			""";

	private static final Pattern AUTOINCREMENT = Pattern.compile("\\bAUTOINCREMENT\\b", Pattern.CASE_INSENSITIVE);

	@Override
	public SchemaSnapshot reflect(Connection connection, String schema) throws SQLException {
		SchemaAssembler assembler = new SchemaAssembler(schema);
		Map<String, String> tableSql = new LinkedHashMap<>();
		Map<String, List<String>> pks = new LinkedHashMap<>();
		java.util.Set<String> views = new java.util.HashSet<>();
		try (PreparedStatement ps = connection.prepareStatement(qualify(COLUMNS, schema));
				ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				String table = rs.getString(1);
				if ("view".equals(rs.getString(8))) {
					if (views.add(table)) {
						assembler.view(table);
					}
					continue;
				}
				assembler.table(table, null);
				tableSql.put(table, rs.getString(7));
				String name = rs.getString(2);
				if (name == null) {
					continue;
				}
				String declared = rs.getString(3);
				ColumnType type = TypeNames.parse(declared);
				int pk = rs.getInt(6);
				if (pk > 0) {
					List<String> cols = pks.computeIfAbsent(table, (k) -> new ArrayList<>());
					while (cols.size() < pk) {
						cols.add(null);
					}
					cols.set(pk - 1, name);
				}
				assembler.column(table, new Column(name, type, rs.getInt(4) == 0, rs.getString(5), false, false, null));
			}
		}
		for (Map.Entry<String, List<String>> e : pks.entrySet()) {
			assembler.primaryKey(e.getKey(), null, e.getValue());
		}
		// constraint names, which the PRAGMAs do not report, parsed once per table as batch mode does
		Map<String, List<SqlParsing.Element>> elements = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : tableSql.entrySet()) {
			elements.put(e.getKey(), elements(e.getValue()));
			for (SqlParsing.Element element : elements.get(e.getKey())) {
				if (element.kind == SqlParsing.Kind.CHECK) {
					assembler.check(e.getKey(), new CheckConstraint(element.name, element.body));
				}
				element.columnChecks.forEach((ck) -> assembler.check(e.getKey(), ck));
			}
		}
		Map<String, TreeMap<Integer, Fk>> fks = new LinkedHashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(qualify(FOREIGN_KEYS, schema));
				ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				Fk fk = fks.computeIfAbsent(rs.getString(1), (k) -> new TreeMap<>())
					.computeIfAbsent(rs.getInt(2), (k) -> new Fk());
				fk.table = rs.getString(3);
				fk.columns.add(rs.getString(4));
				fk.referred.add(rs.getString(5));
				fk.onUpdate = rs.getString(6);
				fk.onDelete = rs.getString(7);
			}
		}
		for (Map.Entry<String, TreeMap<Integer, Fk>> e : fks.entrySet()) {
			// pragma_foreign_key_list lists the keys in reverse order of declaration
			List<Fk> list = new ArrayList<>(e.getValue().descendingMap().values());
			for (Fk fk : list) {
				List<String> referred = new ArrayList<>(fk.referred);
				if (referred.stream().anyMatch((r) -> r == null)) {
					referred = referredPrimaryKey(fk.table, pks, fk.columns.size());
				}
				String name = SqlParsing.constraintName(elements.getOrDefault(e.getKey(), List.of()),
						SqlParsing.Kind.FOREIGN_KEY, fk.columns);
				assembler.foreignKey(e.getKey(), new ForeignKey(name, fk.columns,
						null, fk.table, referred, SchemaAssembler.action(fk.onDelete), SchemaAssembler.action(fk.onUpdate)));
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(qualify(INDEXES, schema));
				ResultSet rs = ps.executeQuery()) {
			Map<String, IndexRow> indexes = new LinkedHashMap<>();
			while (rs.next()) {
				String table = rs.getString(1);
				IndexRow row = indexes.computeIfAbsent(table + "\u0000" + rs.getString(2), (k) -> new IndexRow());
				row.table = table;
				row.name = rs.getString(2);
				row.unique = rs.getInt(3) == 1;
				row.origin = rs.getString(4);
				row.sql = rs.getString(7);
				String column = rs.getString(5);
				if (column == null) {
					row.expressions = true;
					column = "?";
				}
				row.columns.add(column);
			}
			for (IndexRow row : indexes.values()) {
				if ("u".equals(row.origin)) {
					String name = SqlParsing.constraintName(elements.getOrDefault(row.table, List.of()),
							SqlParsing.Kind.UNIQUE, row.columns);
					assembler.unique(row.table, new UniqueConstraint(name, row.columns));
				}
				else {
					String where = (row.sql != null) ? SqlParsing.indexWhere(row.sql) : null;
					assembler.index(row.table, new Index(row.name, row.table, row.columns, row.unique, where, row.expressions));
				}
			}
		}
		SchemaSnapshot snapshot = assembler.build();
		// INTEGER PRIMARY KEY is the rowid: generated by the database
		return new SchemaSnapshot(snapshot.tables().stream().map((t) -> {
			if (t.primaryKey() == null || t.primaryKey().columns().size() != 1) {
				return t;
			}
			String pk = t.primaryKey().columns().get(0);
			String sql = tableSql.getOrDefault(t.name(), "");
			return t.withColumns(t.columns().stream().map((c) -> (c.name().equals(pk)
					&& (c.type().kind() == ColumnType.Kind.INTEGER || AUTOINCREMENT.matcher(sql).find()))
							? c.autoincrement() : c)
				.toList());
		}).toList(), snapshot.views());
	}

	private static List<String> referredPrimaryKey(String table, Map<String, List<String>> pks, int size) {
		List<String> pk = pks.get(table);
		if (pk != null && pk.size() == size) {
			return pk;
		}
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			unknown.add("?");
		}
		return unknown;
	}

	/** The elements of a table's stored SQL; none when it is not a plain CREATE TABLE (a virtual table). */
	private static List<SqlParsing.Element> elements(String createSql) {
		if (createSql == null || createSql.indexOf('(') < 0) {
			return List.of();
		}
		try {
			return SqlParsing.tableElements(createSql);
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	/** Points the queries at an attached database when a schema is given. */
	private static String qualify(String sql, String schema) {
		if (schema == null || schema.isEmpty() || "main".equals(schema.toLowerCase(Locale.ROOT))) {
			return sql;
		}
		String q = "\"" + schema.replace("\"", "\"\"") + "\"";
		return sql.replace("FROM sqlite_master", "FROM " + q + ".sqlite_master")
			.replace("JOIN sqlite_master", "JOIN " + q + ".sqlite_master")
			.replace("(m.name)", "(m.name, " + "'" + schema.replace("'", "''") + "')")
			.replace("(il.name)", "(il.name, " + "'" + schema.replace("'", "''") + "')");
	}

	private static final class Fk {

		private String table;

		private final List<String> columns = new ArrayList<>();

		private final List<String> referred = new ArrayList<>();

		private String onUpdate;

		private String onDelete;

	}

	private static final class IndexRow {

		private String table;

		private String name;

		private boolean unique;

		private String origin;

		private String sql;

		private boolean expressions;

		private final List<String> columns = new ArrayList<>();

	}

}
