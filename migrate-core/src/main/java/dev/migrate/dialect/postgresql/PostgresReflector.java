package dev.migrate.dialect.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
 * PostgreSQL reflection from {@code pg_catalog}: three queries for the whole schema (columns,
 * constraints, indexes), whatever the number of tables.
 */
public class PostgresReflector implements SchemaReflector {

	private static final String COLUMNS = """
			SELECT c.oid, c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
			       pg_get_expr(d.adbin, d.adrelid), a.attidentity, cd.description, td.description, a.attgenerated,
			       c.relkind,
			       CASE WHEN ty.typtype = 'e' THEN ty.typname END,
			       CASE WHEN ty.typtype = 'e' THEN ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = ty.oid
			         ORDER BY e.enumsortorder)::text[] END
			FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			LEFT JOIN pg_type ty ON ty.oid = a.atttypid
			LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
			LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum
			LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
			ORDER BY c.relname, a.attnum
			""";

	/** Column numbers are resolved from the columns query; only keys into other schemas are named here. */
	private static final String CONSTRAINTS = """
			SELECT con.conrelid, con.conname, con.contype, con.conkey, fn.nspname, fc.relname, con.confrelid, con.confkey,
			       CASE WHEN fn.nspname <> n.nspname THEN ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
			             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) END,
			       con.confdeltype, con.confupdtype,
			       CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END
			FROM pg_constraint con
			JOIN pg_class c ON c.oid = con.conrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_class fc ON fc.oid = con.confrelid
			LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
			WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c')
			ORDER BY c.relname, con.conname
			""";

	/** Plain columns are resolved from the columns query; expression indexes are rendered by the server. */
	private static final String INDEXES = """
			SELECT ix.indrelid, i.relname, ix.indisunique, pg_get_expr(ix.indpred, ix.indrelid),
			       ix.indkey::int2[],
			       CASE WHEN 0 = ANY (ix.indkey::int2[]) THEN
			         ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k) END,
			       ix.indnkeyatts
			FROM pg_index ix
			JOIN pg_class i ON i.oid = ix.indexrelid
			JOIN pg_class t ON t.oid = ix.indrelid
			JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname = ? AND NOT ix.indisprimary
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
			ORDER BY t.relname, i.relname
			""";

	/** Sequences no column owns (SERIAL's are 'a'uto dependencies of their column, identity's 'i'nternal). */
	private static final String SEQUENCES = """
			SELECT c.relname, s.seqstart, s.seqincrement
			FROM pg_sequence s
			JOIN pg_class c ON c.oid = s.seqrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			  AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
			ORDER BY c.relname
			""";

	private static final Pattern SERIAL_DEFAULT = Pattern.compile("^nextval\\('.*'::regclass\\)$");

	private static final Pattern CHECK = Pattern.compile("^CHECK \\((.*)\\)( NOT VALID)?$", Pattern.DOTALL);

	@Override
	public SchemaSnapshot reflect(Connection connection, String schema) throws SQLException {
		String nsp = (schema != null) ? schema : currentSchema(connection);
		SchemaAssembler assembler = new SchemaAssembler(schema);
		Map<Long, String> tableNames = new HashMap<>();
		java.util.Set<String> views = new java.util.HashSet<>();
		Map<Long, Map<Integer, String>> columnNames = new HashMap<>();
		try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					long oid = rs.getLong(1);
					String table = rs.getString(2);
					String kind = rs.getString(12);
					if ("v".equals(kind) || "m".equals(kind)) {
						if (views.add(table)) {
							assembler.view(table);
						}
						continue;
					}
					if (tableNames.put(oid, table) == null) {
						assembler.table(table, rs.getString(10));
					}
					String name = rs.getString(4);
					if (name == null) {
						continue;
					}
					columnNames.computeIfAbsent(oid, (k) -> new HashMap<>()).put(rs.getInt(3), name);
					String dflt = rs.getString(7);
					String identity = rs.getString(8);
					boolean isIdentity = (identity != null && !identity.isEmpty());
					boolean auto = isIdentity;
					if (dflt != null && dflt.startsWith("nextval(") && SERIAL_DEFAULT.matcher(dflt).matches()) {
						auto = true;
						dflt = null;
					}
					String generated = rs.getString(11);
					if (generated != null && !generated.isEmpty()) {
						dflt = null;
					}
					ColumnType type = TypeNames.parse(rs.getString(5));
					if (rs.getString(13) != null) {
						// an enum type (CREATE TYPE ... AS ENUM), with its labels in their order
						String[] labels = (String[]) rs.getArray(14).getArray();
						if (labels.length > 0) {
							type = ColumnType.namedEnum(rs.getString(13), labels);
						}
					}
					assembler.column(table, new Column(name, type, !rs.getBoolean(6), dflt, false, auto, rs.getString(9),
							isIdentity));
				}
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(CONSTRAINTS)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					long oid = rs.getLong(1);
					String table = tableNames.get(oid);
					if (table == null) {
						continue;
					}
					String name = rs.getString(2);
					List<String> columns = names(columnNames.get(oid), rs.getArray(4));
					switch (rs.getString(3)) {
						case "p" -> assembler.primaryKey(table, name, columns);
						case "u" -> assembler.unique(table, new UniqueConstraint(name, columns));
						case "f" -> {
							String refSchema = rs.getString(5);
							boolean sameSchema = refSchema.equals(nsp);
							List<String> referred = sameSchema ? names(columnNames.get(rs.getLong(7)), rs.getArray(8))
									: strings(rs.getArray(9));
							assembler.foreignKey(table, new ForeignKey(name, columns, sameSchema ? null : refSchema,
									rs.getString(6), referred, SchemaAssembler.action(rs.getString(10)),
									SchemaAssembler.action(rs.getString(11))));
						}
						case "c" -> {
							String definition = rs.getString(12);
							Matcher m = CHECK.matcher(definition);
							assembler.check(table, new CheckConstraint(name, m.matches() ? m.group(1) : definition));
						}
						default -> {
						}
					}
				}
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(INDEXES)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					long oid = rs.getLong(1);
					String table = tableNames.get(oid);
					if (table == null) {
						continue;
					}
					Array expressions = rs.getArray(6);
					List<String> columns = (expressions != null) ? strings(expressions)
							: names(columnNames.get(oid), rs.getArray(5));
					columns = columns.subList(0, Math.min(columns.size(), rs.getInt(7))); // without INCLUDE columns
					assembler.index(table, new Index(rs.getString(2), table, columns, rs.getBoolean(3), rs.getString(4),
							expressions != null));
				}
			}
		}
		List<Sequence> sequences = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(SEQUENCES)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					sequences.add(new Sequence(schema, rs.getString(1), rs.getLong(2), rs.getLong(3)));
				}
			}
		}
		return assembler.build().withSequences(sequences);
	}

	/** Column names for attribute numbers. */
	private static List<String> names(Map<Integer, String> columns, Array attnums) throws SQLException {
		if (attnums == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (Object n : (Object[]) attnums.getArray()) {
			String name = (columns != null) ? columns.get(((Number) n).intValue()) : null;
			names.add((name != null) ? name : "?");
		}
		return names;
	}

	private static String currentSchema(Connection connection) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT current_schema()");
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		return Arrays.stream(values).map(String::valueOf).toList();
	}

}
