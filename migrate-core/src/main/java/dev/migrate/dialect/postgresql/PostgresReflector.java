package dev.migrate.dialect.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import dev.migrate.schema.UniqueConstraint;

/**
 * PostgreSQL reflection from {@code pg_catalog}: three queries for the whole schema (columns,
 * constraints, indexes), whatever the number of tables.
 */
public class PostgresReflector implements SchemaReflector {

	private static final String COLUMNS = """
			SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
			       pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum),
			       obj_description(c.oid, 'pg_class'), a.attgenerated
			FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
			ORDER BY c.relname, a.attnum
			""";

	private static final String CONSTRAINTS = """
			SELECT c.relname, con.conname, con.contype,
			       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
			             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
			       fn.nspname, fc.relname,
			       ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
			             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
			       con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid, true)
			FROM pg_constraint con
			JOIN pg_class c ON c.oid = con.conrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_class fc ON fc.oid = con.confrelid
			LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
			WHERE n.nspname = ? AND con.contype IN ('p', 'u', 'f', 'c')
			ORDER BY c.relname, con.conname
			""";

	private static final String INDEXES = """
			SELECT t.relname, i.relname, ix.indisunique, pg_get_expr(ix.indpred, ix.indrelid),
			       ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k ORDER BY k),
			       0 = ANY (ix.indkey::int2[])
			FROM pg_index ix
			JOIN pg_class i ON i.oid = ix.indexrelid
			JOIN pg_class t ON t.oid = ix.indrelid
			JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname = ? AND NOT ix.indisprimary
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
			ORDER BY t.relname, i.relname
			""";

	private static final Pattern SERIAL_DEFAULT = Pattern.compile("^nextval\\('.*'::regclass\\)$");

	private static final Pattern CHECK = Pattern.compile("^CHECK \\((.*)\\)( NOT VALID)?$", Pattern.DOTALL);

	@Override
	public SchemaSnapshot reflect(Connection connection, String schema) throws SQLException {
		String nsp = (schema != null) ? schema : currentSchema(connection);
		SchemaAssembler assembler = new SchemaAssembler(schema);
		try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(1);
					assembler.table(table, rs.getString(8));
					String name = rs.getString(2);
					if (name == null) {
						continue;
					}
					String nativeType = rs.getString(3);
					String dflt = rs.getString(5);
					String identity = rs.getString(6);
					boolean auto = (identity != null && !identity.isEmpty());
					if (dflt != null && SERIAL_DEFAULT.matcher(dflt).matches()) {
						auto = true;
						dflt = null;
					}
					String generated = rs.getString(9);
					if (generated != null && !generated.isEmpty()) {
						dflt = null;
					}
					ColumnType type = TypeNames.parse(nativeType);
					assembler.column(table, new Column(name, type, !rs.getBoolean(4), dflt, false, auto, rs.getString(7)));
				}
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(CONSTRAINTS)) {
			ps.setString(1, nsp);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String table = rs.getString(1);
					String name = rs.getString(2);
					List<String> columns = strings(rs.getArray(4));
					switch (rs.getString(3)) {
						case "p" -> assembler.primaryKey(table, name, columns);
						case "u" -> assembler.unique(table, new UniqueConstraint(name, columns));
						case "f" -> {
							String refSchema = rs.getString(5);
							assembler.foreignKey(table,
									new ForeignKey(name, columns, refSchema.equals(nsp) ? null : refSchema,
											rs.getString(6), strings(rs.getArray(7)),
											SchemaAssembler.action(rs.getString(8)),
											SchemaAssembler.action(rs.getString(9))));
						}
						case "c" -> {
							Matcher m = CHECK.matcher(rs.getString(10));
							assembler.check(table, new CheckConstraint(name, m.matches() ? m.group(1) : rs.getString(10)));
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
					String table = rs.getString(1);
					List<String> columns = new ArrayList<>(strings(rs.getArray(5)));
					boolean expressions = rs.getBoolean(6);
					if (!expressions) {
						columns.replaceAll(PostgresReflector::unquote);
					}
					assembler.index(table,
							new Index(rs.getString(2), table, columns, rs.getBoolean(3), rs.getString(4), expressions));
				}
			}
		}
		return assembler.build();
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

	private static String unquote(String identifier) {
		if (identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
			return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
		}
		return identifier;
	}

}
