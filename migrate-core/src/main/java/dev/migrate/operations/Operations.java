package dev.migrate.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.migrate.dialect.BoundStatement;
import dev.migrate.dialect.Dialect;
import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * The operations a revision's {@code upgrade}/{@code downgrade} receives — the Java counterpart of
 * Alembic's {@code op}. Every call builds a {@link MigrateOperation} and {@link #invoke invokes} it:
 * the dialect renders it to SQL and the context runs it (online) or prints it (offline).
 *
 * <p>Unqualified table names are in the context's {@link MigrationContext#schema() schema}. An
 * operation the dialect cannot do fails while it is rendered, before any of its statements run.
 */
public class Operations {

	private final MigrationContext context;

	/** Lint rules the next operation may break ({@link #allow}). */
	private List<String> allowed = List.of();

	public Operations(MigrationContext context) {
		this.context = Objects.requireNonNull(context, "context");
	}

	/** The context: dialect, connection (online), {@code -x} arguments. */
	public MigrationContext context() {
		return this.context;
	}

	/** The dialect of the context. */
	public Dialect dialect() {
		return this.context.dialect();
	}

	/**
	 * Runs an operation through the dialect: renders all its statements first, then runs them,
	 * inside {@link MigrationContext#autocommitBlock} where the dialect says so.
	 */
	public void invoke(MigrateOperation operation) {
		Dialect dialect = this.context.dialect();
		if (!this.context.isOffline()) {
			// online, values go to the server as bind parameters, never as literals
			List<BoundStatement> bound = dialect.renderBound(operation, this.context);
			if (dialect.runsOutsideTransaction(operation)) {
				this.context.autocommitBlock(() -> bound.forEach(this.context::execute));
			}
			else {
				bound.forEach(this.context::execute);
			}
			return;
		}
		List<String> statements = dialect.render(operation, this.context);
		List<String> allow = this.allowed;
		this.allowed = List.of();
		if (!allow.isEmpty()) {
			this.context.allowLint(allow);
		}
		try {
			if (dialect.runsOutsideTransaction(operation)) {
				this.context.autocommitBlock(() -> statements.forEach(this.context::executeSql));
			}
			else {
				statements.forEach(this.context::executeSql);
			}
		}
		finally {
			if (!allow.isEmpty()) {
				this.context.allowLint(List.of());
			}
		}
	}

	/**
	 * Lets the next operation break these {@code migrate lint} rules, deliberately:
	 * {@code op.allow("pg-index-not-concurrent").createIndex(...)} (say why in a comment). The
	 * Java counterpart of {@code -- migrate:allow <rule>}; it changes nothing when the revision runs.
	 */
	public Operations allow(String... ruleIds) {
		this.allowed = List.of(ruleIds);
		return this;
	}

	/** Runs raw SQL, as {@code op.execute("...")}. */
	public void execute(String sql) {
		invoke(new ExecuteSql(sql));
	}

	/** Runs a built statement (see {@link Sql#table}), values escaped by the dialect. */
	public void execute(Sql.Statement statement) {
		invoke(new ExecuteStatement(schema(), statement));
	}

	/**
	 * {@code op.create_table(name, *columns_and_constraints)}: elements are {@link Column}s and
	 * constraints made with {@link Ddl}.
	 */
	public void createTable(String table, Object... elements) {
		invoke(new CreateTable(Table.of(schema(), table, Arrays.asList(elements))));
	}

	/** Creates a table from its model (indexes and comment included). */
	public void createTable(Table table) {
		invoke(new CreateTable((table.schema() == null && schema() != null) ? new Table(schema(), table.name(),
				table.columns(), table.primaryKey(), table.foreignKeys(), table.uniqueConstraints(),
				table.checkConstraints(), table.indexes(), table.comment()) : table));
	}

	public void dropTable(String table) {
		invoke(new DropTable(schema(), table, null));
	}

	public void renameTable(String oldName, String newName) {
		invoke(new RenameTable(schema(), oldName, newName));
	}

	public void addColumn(String table, Column column) {
		invoke(new AddColumn(schema(), table, column));
	}

	public void dropColumn(String table, String column) {
		invoke(new DropColumn(schema(), table, column, null));
	}

	/**
	 * {@code op.alter_column}: {@code op.alterColumn("users", "name", c -> c.newName("full_name"))};
	 * the builder also takes {@code type(..)}, {@code using(..)} (PostgreSQL), {@code nullable(..)},
	 * {@code serverDefault(..)}/{@code dropDefault()}, {@code comment(..)}, and
	 * {@code existingType(..)}/{@code existingNullable(..)}/{@code existingServerDefault(..)} (needed by MySQL).
	 */
	public void alterColumn(String table, String column, Consumer<AlterColumnSpec> spec) {
		invoke(buildAlter(table, column, spec));
	}

