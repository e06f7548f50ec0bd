package dev.migrate.dialect.h2;

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
import dev.migrate.schema.Sequence;
import dev.migrate.schema.UniqueConstraint;

/**
 * H2 2.x reflection from {@code INFORMATION_SCHEMA}: three queries for the whole schema (columns,
 * constraints, indexes). Names H2 folded to upper case (unquoted identifiers) are reported in
 * lower case, as SQLAlchemy does for case-insensitive names.
 */
public class H2Reflector implements SchemaReflector {

	private static final String COLUMNS = """
			SELECT t.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION,
			       c.NUMERIC_SCALE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY, c.REMARKS, t.REMARKS, c.IS_GENERATED,
			       t.TABLE_TYPE,
			       (SELECT ARRAY_AGG(ev.VALUE_NAME ORDER BY ev.VALUE_ORDINAL) FROM INFORMATION_SCHEMA.ENUM_VALUES ev
			         WHERE ev.OBJECT_SCHEMA = c.TABLE_SCHEMA AND ev.OBJECT_NAME = c.TABLE_NAME AND ev.OBJECT_TYPE = 'TABLE'
			         AND ev.ENUM_IDENTIFIER = c.DTD_IDENTIFIER),
			       et.DATA_TYPE, et.CHARACTER_MAXIMUM_LENGTH, et.NUMERIC_PRECISION, et.NUMERIC_SCALE
			FROM INFORMATION_SCHEMA.TABLES t
			LEFT JOIN INFORMATION_SCHEMA.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
			LEFT JOIN INFORMATION_SCHEMA.ELEMENT_TYPES et ON c.DATA_TYPE = 'ARRAY' AND et.OBJECT_SCHEMA = c.TABLE_SCHEMA
			  AND et.OBJECT_NAME = c.TABLE_NAME AND et.OBJECT_TYPE = 'TABLE' AND et.COLLECTION_TYPE_IDENTIFIER = c.DTD_IDENTIFIER
			WHERE t.TABLE_SCHEMA = ? AND t.TABLE_TYPE IN ('BASE TABLE', 'VIEW')
			ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION
			""";

	private static final String CONSTRAINTS = """
			SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, kcu.COLUMN_NAME, rk.TABLE_SCHEMA,
			       rk.TABLE_NAME, rk.COLUMN_NAME, rc.DELETE_RULE, rc.UPDATE_RULE, cc.CHECK_CLAUSE, tc.INDEX_NAME
			FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
			LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu
			  ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
			  ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE rk
			  ON rk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND rk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME
			  AND rk.ORDINAL_POSITION = kcu.POSITION_IN_UNIQUE_CONSTRAINT
			LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
			  ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
			WHERE tc.TABLE_SCHEMA = ?
			ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION
			""";

	private static final String INDEXES = """
			SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, ic.COLUMN_NAME
			FROM INFORMATION_SCHEMA.INDEXES i
			JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic
			  ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME
			WHERE i.TABLE_SCHEMA = ? AND i.INDEX_TYPE_NAME <> 'PRIMARY KEY'
			ORDER BY i.TABLE_NAME, i.INDEX_NAME, ic.ORDINAL_POSITION
			""";

	/** Sequences (H2 lists none for identity columns). */
	private static final String SEQUENCES = """
			SELECT SEQUENCE_NAME, START_VALUE, INCREMENT
			FROM INFORMATION_SCHEMA.SEQUENCES
			WHERE SEQUENCE_SCHEMA = ?
			ORDER BY SEQUENCE_NAME
			""";

	/** Indexes H2 creates by itself for a foreign key: {@code <constraint>_INDEX_<n>}. */
	private static final Pattern GENERATED_INDEX = Pattern.compile(".*_INDEX_[0-9A-F]+$");

	private static final int UNBOUNDED_VARCHAR = 1_000_000_000;

