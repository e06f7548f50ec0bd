package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The JDBC catalog look-up behind {@link Dialect#tableNames}. */
final class CatalogTables {

	/** What drivers call a plain table: {@code TABLE} (PostgreSQL, MySQL, SQLite), {@code BASE TABLE} (H2 2.x). */
	private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "PARTITIONED TABLE");

	private CatalogTables() {
	}

	static List<String> names(Connection connection, String schema) throws SQLException {
		DatabaseMetaData md = connection.getMetaData();
		boolean catalogs = !md.supportsSchemasInTableDefinitions();
		String container = container(connection, schema, catalogs);
		List<String> out = new ArrayList<>();
		try (ResultSet rs = catalogs ? md.getTables(container, null, "%", null)
				: md.getTables(null, (container != null) ? caseOf(md, container) : null, "%", null)) {
			while (rs.next()) {
				String type = rs.getString("TABLE_TYPE");
				String owner = catalogs ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
				if (type != null && TABLE_TYPES.contains(type.toUpperCase(Locale.ROOT))
						&& (container == null || owner == null || container.equalsIgnoreCase(owner))) {
					out.add(rs.getString("TABLE_NAME"));
				}
			}
		}
		return out;
	}

	static List<String> withColumn(Connection connection, String schema, String column) throws SQLException {
		DatabaseMetaData md = connection.getMetaData();
		boolean catalogs = !md.supportsSchemasInTableDefinitions();
		String container = container(connection, schema, catalogs);
		List<String> out = new ArrayList<>();
		try (ResultSet rs = catalogs ? md.getColumns(container, null, "%", caseOf(md, column))
				: md.getColumns(null, (container != null) ? caseOf(md, container) : null, "%", caseOf(md, column))) {
			while (rs.next()) {
				String owner = catalogs ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
				if (column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))
						&& (container == null || owner == null || container.equalsIgnoreCase(owner))) {
					out.add(rs.getString("TABLE_NAME"));
				}
			}
		}
		return out;
	}

	/** {@code schema}, else the connection's current schema, or its catalog where the database has no schemas. */
	private static String container(Connection connection, String schema, boolean catalogs) throws SQLException {
		if (schema != null) {
			return schema;
		}
		return catalogs ? connection.getCatalog() : currentSchema(connection);
	}

	/** The schema name as the catalog stores unquoted names. */
	private static String caseOf(DatabaseMetaData md, String name) throws SQLException {
		if (md.storesUpperCaseIdentifiers() && name.equals(name.toLowerCase(Locale.ROOT))) {
			return name.toUpperCase(Locale.ROOT);
		}
		if (md.storesLowerCaseIdentifiers() && name.equals(name.toUpperCase(Locale.ROOT))) {
			return name.toLowerCase(Locale.ROOT);
		}
		return name;
	}

	private static String currentSchema(Connection connection) {
		try {
			return connection.getSchema();
		}
		catch (SQLException | AbstractMethodError ex) {
			return null;
		}
	}

}
