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
	 * This dialect as it writes SQL for {@code server}, where that differs by server version (the
	 * {@code mysql} dialect: UUID columns as Hibernate 7 expects them, {@code uuid} on MariaDB 10.7 and
	 * later, {@code BINARY(16)} before and on MySQL); this dialect itself by default, and when
	 * {@code server} is null.
	 */
	default Dialect forServer(DatabaseServer server) {
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
	 * Whether the migration lock is a lease row ({@link dev.migrate.runtime.LeaseTable}) rather
	 * than a session lock of the database; the runner then renews the lease while it works.
	 */
	default boolean usesLockRow() {
		return false;
	}

	/**
	 * Whether a lease row may be renewed from a second connection while the run writes on its
	 * own (H2); false where a second writer would collide with the run's writes (SQLite), so the
	 * lease is renewed on the run's connection.
	 */
	default boolean renewsLeaseConcurrently() {
		return true;
	}

	/**
	 * Who holds the migration lock {@code lockName}, or null when nobody does: the lease row, or
	 * the session holding the database lock ({@code pg_locks}/{@code pg_stat_activity},
	 * {@code IS_USED_LOCK}), with how to end it.
	 */
	default dev.migrate.runtime.LockInfo lockInfo(Connection connection, String lockName) throws SQLException {
		return null;
	}

	/**
	 * Releases the migration lock whoever holds it ({@code migrate unlock --force}); false when
	 * it cannot be released from another session (a session lock: end the holding session).
	 */
	default boolean forceReleaseLock(Connection connection, String lockName) throws SQLException {
		return false;
	}

	/** Cancels the statement running on {@code connection}, from another thread (clean shutdown). */
	default void cancelStatement(Connection connection) throws SQLException {
	}

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
	 * Whether the reflector reports check constraints, so that autogenerate and the drift check can
	 * compare them (all dialects do; a reflected database whose catalog has none to read says so in
	 * {@link dev.migrate.schema.SchemaSnapshot#checksKnown()}).
	 */
	default boolean reflectsCheckConstraints() {
		return true;
	}

	/**
	 * Whether an unnamed check of the models (Hibernate's, derived from {@code @Enumerated} and Bean
	 * Validation) that the database lacks is reported and added, under the name PostgreSQL would give
	 * it: where the checks Hibernate writes read back as the comparison matches them (all of Migrate's
	 * dialects: PostgreSQL, MySQL, MariaDB, H2, SQLite). Elsewhere (false by default, for a dialect of
	 * one's own) an unmatched unnamed check is not reported: the database may spell it in a way the
	 * comparison does not read back.
	 */
	default boolean comparesUnnamedChecks() {
		return false;
	}

	/**
	 * Whether an unnamed enumeration ({@code enumOf}) is a column type of its own, {@code ENUM('A','B')}
	 * (MySQL, MariaDB, H2), where Hibernate 7 writes no check of the column's values: the models' check of
	 * them is then not missed when the database lacks it.
	 */
	default boolean nativeEnumColumns() {
		return false;
	}

	/**
	 * Whether the database creates an index of its own for every foreign key that no index
	 * covers (MySQL/MariaDB); autogenerate then neither reports nor drops those indexes.
	 */
	default boolean indexesForeignKeys() {
		return false;
	}

	/**
	 * Driver properties that make connecting and logging in give up after {@code connectTimeout}
	 * (a positive duration), for drivers the engine opens itself from a URL; none by default.
	 */
	default java.util.Map<String, String> connectProperties(Duration connectTimeout) {
		return java.util.Map.of();
	}

	/** Whether RESTRICT is the same as the default NO ACTION (MySQL/MariaDB). */
	default boolean restrictIsNoAction() {
		return false;
	}

	/** Whether tables and columns have comments, which autogenerate then compares (not SQLite). */
	default boolean supportsComments() {
		return true;
	}

	/**
	 * Whether autogenerate compares whether a column's values are generated (identity, SERIAL, AUTO_INCREMENT) with
	 * the models'; not on SQLite, where an {@code INTEGER PRIMARY KEY} is the rowid and generated whatever it says.
	 */
	default boolean comparesGeneratedValues() {
		return true;
	}

	/**
	 * One query that reads the version rows without failing when the table does not exist, or null
	 * where the database has none (then a plain {@code SELECT} is tried and the catalog asked only when
	 * it fails). Its rows: column 1 whether the table exists (boolean), column 2 a version row or NULL
	 * (no version row), column 3 whether the checksum table beside it exists (boolean; so that an
	 * upgrade at head reads the checksums with one plain {@code SELECT} and asks no catalog); at least
	 * one row. PostgreSQL logs every failed statement as an {@code ERROR} in the server log, so there
	 * a first run must not learn of a missing table by failing.
	 * @param qualifiedTable the version table as it appears in SQL, qualified and quoted where needed
	 * @param qualifiedChecksumTable the checksum table, likewise
	 */
	default String versionTableProbe(String qualifiedTable, String qualifiedChecksumTable) {
		return null;
	}

	/**
	 * The statements that make a column generate its values ({@code generated}: identity,
	 * AUTO_INCREMENT; new values above those the table has) or stop generating them, and the
	 * statements that undo them: {@code [sql, reverse]}. Two empty lists (the default) where this
	 * database has no such change: the revision then carries a note instead.
	 * @param qualifiedTable the table as it appears in SQL
	 * @param column the column as the database has it now
	 */
	default List<List<String>> generatedValuesSql(String qualifiedTable, dev.migrate.schema.Column column,
			boolean generated) {
		return List.of(List.of(), List.of());
	}

	/**
	 * One statement that replaces a table's primary key, where the database cannot drop the old key
	 * first; null (the default) where a drop and an add are fine. MySQL/MariaDB refuse to drop a key
	 * that holds the AUTO_INCREMENT column on its own ("there can be only one auto column and it
	 * must be defined as a key"), and between two statements the table would have no key at all.
	 * @param qualifiedTable the table as it appears in SQL
	 * @param target the new key's columns, in order
	 */
	default String replacePrimaryKeySql(String qualifiedTable, List<String> target) {
		return null;
	}

	/**
	 * The {@code migrate lint} rules of this database: statements that lock or rewrite busy tables
	 * here. Dialects add theirs to {@link CommonLintRules#rules()}.
	 */
	default List<dev.migrate.lint.LintRule> lintRules() {
		return CommonLintRules.rules();
	}

	/**
	 * Statements that bound how long the revision's DDL waits for a lock and how long one statement
	 * may run, executed before the revision's first statement; empty where the database has no
	 * such settings. {@code inTransaction}: scoped to the revision's transaction (PostgreSQL
	 * {@code SET LOCAL}); else for the session, undone by {@link #resetTimeoutsSql}.
	 * @param lockTimeout null for the database's default
	 * @param statementTimeout null for the database's default
	 */
	default List<String> timeoutsSql(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		return List.of();
	}

	/** Statements undoing session-level {@link #timeoutsSql} after a revision (empty when scoped to the transaction). */
	default List<String> resetTimeoutsSql(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		return List.of();
	}

	/** Whether this failure is a lock wait that timed out (retried with back-off, see {@code lock-retries}). */
	default boolean isLockTimeout(SQLException failure) {
		return false;
	}

	/**
	 * Who holds the locks {@code statement} waited for, for the failure message after the last
	 * retry (PostgreSQL: {@code pg_stat_activity} of the sessions holding locks on its table), or
	 * null when the database cannot tell.
	 */
	default String lockHolders(Connection connection, String statement) {
		return null;
	}

	/** Reflects the live schema with bulk catalog queries. */
	SchemaReflector reflector();

	/**
	 * The names of the tables (not views, not system tables) of {@code schema}, or of the
	 * connection's current schema (catalog where the database has no schemas) when null: one
	 * catalog look-up. Used when an upgrade finds no version table, to tell an empty schema from
	 * one built by other means.
	 */
	default List<String> tableNames(Connection connection, String schema) throws SQLException {
		return CatalogTables.names(connection, schema);
	}

	/**
	 * The tables of {@code schema} (null: the current one) that have a column of this name, in
	 * one catalog look-up: how an upgrade recognises the version tables of other revision graphs
	 * sharing the schema.
	 */
	default List<String> tablesWithColumn(Connection connection, String schema, String column) throws SQLException {
		return CatalogTables.withColumn(connection, schema, column);
	}


	/**
	 * Whether sessions of one database can run DDL at the same time (tenant schemas migrated in
	 * parallel). H2 cannot: DDL locks its catalog for the session's transaction and a second
	 * session's DDL times out, so its schema tenants of one database run one at a time.
	 */
	default boolean parallelDdl() {
		return true;
	}

	/**
	 * Makes {@code schema} the connection's current schema, where the unqualified names of revisions
	 * resolve (a tenant's run: {@code dev.migrate.command.TenantMigrator}). The name is quoted as
	 * {@link #qualify} quotes it, so it names the schema the version table is in.
	 * @return what {@link #restoreSchema} needs to put the connection back as it was
	 * @throws dev.migrate.ConfigurationException where the database has no schemas
	 */
	default String useSchema(Connection connection, String schema) throws SQLException {
		String before = connection.getSchema();
		try (java.sql.Statement s = connection.createStatement()) {
			s.execute("SET SCHEMA " + quoteIfNeeded(schema));
		}
		return before;
	}

	/** Puts back what {@link #useSchema} changed, from what it returned. */
	default void restoreSchema(Connection connection, String saved) throws SQLException {
		if (saved != null) {
			try (java.sql.Statement s = connection.createStatement()) {
				s.execute("SET SCHEMA " + quote(saved));
			}
		}
	}

}