	@Override
	public SchemaSnapshot reflect(Connection connection, String schema) throws SQLException {
		String nsp = (schema != null) ? denormalize(schema) : currentSchema(connection);
		SchemaAssembler assembler = new SchemaAssembler(schema);
		java.util.Set<String> views = new java.util.HashSet<>();
		try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = normalize(rs.getString(1));
					if ("VIEW".equals(rs.getString(13))) {
						if (views.add(table)) {
							assembler.view(table);
						}
						continue;
					}
					assembler.table(table, rs.getString(11));
					String name = rs.getString(2);
					if (name == null) {
						continue;
					}
					ColumnType type = type(rs.getString(3), (Long) rs.getObject(4, Long.class),
							rs.getObject(5, Integer.class), rs.getObject(6, Integer.class));
					if ("ENUM".equals(rs.getString(3)) && rs.getArray(14) != null) {
						Object[] labels = (Object[]) rs.getArray(14).getArray();
						type = ColumnType.enumOf(java.util.Arrays.stream(labels).map(String::valueOf).toArray(String[]::new));
					}
					else if ("ARRAY".equals(rs.getString(3)) && rs.getString(15) != null) {
						type = ColumnType.array(type(rs.getString(15), (Long) rs.getObject(16, Long.class),
								rs.getObject(17, Integer.class), rs.getObject(18, Integer.class)));
					}
					boolean identity = "YES".equals(rs.getString(9));
					String dflt = "ALWAYS".equals(rs.getString(12)) ? null : rs.getString(8);
					assembler.column(table, new Column(normalize(name), type, "YES".equals(rs.getString(7)), dflt, false,
							identity, rs.getString(10)));
				}
			}
		}
		Map<String, Constraint> constraints = new LinkedHashMap<>();
		Set<String> constraintIndexes = new HashSet<>();
		try (PreparedStatement ps = connection.prepareStatement(CONSTRAINTS)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(1);
					String name = rs.getString(2);
					Constraint c = constraints.computeIfAbsent(table + "\u0000" + name,
							(k) -> new Constraint(table, name));
					c.type = rs.getString(3);
					if (rs.getString(4) != null && !c.columns.contains(normalize(rs.getString(4)))) {
						c.columns.add(normalize(rs.getString(4)));
					}
					if (rs.getString(6) != null) {
						c.refSchema = rs.getString(5);
						c.refTable = rs.getString(6);
						c.refColumns.add(normalize(rs.getString(7)));
					}
					c.onDelete = rs.getString(8);
					c.onUpdate = rs.getString(9);
					c.check = rs.getString(10);
					String index = rs.getString(11);
					if (index != null && ("PRIMARY KEY".equals(c.type) || "UNIQUE".equals(c.type)
							|| GENERATED_INDEX.matcher(index).matches())) {
						constraintIndexes.add(index);
					}
				}
			}
		}
		for (Constraint c : constraints.values()) {
			String table = normalize(c.table);
			String name = normalize(c.name);
			switch (c.type) {
				case "PRIMARY KEY" -> assembler.primaryKey(table, name, c.columns);
				case "UNIQUE" -> assembler.unique(table, new UniqueConstraint(name, c.columns));
				case "FOREIGN KEY" -> assembler.foreignKey(table,
						new ForeignKey(name, c.columns, nsp.equals(c.refSchema) ? null : c.refSchema,
								normalize(c.refTable), c.refColumns, SchemaAssembler.action(c.onDelete),
								SchemaAssembler.action(c.onUpdate)));
				case "CHECK" -> assembler.check(table, new CheckConstraint(name, c.check));
				default -> {
				}
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(INDEXES)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				String currentTable = null;
				String currentIndex = null;
				boolean unique = false;
				List<String> columns = new ArrayList<>();
				while (rs.next()) {
					String table = rs.getString(1);
					String index = rs.getString(2);
					if (constraintIndexes.contains(index)) {
						continue;
					}
					if (!index.equals(currentIndex) || !table.equals(currentTable)) {
						if (currentIndex != null) {
							addIndex(assembler, currentTable, currentIndex, unique, columns);
						}
						currentTable = table;
						currentIndex = index;
						unique = rs.getString(3).startsWith("UNIQUE");
						columns = new ArrayList<>();
					}
					columns.add(normalize(rs.getString(4)));
				}
				if (currentIndex != null) {
					addIndex(assembler, currentTable, currentIndex, unique, columns);
				}
			}
		}
		List<Sequence> sequences = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(SEQUENCES)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					sequences.add(new Sequence(schema, normalize(rs.getString(1)), rs.getLong(2), rs.getLong(3)));
				}
			}
		}
		return assembler.build().withSequences(sequences);
	}

	private static void addIndex(SchemaAssembler assembler, String table, String index, boolean unique,
			List<String> columns) {
		String t = normalize(table);
		assembler.index(t, new Index(normalize(index), t, columns, unique, null, false));
	}

	static ColumnType type(String dataType, Long length, Integer precision, Integer scale) {
		if (dataType == null) {
			return ColumnType.raw("");
		}
		return switch (dataType) {
			case "CHARACTER VARYING" -> (length == null || length >= UNBOUNDED_VARCHAR) ? ColumnType.string()
					: ColumnType.string(length.intValue());
			case "CHARACTER" -> ColumnType.raw("CHAR(" + ((length != null) ? length : 1) + ")");
			case "BINARY VARYING" -> (length == null || length >= UNBOUNDED_VARCHAR) ? ColumnType.BINARY
					: ColumnType.binary(length.intValue());
			case "NUMERIC", "DECIMAL" -> (precision != null) ? ColumnType.numeric(precision, (scale != null) ? scale : 0)
					: ColumnType.numeric();
			// case-insensitive text keeps its length: not a TEXT column
			case "VARCHAR_IGNORECASE" -> ColumnType.raw((length == null || length >= UNBOUNDED_VARCHAR)
					? "VARCHAR_IGNORECASE" : "VARCHAR_IGNORECASE(" + length + ")");
			case "TINYINT" -> ColumnType.SMALLINT;
			case "DECFLOAT" -> ColumnType.numeric();
			default -> TypeNames.parse(dataType);
		};
	}

	private static String currentSchema(Connection connection) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT CURRENT_SCHEMA");
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** Upper-case names (unquoted in DDL) are reported in lower case. */
	static String normalize(String name) {
		if (name == null) {
			return null;
		}
		return (name.equals(name.toUpperCase(Locale.ROOT)) && !name.equals(name.toLowerCase(Locale.ROOT)))
				? name.toLowerCase(Locale.ROOT) : name;
	}

	/** The catalog spelling of a name given in lower case. */
	static String denormalize(String name) {
		return name.equals(name.toLowerCase(Locale.ROOT)) ? name.toUpperCase(Locale.ROOT) : name;
	}

	private static final class Constraint {

		private final String table;

		private final String name;

		private String type;

		private final List<String> columns = new ArrayList<>();

		private String refSchema;

		private String refTable;

		private final List<String> refColumns = new ArrayList<>();

		private String onDelete;

		private String onUpdate;

		private String check;

		Constraint(String table, String name) {
			this.table = table;
			this.name = name;
		}

	}

}
