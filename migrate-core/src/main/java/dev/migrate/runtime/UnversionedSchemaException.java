package dev.migrate.runtime;

import java.util.List;

import dev.migrate.MigrateException;

/**
 * An upgrade found tables in the schema but no version table: the database was built by other
 * means (by hand, {@code schema.sql}, Hibernate, another tool), so Migrate cannot tell which
 * revisions it already holds. Nothing was changed. The way on is to stamp the revision the schema
 * matches ({@code migrate stamp <rev>}, the {@code baseline-revision} setting) and upgrade from
 * there, or {@code baseline-revision=base} to apply every revision anyway.
 */
public class UnversionedSchemaException extends MigrateException {

	private final String schema;

	private final String versionTable;

	private final List<String> tables;

	private final List<String> bases;

	/**
	 * @param schema the schema looked at (as the connection reports it), or null
	 * @param versionTable the version table that is missing
	 * @param tables the tables found (sorted)
	 * @param bases the graph's base revisions
	 */
	public UnversionedSchemaException(String schema, String versionTable, List<String> tables, List<String> bases) {
		super(message(schema, versionTable, tables));
		this.schema = schema;
		this.versionTable = versionTable;
		this.tables = List.copyOf(tables);
		this.bases = List.copyOf(bases);
	}

	private static String message(String schema, String versionTable, List<String> tables) {
		return ((schema != null) ? "Schema '" + schema + "'" : "The database") + " already has " + tables.size()
				+ " table" + ((tables.size() == 1) ? "" : "s") + " (" + shortList(tables) + ") but no version table '"
				+ versionTable + "', so it is not known which revisions it holds; nothing was changed. If it matches"
				+ " revision <rev>, run 'migrate stamp <rev>' (or set baseline-revision=<rev>) and upgrade from there;"
				+ " baseline-revision=base applies every revision anyway";
	}

	/** At most five names, then how many more. */
	static String shortList(List<String> names) {
		if (names.size() <= 5) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
	}

	/** The schema looked at, or null when the database has no schemas. */
	public String schema() {
		return this.schema;
	}

	/** The version table that does not exist. */
	public String versionTable() {
		return this.versionTable;
	}

	/** The tables found, sorted. */
	public List<String> tables() {
		return this.tables;
	}

	/** The base revisions of the revision graph (what {@code baseline-on-migrate} would stamp). */
	public List<String> bases() {
		return this.bases;
	}

}
