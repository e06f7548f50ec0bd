package dev.migrate.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrate.reflect.SchemaAssembler;
import dev.migrate.reflect.SchemaReflector;
import dev.migrate.reflect.TypeNames;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Sequence;
import dev.migrate.schema.UniqueConstraint;

/**
 * MySQL and MariaDB reflection from {@code information_schema}: four queries for the whole schema
 * (columns, key constraints, indexes, check constraints). Unique indexes are reported as unique constraints
 * (MySQL does not tell them apart); the indexes MySQL creates for foreign keys are reported as indexes. Check
 * constraints come from {@code CHECK_CONSTRAINTS} (MySQL 8.0.16 and later, MariaDB 10.2.22 and later; without
 * it the snapshot's checks are not known), without the {@code json_valid(c)} check MariaDB gives a JSON column.
 */
public class MySqlReflector implements SchemaReflector {

	private static final String COLUMNS = """
			SELECT t.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,
			       c.COLUMN_COMMENT, t.TABLE_COMMENT, VERSION(), t.TABLE_TYPE
			FROM information_schema.TABLES t
			LEFT JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
			WHERE t.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')
			ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION
			""";

	private static final String CONSTRAINTS = """
			SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,
			       k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, rc.DELETE_RULE, rc.UPDATE_RULE
			FROM information_schema.TABLE_CONSTRAINTS tc
			JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
			  AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND k.TABLE_NAME = tc.TABLE_NAME
			LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
			  AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME AND rc.TABLE_NAME = tc.TABLE_NAME
			WHERE tc.TABLE_SCHEMA = COALESCE(?, DATABASE())
			  AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
			ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION
			""";

	private static final String INDEXES = """
			SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME
			FROM information_schema.STATISTICS
			WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND INDEX_NAME <> 'PRIMARY'
			ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
			""";

	/** MariaDB's checks carry their table (a check's name is unique in its table only) and level. */
	private static final String MARIADB_CHECKS = """
			SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL
			FROM information_schema.CHECK_CONSTRAINTS
			WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE())
			ORDER BY TABLE_NAME, CONSTRAINT_NAME
			""";

	/** MySQL's checks (names unique in the schema) get their table from TABLE_CONSTRAINTS. */
	private static final String MYSQL_CHECKS = """
			SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, 'Table'
			FROM information_schema.TABLE_CONSTRAINTS tc
			JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
			  AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			WHERE tc.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND tc.CONSTRAINT_TYPE = 'CHECK'
			ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME
			""";

