package dev.migrate.autogenerate;

import java.util.Set;

/**
 * What autogenerate and the drift check compare.
 *
 * @param compareType compare column types (Alembic's {@code compare_type})
 * @param compareServerDefault compare server defaults (Alembic's {@code compare_server_default})
 * @param includeTables only these tables (empty: all)
 * @param excludeTables never these tables (the version and log tables are always excluded)
 * @param driftExtras what to do with tables, keys, indexes and constraints only the database has
 */
public record CompareOptions(boolean compareType, boolean compareServerDefault, Set<String> includeTables,
		Set<String> excludeTables, DriftExtras driftExtras) {

	public CompareOptions {
		includeTables = Set.copyOf(includeTables);
		excludeTables = Set.copyOf(excludeTables);
		driftExtras = (driftExtras != null) ? driftExtras : DriftExtras.REPORT;
	}

	/** Options whose extras are {@link DriftExtras#REPORT reported}. */
	public CompareOptions(boolean compareType, boolean compareServerDefault, Set<String> includeTables,
			Set<String> excludeTables) {
		this(compareType, compareServerDefault, includeTables, excludeTables, DriftExtras.REPORT);
	}

	/** These options with {@code extras}. */
	public CompareOptions withDriftExtras(DriftExtras extras) {
		return new CompareOptions(this.compareType, this.compareServerDefault, this.includeTables, this.excludeTables,
				extras);
	}

	/** Alembic's defaults: types compared, server defaults not. */
	public static CompareOptions defaults() {
		return new CompareOptions(true, false, Set.of(), Set.of());
	}

	/** Strict: types and server defaults compared (production). */
	public static CompareOptions strict() {
		return new CompareOptions(true, true, Set.of(), Set.of());
	}

}
