package dev.migrate.autogenerate;

import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.dialect.Dialect;
import dev.migrate.schema.SchemaSnapshot;

/**
 * Compares models with the live database and renders the result as a revision for a person to
 * review. CONTRACT STUB — implemented by the autogenerate work; signatures are fixed.
 */
public final class Autogenerate {

	private Autogenerate() {
	}

	/**
	 * Reflects {@code schema} (null: default) of the database and compares it with {@code models}.
	 * {@code ignoredTables} are never reported (the version table, the log table).
	 * @param dialect the dialect, or null to detect it from the connection
	 */
	public static SchemaDiff compare(DataSource dataSource, Dialect dialect, String schema, SchemaSnapshot models,
			CompareOptions options, Set<String> ignoredTables) {
		throw new UnsupportedOperationException("pending: autogenerate work in progress");
	}

	/** Java source of the body of {@code upgrade(Operations op)} and {@code downgrade(Operations op)}. */
	public static RenderedRevision renderJava(SchemaDiff diff) {
		throw new UnsupportedOperationException("pending: autogenerate work in progress");
	}

	/** SQL of the upgrade and downgrade sections, rendered for {@code dialect}. */
	public static RenderedRevision renderSql(SchemaDiff diff, Dialect dialect) {
		throw new UnsupportedOperationException("pending: autogenerate work in progress");
	}

	/**
	 * A rendered revision body.
	 *
	 * @param upgrade code or SQL of the upgrade
	 * @param downgrade code or SQL of the downgrade
	 * @param imports Java imports the code needs (empty for SQL)
	 */
	public record RenderedRevision(String upgrade, String downgrade, java.util.List<String> imports) {
	}

}
