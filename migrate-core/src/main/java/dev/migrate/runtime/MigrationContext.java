package dev.migrate.runtime;

import java.sql.Connection;
import java.util.Map;

import dev.migrate.dialect.Dialect;

/**
 * What a running revision sees: the dialect, the connection (online) or the SQL output (offline),
 * and the {@code -x key=value} arguments. {@link dev.migrate.operations.Operations} sends every
 * statement through {@link #executeSql(String)}, so offline mode prints exactly what online mode
 * runs.
 */
public interface MigrationContext {

	Dialect dialect();

	/** True in offline ({@code --sql}) mode: nothing connects, statements are printed. */
	boolean isOffline();

	/**
	 * The connection, inside the revision's transaction where the dialect has transactional DDL.
	 * @throws dev.migrate.MigrateException in offline mode
	 */
	Connection connection();

	/** Runs one SQL statement (online) or prints it followed by the statement terminator (offline). */
	void executeSql(String sql);

	/**
	 * Runs one statement with its values bound as parameters (online; see
	 * {@link Dialect#renderBound}). A context that cannot bind runs a statement without parameters
	 * as {@link #executeSql} and refuses one with parameters.
	 */
	default void execute(dev.migrate.dialect.BoundStatement statement) {
		if (!statement.parameters().isEmpty()) {
			throw new dev.migrate.MigrateException("This context cannot bind parameters: " + statement.sql());
		}
		executeSql(statement.sql());
	}

	/**
	 * Runs {@code work} outside any transaction (autocommit), committing what the revision did so
	 * far first: for statements such as {@code CREATE INDEX CONCURRENTLY} or
	 * {@code ALTER TYPE ... ADD VALUE}. Alembic's {@code autocommit_block()}.
	 */
	void autocommitBlock(Runnable work);

	/** The {@code -x key=value} arguments given on the command line (or by the starter). */
	Map<String, String> arguments();

	/**
	 * Told by {@link dev.migrate.operations.Operations#allow} which lint rules the statements of the
	 * operation about to run may break (empty again after it); only {@code migrate lint}'s
	 * recording context uses it.
	 */
	default void allowLint(java.util.List<String> ruleIds) {
	}

	/** The default schema for unqualified names, or null. */
	default String schema() {
		return null;
	}

}
