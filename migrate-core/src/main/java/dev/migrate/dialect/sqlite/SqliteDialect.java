package dev.migrate.dialect.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrate.dialect.DefaultDialect;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.AddColumn;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.CreateCheckConstraint;
import dev.migrate.operations.CreateForeignKey;
import dev.migrate.operations.CreatePrimaryKey;
import dev.migrate.operations.CreateUniqueConstraint;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.SetTableComment;
import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Table;

/**
 * SQLite: transactional DDL, lock row, and a limited ALTER TABLE (rename table, add, drop and rename
 * column). Everything else — constraints, type, nullability and default changes — goes through
 * {@link dev.migrate.operations.Operations#batchAlterTable batch mode}, which recreates the table
 * ("move and copy") as Alembic does. Comments are ignored (SQLite has none).
 */
public class SqliteDialect extends DefaultDialect {

	/** An integer type as TypeNames keeps an unsigned one: {@code INT UNSIGNED}, {@code BIGINT UNSIGNED}. */
	private static final Pattern UNSIGNED = Pattern.compile("(?i)(tiny|small|medium|big)?int UNSIGNED");

	static final String CONSTRAINTS_NEED_BATCH = "No support for ALTER of constraints in SQLite dialect. Please refer"
			+ " to the batch mode feature (op.batchAlterTable(...)) which allows for SQLite migrations using a"
			+ " copy-and-move strategy.";

	/** Defaults SQLite refuses in ALTER TABLE ADD COLUMN. */
	private static final java.util.regex.Pattern NON_CONSTANT_DEFAULT = java.util.regex.Pattern
		.compile("(?is)\\(.*|current_(time|date|timestamp)");

	/** SQLite has no schemas: a tenant is a database file of its own (a DataSource per tenant). */
	@Override
	public String useSchema(Connection connection, String schema) {
		throw new dev.migrate.ConfigurationException("SQLite has no schemas (tenant schema '" + schema
				+ "'): give each tenant a database file of its own (a DataSource per tenant)");
	}

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public boolean handlesJdbcUrl(String url) {
		return url.startsWith("jdbc:sqlite:");
	}

	@Override
	public boolean handlesProductName(String databaseProductName) {
		return "SQLite".equalsIgnoreCase(databaseProductName);
	}

	/**
	 * One writer at a time: a renewal from a second connection could make the run's own write
	 * fail with SQLITE_BUSY, so the lease is renewed on the run's connection. While the run's
	 * transaction has written, no waiter can take the lease over anyway (it cannot write).
	 */
	@Override
	public boolean renewsLeaseConcurrently() {
		return false;
	}

	/** {@code sqlite3_interrupt} through any statement of the connection. */
	@Override
	public void cancelStatement(Connection connection) throws SQLException {
		try (java.sql.Statement s = connection.createStatement()) {
			s.cancel();
		}
	}

	/** SQLAlchemy's SQLite names; each keeps the intended type affinity. */
	@Override
	public String typeSql(ColumnType type) {
		return switch (type.kind()) {
			case TEXT -> "TEXT";
			case FLOAT -> "FLOAT";
			case DOUBLE -> "DOUBLE";
			case TIMESTAMP -> "DATETIME";
			case UUID -> "CHAR(36)";
			case BINARY -> "BLOB";
			case JSONB -> super.typeSql(ColumnType.JSON);
			case ENUM -> (type.enumName() != null) ? super.typeSql(type)
					: ((type.length() != null) ? "VARCHAR(" + type.length() + ")" : "TEXT");
			case ARRAY -> throw new dev.migrate.dialect.UnsupportedOperationOnDialectException(
					"Array type " + type + " does not exist on SQLite");
			default -> super.typeSql(type);
		};
	}

