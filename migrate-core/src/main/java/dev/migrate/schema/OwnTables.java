package dev.migrate.schema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Migrate's own tables, the one place that knows them: the version table, the lock-row table H2
 * and SQLite keep beside it ({@code <version table>_lock}, {@code <schema>_<version table>_lock}),
 * the checksums of applied revisions ({@code <version table>_checksums}) and the log table. The drift check, autogenerate and the upgrade of an unversioned schema never
 * treat them as the application's.
 *
 * <p>Two ways to recognise them: by the names a configuration gives them ({@link #names}), and by
 * their shape ({@link #recognise}), so that a table Migrate created under a name this run was not
 * told — the log table the Spring Boot starter writes, seen by the command line configured without
 * {@code log-table} — is not reported as drift either. A shape is the exact set of column names
 * Migrate creates; an application table with exactly those columns and no model is vanishingly
 * unlikely, and a table the models declare is always compared. A new table of Migrate's adds its
 * name to {@link #names} and its columns to {@link #SHAPES}.
 */
public final class OwnTables {

	/** What one of Migrate's tables is, and the columns it has. */
	public record Shape(String kind, Set<String> columns) {

		public Shape {
			columns = Set.copyOf(columns);
		}

	}

	/** The column sets Migrate creates, lower case (a table of an earlier release included). */
	public static final List<Shape> SHAPES = List.of(
			// VersionTable: Alembic's alembic_version layout
			new Shape("version table", Set.of("version_num")),
			// LogTable
			new Shape("log table", Set.of("revision", "direction", "started_at", "duration_ms", "success", "error",
					"installed_by", "hostname")),
			// LeaseTable, and the lock row of the release before leases
			new Shape("lock table", Set.of("lock_id", "locked_at", "owner", "token", "expires_at")),
			new Shape("lock table", Set.of("lock_id", "locked_at")),
			// ChecksumTable
			new Shape("checksum table", Set.of("revision", "checksum", "recorded_at")));

	private OwnTables() {
	}

	/**
	 * The names (lower case) of the tables a configuration owns.
	 * @param versionTable the version table
	 * @param schema the schema of the version table, or null
	 * @param logTable the log table, or null for none
	 */
	public static Set<String> names(String versionTable, String schema, String logTable) {
		Set<String> names = new LinkedHashSet<>();
		if (versionTable != null) {
			String version = lower(versionTable);
			names.add(version);
			names.add(version + "_lock");
			names.add(version + dev.migrate.runtime.ChecksumTable.SUFFIX);
			if (schema != null) {
				names.add(lower(schema) + "_" + version + "_lock");
			}
		}
		if (logTable != null) {
			names.add(lower(logTable));
		}
		return names;
	}

	/** Whether {@code name} is one of {@code names} (as {@link #names} gives them), in any case. */
	public static boolean named(Set<String> names, String name) {
		return name != null && names.contains(lower(name));
	}

	/**
	 * What {@code table} is when its columns are exactly those of one of Migrate's tables
	 * ("log table", ...), else null.
	 */
	public static String recognise(Table table) {
		Set<String> columns = new LinkedHashSet<>();
		for (Column column : table.columns()) {
			columns.add(lower(column.name()));
		}
		for (Shape shape : SHAPES) {
			if (shape.columns().equals(columns)) {
				return shape.kind();
			}
		}
		return null;
	}

	private static String lower(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