	private AlterColumn buildAlter(String table, String column, Consumer<AlterColumnSpec> spec) {
		AlterColumn.Builder builder = AlterColumn.builder(schema(), table, column);
		spec.accept(builder);
		return builder.build();
	}

	/** {@code op.create_index(name, table, columns)}. */
	public void createIndex(String name, String table, String... columns) {
		createIndex(name, table, List.of(columns), false, null);
	}

	/** {@code op.create_index(name, table, columns, unique=...)}. */
	public void createIndex(String name, String table, List<String> columns, boolean unique) {
		createIndex(name, table, columns, unique, null);
	}

	/** A partial index ({@code postgresql_where} / SQLite WHERE). */
	public void createIndex(String name, String table, List<String> columns, boolean unique, String where) {
		invoke(new CreateIndex(schema(), new Index(name, table, columns, unique, where, false), false));
	}

	/** Creates an index from its model (expressions, partial condition). */
	public void createIndex(Index index) {
		invoke(new CreateIndex(schema(), index, false));
	}

	/**
	 * {@code CREATE INDEX CONCURRENTLY} on PostgreSQL, run outside the revision's transaction
	 * (Alembic's {@code autocommit_block()} + {@code postgresql_concurrently=True}); a plain index
	 * elsewhere.
	 */
	public void createIndexConcurrently(String name, String table, List<String> columns, boolean unique) {
		invoke(new CreateIndex(schema(), new Index(name, table, columns, unique, null, false), true));
	}

	/** {@code op.drop_index(name)}; MySQL needs {@link #dropIndex(String, String)} offline (online it finds the table). */
	public void dropIndex(String name) {
		invoke(new DropIndex(schema(), null, name, false, null));
	}

	public void dropIndex(String name, String table) {
		invoke(new DropIndex(schema(), table, name, false, null));
	}

	/** {@code DROP INDEX CONCURRENTLY} on PostgreSQL, outside the transaction. */
	public void dropIndexConcurrently(String name, String table) {
		invoke(new DropIndex(schema(), table, name, true, null));
	}

	/** {@code op.create_foreign_key(name, source, referent, local_cols, remote_cols)}. */
	public void createForeignKey(String name, String sourceTable, String referredTable, List<String> localColumns,
			List<String> referredColumns) {
		createForeignKey(name, sourceTable, referredTable, localColumns, referredColumns, null, null);
	}

	/** With ON DELETE / ON UPDATE actions (null for none). */
	public void createForeignKey(String name, String sourceTable, String referredTable, List<String> localColumns,
			List<String> referredColumns, String onDelete, String onUpdate) {
		invoke(new CreateForeignKey(schema(), sourceTable,
				new ForeignKey(name, localColumns, null, referredTable, referredColumns, onDelete, onUpdate)));
	}

	public void createUniqueConstraint(String name, String table, String... columns) {
		invoke(new CreateUniqueConstraint(schema(), table, new UniqueConstraint(name, List.of(columns))));
	}

	public void createCheckConstraint(String name, String table, String condition) {
		invoke(new CreateCheckConstraint(schema(), table, new CheckConstraint(name, condition)));
	}

	public void createPrimaryKey(String name, String table, String... columns) {
		invoke(new CreatePrimaryKey(schema(), table, new PrimaryKey(name, List.of(columns))));
	}

	/** {@code op.drop_constraint(name, table)}; where the dialect needs the kind (MySQL) use the typed overload. */
	public void dropConstraint(String name, String table) {
		invoke(new DropConstraint(schema(), table, name, null, null));
	}

	/** {@code op.drop_constraint(name, table, type_=...)}: type is {@code foreignkey}, {@code unique}, {@code check} or {@code primary}. */
	public void dropConstraint(String name, String table, String type) {
		invoke(new DropConstraint(schema(), table, name, ConstraintType.parse(type), null));
	}

	/** PostgreSQL: {@code CREATE TYPE name AS ENUM ('a', 'b')}, for {@code namedEnum} columns; other dialects refuse it. */
	public void createEnumType(String name, String... values) {
		invoke(new CreateEnumType(schema(), name, List.of(values)));
	}

	/**
	 * PostgreSQL: {@code ALTER TYPE name ADD VALUE 'value'}, at the end of the type's values. Runs
	 * outside the revision's transaction (see {@link AddEnumValue}); cannot be reversed (PostgreSQL
	 * cannot drop an enum value).
	 */
	public void addEnumValue(String name, String value) {
		invoke(new AddEnumValue(schema(), name, value, null, null));
	}

	/** PostgreSQL: {@code ALTER TYPE name ADD VALUE 'value' BEFORE 'before'}. */
	public void addEnumValueBefore(String name, String value, String before) {
		invoke(new AddEnumValue(schema(), name, value, before, null));
	}

	/** PostgreSQL: {@code ALTER TYPE name ADD VALUE 'value' AFTER 'after'}. */
	public void addEnumValueAfter(String name, String value, String after) {
		invoke(new AddEnumValue(schema(), name, value, null, after));
	}