	/** AUTOINCREMENT exists only as {@code INTEGER PRIMARY KEY AUTOINCREMENT} on a one-column key. */
	@Override
	protected String columnDefinition(Column column, Table table) {
		String type = typeSql(column.type());
		StringBuilder sb = new StringBuilder(quoteIfNeeded(column.name()));
		if (!type.isEmpty()) {
			sb.append(' ').append(column.isAutoincrement() ? "INTEGER" : type);
		}
		if (column.serverDefault() != null) {
			sb.append(" DEFAULT ").append(column.serverDefault());
		}
		if (!column.nullable()) {
			sb.append(" NOT NULL");
		}
		if (column.isAutoincrement()) {
			if (table == null || !primaryKeyInline(table)
					|| !table.primaryKey().columns().get(0).equals(column.name())) {
				throw new UnsupportedOperationOnDialectException("Column " + column.name()
						+ ": SQLite supports autoincrement only on the single INTEGER primary key column of a table");
			}
			sb.append(" PRIMARY KEY AUTOINCREMENT");
		}
		return sb.toString();
	}

	@Override
	protected boolean primaryKeyInline(Table table) {
		if (table.primaryKey() == null || table.primaryKey().columns().size() != 1) {
			return false;
		}
		String pk = table.primaryKey().columns().get(0);
		return table.column(pk).map(Column::isAutoincrement).orElse(false);
	}

	@Override
	protected boolean supportsPartialIndexes() {
		return true;
	}

	@Override
	protected List<String> commentStatements(Table table) {
		return List.of();
	}

	@Override
	protected List<String> createSequence(dev.migrate.operations.CreateSequence op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException("SQLite has no sequences: cannot create sequence "
				+ op.sequence().qualifiedName() + " (an INTEGER PRIMARY KEY generates its own values)");
	}

	@Override
	protected List<String> dropSequence(dev.migrate.operations.DropSequence op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException("SQLite has no sequences: cannot drop sequence " + op.name());
	}

	@Override
	protected List<String> setTableComment(SetTableComment op, MigrationContext context) {
		return List.of();
	}

	@Override
	protected List<String> addColumn(AddColumn op, MigrationContext context) {
		String problem = addColumnProblem(op);
		if (problem != null) {
			throw new UnsupportedOperationOnDialectException("SQLite cannot add column " + op.table() + "."
					+ op.column().name() + " " + problem + " with ALTER TABLE; use op.batchAlterTable(\"" + op.table()
					+ "\", batch -> batch.addColumn(...)), which recreates the table");
		}
		return List.of(alterTable(op.schema(), op.table()) + "ADD COLUMN " + columnDefinition(op.column(), null));
	}

	/** Why ALTER TABLE ADD COLUMN cannot add this column, or null. */
	static String addColumnProblem(AddColumn op) {
		Column c = op.column();
		if (c.isPrimaryKey() || c.isAutoincrement()) {
			return "as (autoincrement) primary key";
		}
		if (!c.nullable() && c.serverDefault() == null) {
			return "NOT NULL without a server default";
		}
		if (c.serverDefault() != null && NON_CONSTANT_DEFAULT.matcher(c.serverDefault().trim()).matches()) {
			return "with the non-constant default " + c.serverDefault();
		}
		return null;
	}

	@Override
	protected List<String> alterColumn(AlterColumn op, MigrationContext context) {
		if (op.changesMoreThanName()) {
			throw new UnsupportedOperationOnDialectException("SQLite cannot ALTER COLUMN " + op.table() + "."
					+ op.column() + " (type, nullability, default or comment); use op.batchAlterTable(\"" + op.table()
					+ "\", batch -> batch.alterColumn(...)), which recreates the table");
		}
		List<String> sql = new ArrayList<>();
		if (op.newName() != null) {
			sql.add(renameColumn(op));
		}
		return sql;
	}

	@Override
	protected List<String> createForeignKey(CreateForeignKey op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException(CONSTRAINTS_NEED_BATCH);
	}

	@Override
	protected List<String> createUniqueConstraint(CreateUniqueConstraint op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException(CONSTRAINTS_NEED_BATCH);
	}

	@Override
	protected List<String> createCheckConstraint(CreateCheckConstraint op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException(CONSTRAINTS_NEED_BATCH);
	}

