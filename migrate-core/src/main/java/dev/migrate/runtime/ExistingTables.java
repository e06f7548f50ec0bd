package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.dialect.Dialect;

/**
 * The tables of a schema that are not Migrate's own (version table, log table, lock row table),
 * for the check an upgrade makes when the version table does not exist yet.
 */
final class ExistingTables {

	private ExistingTables() {
	}

	/**
	 * The application tables of {@code schema} (null: the connection's), sorted; one catalog
	 * look-up through the dialect.
	 * @param own Migrate's table names (any case); {@code <name>_lock} is excluded too
	 */
	static List<String> foreign(Connection connection, Dialect dialect, String schema, Set<String> own)
			throws SQLException {
		Set<String> excluded = new java.util.HashSet<>();
		for (String name : own) {
			if (name != null) {
				excluded.add(name.toLowerCase(Locale.ROOT));
				excluded.add(name.toLowerCase(Locale.ROOT) + "_lock");
			}
		}
		List<String> out = new ArrayList<>();
		for (String table : dialect.tableNames(connection, schema)) {
			if (!excluded.contains(table.toLowerCase(Locale.ROOT))) {
				out.add(table);
			}
		}
		if (!out.isEmpty() && dialect.tablesWithColumn(connection, schema, "version_num")
			.stream()
			.anyMatch((t) -> !excluded.contains(t.toLowerCase(Locale.ROOT)))) {
			// another revision graph's version table (Alembic's several version tables in one
			// schema): these tables are managed by migrations, not built by other means
			return List.of();
		}
		out.sort(String.CASE_INSENSITIVE_ORDER);
		return out;
	}

}