	/** PostgreSQL: {@code DROP TYPE name}; with its values the drop can be reversed. */
	public void dropEnumType(String name, String... values) {
		invoke(new DropEnumType(schema(), name, List.of(values)));
	}

	/** Sets ({@code op.create_table_comment}) or, with null, removes a table comment. */
	public void setTableComment(String table, String comment) {
		invoke(new SetTableComment(schema(), table, comment, null));
	}

	/**
	 * Creates a sequence ({@code CREATE SEQUENCE name START WITH start INCREMENT BY increment}) on PostgreSQL, H2
	 * and MariaDB; SQLite and MySQL have none and refuse it. A JPA {@code @SequenceGenerator}'s
	 * {@code allocationSize} is its increment.
	 */
	public void createSequence(String name, long start, long increment) {
		invoke(new CreateSequence(new dev.migrate.schema.Sequence(schema(), name, start, increment)));
	}

	/** Drops a sequence ({@code DROP SEQUENCE name}); refused where there are none (SQLite, MySQL). */
	public void dropSequence(String name) {
		invoke(new DropSequence(schema(), name, null));
	}

	/** {@code op.bulk_insert(table, rows)}; values escaped by the dialect. */
	public void bulkInsert(Sql.TableRef table, List<Map<String, Object>> rows) {
		invoke(new BulkInsert(schema(), table, rows));
	}

	/**
	 * {@code with op.batch_alter_table(table) as batch_op:} — on SQLite, when an operation needs it,
	 * the table is recreated ("move and copy": new table, copy rows, drop, rename; indexes and
	 * constraints rebuilt); elsewhere each operation runs as plain ALTER.
	 */
	public void batchAlterTable(String table, Consumer<BatchOperations> batch) {
		batchAlterTable(table, BatchAlterTable.Recreate.AUTO, null, batch);
	}

	/**
	 * Batch mode with Alembic's {@code recreate} and {@code copy_from}: {@code copyFrom} is the
	 * table's current definition, which offline mode needs when SQLite recreates the table.
	 */
	public void batchAlterTable(String table, BatchAlterTable.Recreate recreate, Table copyFrom,
			Consumer<BatchOperations> batch) {
		Collector collector = new Collector(table);
		batch.accept(collector);
		invoke(new BatchAlterTable(schema(), table, collector.operations, recreate, copyFrom));
	}

	private String schema() {
		return this.context.schema();
	}

	/** Collects the operations of a batch. */
	private final class Collector implements BatchOperations {

		private final String table;

		private final List<MigrateOperation> operations = new ArrayList<>();

		Collector(String table) {
			this.table = table;
		}

		@Override
		public void addColumn(Column column) {
			this.operations.add(new AddColumn(schema(), this.table, column));
		}

		@Override
		public void dropColumn(String column) {
			this.operations.add(new DropColumn(schema(), this.table, column, null));
		}

		@Override
		public void alterColumn(String column, Consumer<AlterColumnSpec> spec) {
			this.operations.add(buildAlter(this.table, column, spec));
		}

		@Override
		public void createIndex(String name, List<String> columns, boolean unique) {
			this.operations.add(new CreateIndex(schema(), new Index(name, this.table, columns, unique, null, false), false));
		}

		@Override
		public void dropIndex(String name) {
			this.operations.add(new DropIndex(schema(), this.table, name, false, null));
		}

		@Override
		public void createForeignKey(String name, String referredTable, List<String> localColumns,
				List<String> referredColumns) {
			this.operations.add(new CreateForeignKey(schema(), this.table,
					new ForeignKey(name, localColumns, null, referredTable, referredColumns, null, null)));
		}

		@Override
		public void createUniqueConstraint(String name, String... columns) {
			this.operations.add(new CreateUniqueConstraint(schema(), this.table, new UniqueConstraint(name, List.of(columns))));
		}

		@Override
		public void createCheckConstraint(String name, String condition) {
			this.operations.add(new CreateCheckConstraint(schema(), this.table, new CheckConstraint(name, condition)));
		}

		@Override
		public void dropConstraint(String name) {
			this.operations.add(new DropConstraint(schema(), this.table, name, null, null));
		}

		@Override
		public void createForeignKey(String name, String referredTable, List<String> localColumns,
				List<String> referredColumns, String onDelete, String onUpdate) {
			this.operations.add(new CreateForeignKey(schema(), this.table,
					new ForeignKey(name, localColumns, null, referredTable, referredColumns, onDelete, onUpdate)));
		}

		@Override
		public void createPrimaryKey(String name, String... columns) {
			this.operations.add(new CreatePrimaryKey(schema(), this.table, new PrimaryKey(name, List.of(columns))));
		}

		@Override
		public void dropConstraint(String name, String type) {
			this.operations.add(new DropConstraint(schema(), this.table, name, ConstraintType.parse(type), null));
		}

	}

}
