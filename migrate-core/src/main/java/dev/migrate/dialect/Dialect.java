package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.migrate.operations.MigrateOperation;
import dev.migrate.reflect.SchemaReflector;
import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.ColumnType;

/**
 * Everything that differs between databases: SQL rendering of operations, type mapping,
 * identifier quoting, literals, capabilities, the migration lock and catalog reflection.
 * Implementations extend {@link DefaultDialect} and override only what differs; they are found
 * through {@code META-INF/services/dev.migrate.dialect.Dialect} by {@link DialectResolver}.
 */
public interface Dialect {

	/** Short name: {@code postgresql}, {@code h2}, {@code sqlite}, {@code mysql}. */
	String name();

	/** Whether this dialect serves the given JDBC URL. */
	boolean handlesJdbcUrl(String url);

	/** Whether this dialect serves a connection whose {@code DatabaseMetaData} reports this product name. */
	boolean handlesProductName(String databaseProductName);

	/** Whether DDL runs inside transactions (a failed revision then leaves nothing behind). */
	boolean transactionalDdl();

	/** Quotes an identifier when it needs quoting (reserved word, case, special characters), else returns it as is. */
	String quoteIfNeeded(String identifier);

	/** Always quotes an identifier, escaping embedded quote characters. */
	String quote(String identifier);

	/** {@code schema.name}, each part quoted as needed; {@code schema} may be null. */
	default String qualify(String schema, String name) {
		return (schema == null || schema.isEmpty()) ? quoteIfNeeded(name)
				: quoteIfNeeded(schema) + "." + quoteIfNeeded(name);
	}

	/** An SQL literal for a Java value (String, Number, Boolean, null, dates, UUID, byte[]), escaped for offline SQL. */
	String literal(Object value);

	/** The SQL type for a portable type. */
	String typeSql(ColumnType type);

	/**
	 * The SQL statements for one operation. {@code context} gives access to the connection where an
	 * operation needs to read the database first (SQLite's batch "move and copy" reflects the table).
	 * @throws UnsupportedOperationOnDialectException before anything runs, when this database
	 * cannot do the operation; the message says what to do instead
	 */
	List<String> render(MigrateOperation operation, MigrationContext context);

	/**
	 * The statements of one operation as an online context runs them: the values of built data
	 * statements ({@code ExecuteStatement}, {@code BulkInsert}) as bind parameters, never as
	 * literals. By default, {@link #render} without parameters.
	 */
	default List<BoundStatement> renderBound(MigrateOperation operation, MigrationContext context) {
		return render(operation, context).stream().map(BoundStatement::of).toList();
	}

	/** Binds one parameter of a {@link BoundStatement} (a value as {@link #renderBound} collected it). */
	default void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		statement.setObject(index, value);
	}

	/**
	 * This dialect set up for a server configured differently from the default, from
	 * {@code key=value} options (the {@code dialect-options} setting), e.g. MySQL's
	 * {@code no_backslash_escapes=true} for offline SQL run where {@code sql_mode} has
	 * {@code NO_BACKSLASH_ESCAPES}.
	 * @throws dev.migrate.ConfigurationException naming an option this dialect does not know
	 */
	default Dialect withOptions(java.util.Map<String, String> options) {
		if (!options.isEmpty()) {
			throw new dev.migrate.ConfigurationException("Unknown dialect option(s) " + options.keySet() + " for the "
					+ name() + " dialect");
		}
		return this;
	}

	/**
	 * Whether the statements of this operation must run outside the revision's transaction
	 * ({@code CREATE INDEX CONCURRENTLY}); {@link dev.migrate.operations.Operations} then runs them in
	 * {@link MigrationContext#autocommitBlock}.
	 */
	default boolean runsOutsideTransaction(MigrateOperation operation) {
		return false;
	}

	/** Statement terminator for offline SQL output. */
	default String statementTerminator() {
		return ";";
	}

	/**
	 * Takes the migration lock for this connection, waiting at most {@code timeout}. Session-level
	 * where the database allows it (PostgreSQL advisory lock, MySQL {@code GET_LOCK}), so that it
	 * survives revisions that run outside a transaction.
	 * @throws dev.migrate.runtime.LockTimeoutException when the lock is not had in time
	 */
	void acquireLock(Connection connection, String lockName, Duration timeout) throws SQLException;

	/** Releases the lock taken by {@link #acquireLock}. */
	void releaseLock(Connection connection, String lockName) throws SQLException;

	/**
	 * The form of a type that autogenerate compares (Alembic's type synonyms): what this database
	 * cannot tell apart is folded together, e.g. SQLite's one INTEGER storage class. Identity by
	 * default.
	 */
	default ColumnType comparableType(ColumnType type) {
		return type;
	}

	/** Whether the database reads a backslash in a string literal as an escape (MySQL/MariaDB). */
	default boolean backslashEscapes() {
		return false;
	}

	/**
	 * Whether ALTERs beyond adding a column or an index need batch mode's "move and copy"
	 * (SQLite), so autogenerate groups a table's changes in one {@code batchAlterTable}.
	 */
	default boolean alterNeedsBatch() {
		return false;
	}

	/**
	 * Whether the database creates an index of its own for every foreign key that no index
	 * covers (MySQL/MariaDB); autogenerate then neither reports nor drops those indexes.
	 */
	default boolean indexesForeignKeys() {
		return false;
	}

	/** Whether RESTRICT is the same as the default NO ACTION (MySQL/MariaDB). */
	default boolean restrictIsNoAction() {
		return false;
	}

	/** Reflects the live schema with bulk catalog queries. */
	SchemaReflector reflector();

}
