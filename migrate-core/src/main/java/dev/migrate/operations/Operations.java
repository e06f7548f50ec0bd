package dev.migrate.operations;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.Column;

/**
 * The operations a revision's {@code upgrade}/{@code downgrade} receives — the Java counterpart of
 * Alembic's {@code op}. Every call builds a {@link MigrateOperation} and {@link #invoke invokes} it:
 * the dialect renders it to SQL and the context runs it (online) or prints it (offline).
 *
 * <p>CONTRACT: the public method signatures below are fixed (other modules and generated revisions
 * call them); bodies marked "pending" are filled by the operations work.
 */
public class Operations {

	private final MigrationContext context;

	public Operations(MigrationContext context) {
		this.context = Objects.requireNonNull(context, "context");
	}

	/** The context: dialect, connection (online), {@code -x} arguments. */
	public MigrationContext context() {
		return this.context;
	}

	/** Runs an operation through the dialect. */
	public void invoke(MigrateOperation operation) {
		for (String sql : this.context.dialect().render(operation, this.context)) {
			this.context.executeSql(sql);
		}
	}

	/** Runs raw SQL, as {@code op.execute("...")}. */
	public void execute(String sql) {
		this.context.executeSql(sql);
	}

	/** Runs a built statement (see {@link Sql#table}), values escaped by the dialect. */
	public void execute(Sql.Statement statement) {
		throw pending();
	}

	/**
	 * {@code op.create_table(name, *columns_and_constraints)}: elements are {@link Column}s and
	 * constraints made with {@link Ddl}.
	 */
	public void createTable(String table, Object... elements) {
		throw pending();
	}

	public void dropTable(String table) {
		throw pending();
	}

	public void renameTable(String oldName, String newName) {
		throw pending();
	}

	public void addColumn(String table, Column column) {
		throw pending();
	}

	public void dropColumn(String table, String column) {
		throw pending();
	}

	/**
	 * {@code op.alter_column}: {@code op.alterColumn("users", "name", c -> c.newName("full_name"))};
	 * the builder also takes {@code type(..)}, {@code using(..)} (PostgreSQL), {@code nullable(..)},
	 * {@code serverDefault(..)}/{@code dropDefault()}, {@code comment(..)}, and
	 * {@code existingType(..)}/{@code existingNullable(..)}/{@code existingServerDefault(..)} (needed by MySQL).
	 */
	public void alterColumn(String table, String column, Consumer<AlterColumnSpec> spec) {
		throw pending();
	}

	/** {@code op.create_index(name, table, columns)}. */
	public void createIndex(String name, String table, String... columns) {
		throw pending();
	}

	/** {@code op.create_index(name, table, columns, unique=...)}. */
	public void createIndex(String name, String table, List<String> columns, boolean unique) {
		throw pending();
	}

	/** A partial index ({@code postgresql_where} / SQLite WHERE). */
	public void createIndex(String name, String table, List<String> columns, boolean unique, String where) {
		throw pending();
	}

	/**
	 * {@code CREATE INDEX CONCURRENTLY} on PostgreSQL, run outside the revision's transaction
	 * (Alembic's {@code autocommit_block()} + {@code postgresql_concurrently=True}); a plain index
	 * elsewhere.
	 */
	public void createIndexConcurrently(String name, String table, List<String> columns, boolean unique) {
		throw pending();
	}

	/** {@code op.drop_index(name)}; MySQL needs {@link #dropIndex(String, String)}. */
	public void dropIndex(String name) {
		throw pending();
	}

	public void dropIndex(String name, String table) {
		throw pending();
	}

	/** {@code DROP INDEX CONCURRENTLY} on PostgreSQL, outside the transaction. */
	public void dropIndexConcurrently(String name, String table) {
		throw pending();
	}

	/** {@code op.create_foreign_key(name, source, referent, local_cols, remote_cols)}. */
	public void createForeignKey(String name, String sourceTable, String referredTable, List<String> localColumns,
			List<String> referredColumns) {
		throw pending();
	}

	/** With ON DELETE / ON UPDATE actions (null for none). */
	public void createForeignKey(String name, String sourceTable, String referredTable, List<String> localColumns,
			List<String> referredColumns, String onDelete, String onUpdate) {
		throw pending();
	}

	public void createUniqueConstraint(String name, String table, String... columns) {
		throw pending();
	}

	public void createCheckConstraint(String name, String table, String condition) {
		throw pending();
	}

	public void createPrimaryKey(String name, String table, String... columns) {
		throw pending();
	}

	/** {@code op.drop_constraint(name, table)}; where the dialect needs the kind (MySQL) use the typed overload. */
	public void dropConstraint(String name, String table) {
		throw pending();
	}

	/** {@code op.drop_constraint(name, table, type_=...)}: type is {@code foreignkey}, {@code unique}, {@code check} or {@code primary}. */
	public void dropConstraint(String name, String table, String type) {
		throw pending();
	}

	/** {@code op.bulk_insert(table, rows)}; values escaped by the dialect (offline) or bound (online). */
	public void bulkInsert(Sql.TableRef table, List<Map<String, Object>> rows) {
		throw pending();
	}

	/**
	 * {@code with op.batch_alter_table(table) as batch_op:} — on SQLite, when an operation needs it,
	 * the table is recreated ("move and copy": new table, copy rows, drop, rename; indexes and
	 * constraints rebuilt); elsewhere each operation runs as plain ALTER.
	 */
	public void batchAlterTable(String table, Consumer<BatchOperations> batch) {
		throw pending();
	}

	private static UnsupportedOperationException pending() {
		return new UnsupportedOperationException("pending: operations work in progress");
	}

}
