package dev.migrate.autogenerate;

import java.util.Set;

/**
 * What autogenerate and the drift check compare.
 *
 * @param compareType compare column types (Alembic's {@code compare_type})
 * @param compareServerDefault compare server defaults (Alembic's {@code compare_server_default})
 * @param includeTables only these tables (empty: all)
 * @param excludeTables never these tables (the version and log tables are always excluded)
 */
public record CompareOptions(boolean compareType, boolean compareServerDefault, Set<String> includeTables,
		Set<String> excludeTables) {

	public CompareOptions {
		includeTables = Set.copyOf(includeTables);
		excludeTables = Set.copyOf(excludeTables);
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