	@Override
	protected List<String> createPrimaryKey(CreatePrimaryKey op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException(CONSTRAINTS_NEED_BATCH);
	}

	@Override
	protected List<String> dropConstraint(DropConstraint op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException(CONSTRAINTS_NEED_BATCH);
	}

	/** "Move and copy" when an operation needs it (or always, if asked); plain ALTERs otherwise. */
	@Override
	protected List<String> batchAlterTable(BatchAlterTable op, MigrationContext context) {
		boolean recreate = switch (op.recreate()) {
			case ALWAYS -> true;
			case NEVER -> false;
			case AUTO -> op.operations().stream().anyMatch(SqliteBatch::needsRecreate);
		};
		if (!recreate) {
			List<String> sql = new ArrayList<>();
			for (MigrateOperation inner : op.operations()) {
				sql.addAll(render(inner, context));
			}
			return sql;
		}
		return new SqliteBatch(this, op, context).render();
	}

	/** Renders a CREATE TABLE for batch mode. */
	List<String> createTableSql(Table table) {
		return createTable(new dev.migrate.operations.CreateTable(table), null);
	}

	/** Renders a CREATE INDEX for batch mode. */
	List<String> createIndexSql(String schema, dev.migrate.schema.Index index) {
		return createIndex(new dev.migrate.operations.CreateIndex(schema, index, false), null);
	}

	/** Reflection with bulk catalog queries ({@link SqliteReflector}). */
	@Override
	public dev.migrate.reflect.SchemaReflector reflector() {
		return new SqliteReflector();
	}

	/** One INTEGER storage class; timestamps, JSON and UUIDs are stored as text. */
	@Override
	public ColumnType comparableType(ColumnType type) {
		if (type.kind() == ColumnType.Kind.RAW && UNSIGNED.matcher(type.raw()).matches()) {
			// a declared INT UNSIGNED has INTEGER affinity like any other integer
			return ColumnType.INTEGER;
		}
		return switch (type.kind()) {
			case SMALLINT, INTEGER, BIGINT -> ColumnType.INTEGER;
			case TIMESTAMP -> ColumnType.TIMESTAMP;
			case JSON, JSONB -> ColumnType.TEXT;
			case ENUM -> (type.enumName() == null && type.length() != null) ? ColumnType.string(type.length())
					: ColumnType.TEXT;
			default -> isUuidStorage(type) ? ColumnType.UUID : type;
		};
	}

	/**
	 * Hibernate's unnamed checks read back as written: SQLite keeps a table's {@code CREATE TABLE} text, and
	 * Hibernate's SQLite dialect (hibernate-community-dialects) writes the generic checks ({@code c in (...)},
	 * {@code c between 0 and n}, a column's Bean Validation checks joined with {@code and}).
	 */
	@Override
	public boolean comparesUnnamedChecks() {
		return true;
	}

	/** SQLite has no comments. */
	@Override
	public boolean supportsComments() {
		return false;
	}

	/** An INTEGER PRIMARY KEY is the rowid: its values are generated whatever the column says. */
	@Override
	public boolean comparesGeneratedValues() {
		return false;
	}

	/** SQLite's ALTER TABLE renames and adds; everything else needs batch mode. */
	@Override
	public boolean alterNeedsBatch() {
		return true;
	}


	/** The tables of {@code sqlite_master}, without SQLite's own ({@code sqlite_sequence}, {@code sqlite_stat1}). */
	@Override
	public List<String> tableNames(java.sql.Connection connection, String schema) throws java.sql.SQLException {
		List<String> out = new ArrayList<>();
		String master = (schema == null) ? "sqlite_master" : quoteIfNeeded(schema) + ".sqlite_master";
		try (java.sql.Statement s = connection.createStatement();
				java.sql.ResultSet rs = s.executeQuery("SELECT name FROM " + master
						+ " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
			while (rs.next()) {
				out.add(rs.getString(1));
			}
		}
		return out;
	}

}
