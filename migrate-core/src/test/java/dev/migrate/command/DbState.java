package dev.migrate.command;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.sql.DataSource;

/** Reads what tests assert: the test tables that exist and the version rows, straight from the database. */
final class DbState {

	private DbState() {
	}

	/** Names (lower case, sorted) of the tables whose name starts with {@code prefix}, in the connection's schema. */
	static List<String> tables(DataSource dataSource, String prefix) {
		try (Connection c = dataSource.getConnection()) {
			DatabaseMetaData md = c.getMetaData();
			TreeSet<String> names = new TreeSet<>();
			boolean schemas = md.supportsSchemasInTableDefinitions();
			String schema = schemas ? c.getSchema() : null;
			String catalog = schemas ? null : c.getCatalog();
			try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					String type = rs.getString("TABLE_TYPE");
					if (name.startsWith(prefix) && type != null && type.toUpperCase(Locale.ROOT).contains("TABLE")
							&& !type.toUpperCase(Locale.ROOT).contains("SYSTEM")) {
						names.add(name);
					}
				}
			}
			return new ArrayList<>(names);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a table exists (any case). */
	static boolean exists(DataSource dataSource, String table) {
		return tables(dataSource, table.toLowerCase(Locale.ROOT)).contains(table.toLowerCase(Locale.ROOT));
	}

	/** The version rows, sorted. */
	static List<String> rows(DataSource dataSource, String table) {
		return query(dataSource, "SELECT version_num FROM " + table + " ORDER BY version_num");
	}

	/** The first column of every row of a query. */
	static List<String> query(DataSource dataSource, String sql) {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			List<String> out = new ArrayList<>();
			while (rs.next()) {
				out.add(rs.getString(1));
			}
			return out;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs one statement. */
	static void execute(DataSource dataSource, String sql) {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