	@Override
	public SchemaSnapshot reflect(Connection connection, String schema) throws SQLException {
		SchemaAssembler assembler = new SchemaAssembler(schema);
		java.util.Set<String> views = new java.util.HashSet<>();
		try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(1);
					if ("VIEW".equals(rs.getString(10))) {
						if (views.add(table)) {
							assembler.view(table);
						}
						continue;
					}
					String tableComment = rs.getString(8);
					assembler.table(table, (tableComment == null || tableComment.isEmpty()) ? null : tableComment);
					String name = rs.getString(2);
					if (name == null) {
						continue;
					}
					boolean mariaDb = rs.getString(9).toLowerCase(Locale.ROOT).contains("mariadb");
					String extra = (rs.getString(6) != null) ? rs.getString(6).toLowerCase(Locale.ROOT) : "";
					String comment = rs.getString(7);
					ColumnType type = TypeNames.parse(rs.getString(3));
					String dflt = serverDefault(rs.getString(5), extra, mariaDb, type);
					assembler.column(table, new Column(name, type, "YES".equals(rs.getString(4)), dflt, false,
							extra.contains("auto_increment"), (comment == null || comment.isEmpty()) ? null : comment));
				}
			}
		}
		Map<String, Key> keys = new LinkedHashMap<>();
		Set<String> constraintIndexes = new HashSet<>();
		try (PreparedStatement ps = connection.prepareStatement(CONSTRAINTS)) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(1);
					String name = rs.getString(2);
					Key key = keys.computeIfAbsent(table + "\u0000" + name, (k) -> new Key(table, name));
					key.type = rs.getString(3);
					key.columns.add(rs.getString(4));
					key.refSchema = rs.getString(5);
					key.refTable = rs.getString(6);
					if (rs.getString(7) != null) {
						key.refColumns.add(rs.getString(7));
					}
					key.onDelete = rs.getString(8);
					key.onUpdate = rs.getString(9);
					if (!"FOREIGN KEY".equals(key.type)) {
						constraintIndexes.add(table + "\u0000" + name);
					}
				}
			}
		}
		String currentSchema = schema;
		for (Key key : keys.values()) {
			switch (key.type) {
				case "PRIMARY KEY" -> assembler.primaryKey(key.table, null, key.columns);
				case "UNIQUE" -> assembler.unique(key.table, new UniqueConstraint(key.name, key.columns));
				case "FOREIGN KEY" -> assembler.foreignKey(key.table,
						new ForeignKey(key.name, key.columns,
								(currentSchema != null && !currentSchema.equals(key.refSchema)) ? key.refSchema : null,
								key.refTable, key.refColumns, action(key.onDelete), action(key.onUpdate)));
				default -> {
				}
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(INDEXES)) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				Map<String, Index> indexes = new LinkedHashMap<>();
				while (rs.next()) {
					String table = rs.getString(1);
					String name = rs.getString(2);
					String id = table + "\u0000" + name;
					if (constraintIndexes.contains(id)) {
						continue;
					}
					Index previous = indexes.get(id);
					List<String> columns = new ArrayList<>((previous != null) ? previous.columns() : List.of());
					columns.add(rs.getString(4));
					indexes.put(id, new Index(name, table, columns, rs.getInt(3) == 0, null, false));
				}
				for (Index index : indexes.values()) {
					assembler.index(index.table(), index);
				}
			}
		}
		boolean mariaDb = mariaDb(connection);
		boolean checksKnown = checks(connection, schema, mariaDb, assembler);
		SchemaSnapshot snapshot = assembler.build();
		if (!checksKnown) {
			snapshot = snapshot.withChecksUnknown();
		}
		return mariaDb ? snapshot.withSequences(sequences(connection, schema)) : snapshot;
	}

	/**
	 * Reads the check constraints into {@code assembler}; false when the server has no
	 * {@code information_schema.CHECK_CONSTRAINTS} (MySQL before 8.0.16, which parses checks and ignores them;
	 * MariaDB before 10.2.22), so its checks are not known.
	 */
	private static boolean checks(Connection connection, String schema, boolean mariaDb, SchemaAssembler assembler)
			throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(mariaDb ? MARIADB_CHECKS : MYSQL_CHECKS)) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(1);
					String name = rs.getString(2);
					String clause = checkClause(rs.getString(3), mariaDb);
					if (!isJsonValid(name, clause, rs.getString(4))) {
						assembler.check(table, new dev.migrate.schema.CheckConstraint(name, clause));
					}
				}
			}
			return true;
		}
		catch (SQLException ex) {
			// ER_UNKNOWN_TABLE (1109) / 42S02: no CHECK_CONSTRAINTS in this server's information_schema
			if (ex.getErrorCode() == 1109 || "42S02".equals(ex.getSQLState())) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * A check's condition as SQL: MySQL escapes the quotes of its literals ({@code _utf8mb4\'A\'}), which are
	 * unescaped; the character set introducers of literals ({@code _utf8mb4'A'}) are left out.
	 */
	static String checkClause(String clause, boolean mariaDb) {
		String sql = mariaDb ? clause : unescape(clause);
		return INTRODUCER.matcher(sql).replaceAll("");
	}

	private static final java.util.regex.Pattern INTRODUCER = java.util.regex.Pattern
		.compile("(?<![A-Za-z0-9_$`'])_[A-Za-z0-9]+(?=')");

	private static String unescape(String clause) {
		StringBuilder sb = new StringBuilder(clause.length());
		for (int i = 0; i < clause.length(); i++) {
			char c = clause.charAt(i);
			if (c == '\\' && i + 1 < clause.length()) {
				c = clause.charAt(++i);
			}
			sb.append(c);
		}
		return sb.toString();
	}

	/** MariaDB's own check of a JSON column (a LONGTEXT): column level, named after the column, {@code json_valid(`c`)}. */
	static boolean isJsonValid(String name, String clause, String level) {
		return "Column".equalsIgnoreCase(level)
				&& clause.replace("`", "").replace(" ", "").equalsIgnoreCase("json_valid(" + name + ")");
	}

	private static boolean mariaDb(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb")
				|| "MariaDB".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
	}

	/** MariaDB's sequences: tables of type SEQUENCE, each read for its start and increment. */
	private static List<Sequence> sequences(Connection connection, String schema) throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_TYPE = 'SEQUENCE' ORDER BY TABLE_NAME")) {
			ps.setString(1, schema);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
		}
		List<Sequence> sequences = new ArrayList<>();
		for (String name : names) {
			String qualified = ((schema != null) ? "`" + schema.replace("`", "``") + "`." : "") + "`"
					+ name.replace("`", "``") + "`";
			try (PreparedStatement ps = connection.prepareStatement("SELECT start_value, increment FROM " + qualified);
					ResultSet rs = ps.executeQuery()) {
				if (rs.next()) {
					sequences.add(new Sequence(schema, name, rs.getLong(1), rs.getLong(2)));
				}
			}
		}
		return sequences;
	}

	/** A referential action; RESTRICT, what MySQL reports for an unspecified one, is the default. */
	private static String action(String rule) {
		String action = SchemaAssembler.action(rule);
		return "RESTRICT".equals(action) ? null : action;
	}

	/**
	 * The default as SQL text: MariaDB reports literals quoted and {@code NULL} for none; MySQL
	 * reports literals bare and marks expressions {@code DEFAULT_GENERATED}.
	 */
	static String serverDefault(String value, String extra, boolean mariaDb, ColumnType type) {
		if (value == null) {
			return null;
		}
		if (mariaDb) {
			if ("NULL".equals(value)) {
				return null;
			}
			String literal = mariaDbStringLiteralValue(value);
			return (literal != null) ? "'" + literal.replace("'", "''") + "'" : value;
		}
		if (extra.contains("default_generated") || value.matches("-?\\d+(\\.\\d+)?")
				|| value.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP")
				|| (type.kind() == ColumnType.Kind.BOOLEAN && value.matches("b?'?[01]'?"))) {
			return value;
		}
		return "'" + value.replace("'", "''") + "'";
	}

	/**
	 * The value of {@code sql} when it is exactly one MySQL-escaped string literal, as MariaDB
	 * reports string defaults ({@code 'a\\b''c'}), else null.
	 */
	static String mariaDbStringLiteralValue(String sql) {
		if (sql.length() < 2 || sql.charAt(0) != '\'' || sql.charAt(sql.length() - 1) != '\'') {
			return null;
		}
		StringBuilder value = new StringBuilder();
		int end = sql.length() - 1;
		for (int i = 1; i < end; i++) {
			char c = sql.charAt(i);
			if (c == '\\') {
				if (i + 1 >= end) {
					return null;
				}
				char next = sql.charAt(++i);
				switch (next) {
					case '0' -> value.append('\0');
					case 'b' -> value.append('\b');
					case 'n' -> value.append('\n');
					case 'r' -> value.append('\r');
					case 't' -> value.append('\t');
					case 'Z' -> value.append('\u001a');
					// MySQL keeps the backslash of \% and \_ (they are LIKE escapes)
					case '%', '_' -> value.append('\\').append(next);
					default -> value.append(next);
				}
			}
			else if (c == '\'') {
				if (i + 1 < end && sql.charAt(i + 1) == '\'') {
					value.append('\'');
					i++;
				}
				else {
					// a quote that closes the literal before the end: 'a' 'b'
					return null;
				}
			}
			else {
				value.append(c);
			}
		}
		return value.toString();
	}

	private static final class Key {

		private final String table;

		private final String name;

		private String type;

		private final List<String> columns = new ArrayList<>();

		private String refSchema;

		private String refTable;

		private final List<String> refColumns = new ArrayList<>();

		private String onDelete;

		private String onUpdate;

		Key(String table, String name) {
			this.table = table;
			this.name = name;
		}

	}

}
