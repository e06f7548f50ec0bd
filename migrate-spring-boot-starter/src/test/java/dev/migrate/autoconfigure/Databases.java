package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/** Reads a test database directly, to assert what the starter did to it. */
final class Databases {

	private Databases() {
	}

	/** Version rows, sorted; empty when the table does not exist. */
	static List<String> versions(DataSource dataSource, String table) {
		if (!tableExists(dataSource, table)) {
			return List.of();
		}
		List<String> rows = new ArrayList<>();
		try (Connection c = dataSource.getConnection();
				ResultSet rs = c.createStatement().executeQuery("SELECT version_num FROM " + table + " ORDER BY version_num")) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	static List<String> versions(DataSource dataSource) {
		return versions(dataSource, "migrate_version");
	}

	/** Whether a table exists, whatever the case the database folds names to. */
	static boolean tableExists(DataSource dataSource, String table) {
		try (Connection c = dataSource.getConnection()) {
			for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
				try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
					if (rs.next()) {
						return true;
					}
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first column of every row of a query, as strings. */
	static List<String> query(DataSource dataSource, String sql) {
		List<String> rows = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	static void execute(DataSource dataSource, String sql) {
		try (Connection c = dataSource.getConnection()) {
			c.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
