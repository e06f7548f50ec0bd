package dev.migrate.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.operations.AddColumn;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.BulkInsert;
import dev.migrate.operations.CreateCheckConstraint;
import dev.migrate.operations.CreateForeignKey;
import dev.migrate.operations.CreateIndex;
import dev.migrate.operations.CreatePrimaryKey;
import dev.migrate.operations.CreateTable;
import dev.migrate.operations.CreateUniqueConstraint;
import dev.migrate.operations.DropColumn;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.DropIndex;
import dev.migrate.operations.DropTable;
import dev.migrate.operations.ExecuteSql;
import dev.migrate.operations.ExecuteStatement;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.RenameTable;
import dev.migrate.operations.SetTableComment;
import dev.migrate.operations.Sql;
import dev.migrate.reflect.SchemaReflector;
import dev.migrate.runtime.LeaseTable;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * ANSI behaviour shared by every dialect: double-quote identifiers, standard literals, ANSI DDL for
 * every operation, and a lock row for databases without a session lock. Subclasses override only
 * what differs (the pattern of Alembic's {@code DefaultImpl} and its per-dialect subclasses).
 */
public abstract class DefaultDialect implements Dialect {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	/** Referential actions allowed after ON DELETE / ON UPDATE; anything else is refused, never rendered. */
	private static final Set<String> REFERENTIAL_ACTIONS = Set.of("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT",
			"NO ACTION");

	/** Rows per INSERT statement of a bulk insert. */
	protected static final int INSERT_CHUNK = 500;

	/** Bind parameters per statement at most (below SQLite's 32766 and PostgreSQL's 32767). */
	private static final int MAX_PARAMETERS = 10000;

	/** Words that always need quoting as identifiers (SQL:2016 reserved words common to our databases). */
	protected static final Set<String> RESERVED = Set.of("all", "alter", "and", "any", "as", "asc", "authorization",
			"between", "both", "by", "case", "cast", "check", "collate", "column", "constraint", "create", "cross",
			"current_date", "current_time", "current_timestamp", "current_user", "default", "delete", "desc",
			"distinct", "do", "drop", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from",
			"full", "grant", "group", "having", "in", "index", "inner", "insert", "intersect", "into", "is", "join",
			"key", "leading", "left", "like", "limit", "natural", "not", "null", "offset", "on", "or", "order",
			"outer", "primary", "references", "right", "select", "session_user", "set", "some", "table", "then", "to",
			"trailing", "true", "union", "unique", "update", "user", "using", "values", "when", "where", "window",
			"with", "year", "month", "day", "hour", "minute", "second", "value", "range", "rows", "row", "level",
			"interval", "escape", "returning", "top", "minus", "qualify", "regexp", "rownum", "localtime",
			"localtimestamp", "current_schema", "current_catalog", "current_role", "array", "analyse", "analyze",
			"placing", "symmetric", "variadic", "lateral", "only", "similar", "verbose", "freeze", "ilike", "isnull",
			"notnull", "overlaps", "tablesample", "binary", "concurrently", "deferrable", "initially", "old", "new",
			"groups", "unknown", "sysdate", "systimestamp", "today", "_rowid_", "if", "abort", "autoincrement",
			"glob", "raise", "vacuum");

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	/** The character that opens and closes a quoted identifier. */
	protected char identifierQuote() {
		return '"';
	}

	/** Words this database reserves; an identifier equal to one (ignoring case) is quoted. */
	protected Set<String> reservedWords() {
		return RESERVED;
	}

	@Override
	public String quoteIfNeeded(String identifier) {
		checkIdentifier(identifier);
		if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !reservedWords().contains(identifier)) {
			return identifier;
		}
		return quote(identifier);
	}

	@Override
	public String quote(String identifier) {
		checkIdentifier(identifier);
		String q = String.valueOf(identifierQuote());
		return q + identifier.replace(q, q + q) + q;
	}

	private static void checkIdentifier(String identifier) {
		if (identifier == null || identifier.isEmpty()) {
			throw new MigrateException("An identifier (table, column, index or constraint name) is empty or null");
		}
		if (identifier.indexOf('\0') >= 0) {
			throw new MigrateException("Identifier '" + identifier.replace("\0", "\\0")
					+ "' contains a NUL character, which no database accepts in a name");
		}
	}

	@Override
	public String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Sql.Expression e) {
			return e.sql();
		}
		Object v = parameterValue(value);
		if (v instanceof Boolean b) {
			return booleanLiteral(b);
		}
		if (v instanceof BigDecimal d) {
			return d.toPlainString();
		}
		if (v instanceof Number) {
			return v.toString();
		}
		if (v instanceof byte[] bytes) {
			return binaryLiteral(bytes);
		}
		return stringLiteral((String) v);
	}

	/**
	 * The value to bind for a Java value (not null, not an expression): what {@link #literal}
	 * writes, as a String, number, Boolean or byte[] (dates, times, UUIDs and enums as the text
	 * of their literal), so that a bound value means what its literal means.
	 */
	protected Object parameterValue(Object value) {
		if (value instanceof Boolean || value instanceof BigDecimal || value instanceof byte[]) {
			return value;
		}
		if (value instanceof Double d && (d.isNaN() || d.isInfinite())
				|| value instanceof Float f && (f.isNaN() || f.isInfinite())) {
			throw new MigrateException("Cannot write " + value + " as an SQL literal");
		}
		if (value instanceof Number) {
			return value;
		}
		String text;
		if (value instanceof java.util.Date date && !(value instanceof java.sql.Date || value instanceof java.sql.Time
				|| value instanceof java.sql.Timestamp)) {
			text = new java.sql.Timestamp(date.getTime()).toString();
		}
		else if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
			text = value.toString().replace('T', ' ');
		}
		else if (value instanceof UUID || value instanceof Enum<?> || value instanceof CharSequence
				|| value instanceof Character) {
			text = value.toString();
		}
		else {
			throw new MigrateException("Cannot write a value of type " + value.getClass().getName()
					+ " as an SQL literal; use a String, number, Boolean, date/time, UUID or byte[]");
		}
		if (text.indexOf('\0') >= 0) {
			throw new MigrateException("A string value contains a NUL character, which cannot be written as an SQL literal");
		}
		return text;
	}

	/** {@code TRUE}/{@code FALSE}. */
	protected String booleanLiteral(boolean b) {
		return b ? "TRUE" : "FALSE";
	}

	/** {@code X'0a1b'}. */
	protected String binaryLiteral(byte[] bytes) {
		return "X'" + HexFormat.of().formatHex(bytes) + "'";
	}

	/** A quoted string literal; single quotes are doubled. */
	protected String stringLiteral(String s) {
		if (s.indexOf('\0') >= 0) {
			throw new MigrateException("A string value contains a NUL character, which cannot be written as an SQL literal");
		}
		return "'" + s.replace("'", "''") + "'";
	}

	// ---------------------------------------------------------------- types

	/** ANSI names; dialects override the kinds they name differently. */
	@Override
	public String typeSql(ColumnType type) {
		return switch (type.kind()) {
			case SMALLINT -> "SMALLINT";
			case INTEGER -> "INTEGER";
			case BIGINT -> "BIGINT";
			case STRING -> (type.length() != null) ? "VARCHAR(" + type.length() + ")" : "VARCHAR";
			case TEXT -> "CLOB";
			case NUMERIC -> numericSql("NUMERIC", type);
			case FLOAT -> "REAL";
			case DOUBLE -> "DOUBLE PRECISION";
			case BOOLEAN -> "BOOLEAN";
			case DATE -> "DATE";
			case TIME -> "TIME";
			case TIMESTAMP -> type.timezone() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
			case UUID -> "UUID";
			case JSON -> "JSON";
			case BINARY -> (type.length() != null) ? "VARBINARY(" + type.length() + ")" : "BLOB";
			case RAW -> type.raw();
			case JSONB -> "JSON";
			case ARRAY -> typeSql(type.element()) + " ARRAY";
			case ENUM -> {
				if (type.enumName() != null) {
					throw new UnsupportedOperationOnDialectException("Enum type '" + type.enumName()
							+ "' (namedEnum) exists only on PostgreSQL, not on the " + name()
							+ " dialect; use enumOf(...) for a column's own enumeration");
				}
				yield enumSql(type);
			}
		};
	}

	/** {@code ENUM('A','B')} (H2, MySQL, MariaDB). */
	protected String enumSql(ColumnType type) {
		StringBuilder s = new StringBuilder("ENUM(");
		for (int i = 0; i < type.values().size(); i++) {
			s.append((i > 0) ? ", " : "").append(stringLiteral(type.values().get(i)));
		}
		return s.append(')').toString();
	}

	protected static String numericSql(String name, ColumnType type) {
		if (type.precision() == null) {
			return name;
		}
		return name + "(" + type.precision() + ((type.scale() != null) ? ", " + type.scale() : "") + ")";
	}

	// ---------------------------------------------------------------- dispatch

	@Override
	public List<String> render(MigrateOperation operation, MigrationContext context) {
		Objects.requireNonNull(operation, "operation");
		if (operation instanceof CreateTable op) {
			return createTable(op, context);
		}
		if (operation instanceof DropTable op) {
			return dropTable(op, context);
		}
		if (operation instanceof RenameTable op) {
			return renameTable(op, context);
		}
		if (operation instanceof AddColumn op) {
			return addColumn(op, context);
		}
		if (operation instanceof DropColumn op) {
			return dropColumn(op, context);
		}
		if (operation instanceof AlterColumn op) {
			return alterColumn(op, context);
		}
		if (operation instanceof CreateIndex op) {
			return createIndex(op, context);
		}
		if (operation instanceof DropIndex op) {
			return dropIndex(op, context);
		}
		if (operation instanceof CreateForeignKey op) {
			return createForeignKey(op, context);
		}
		if (operation instanceof CreateUniqueConstraint op) {
			return createUniqueConstraint(op, context);
		}
		if (operation instanceof CreateCheckConstraint op) {
			return createCheckConstraint(op, context);
		}
		if (operation instanceof CreatePrimaryKey op) {
			return createPrimaryKey(op, context);
		}
		if (operation instanceof DropConstraint op) {
			return dropConstraint(op, context);
		}
		if (operation instanceof SetTableComment op) {
			return setTableComment(op, context);
		}
		if (operation instanceof dev.migrate.operations.CreateSequence op) {
			return createSequence(op, context);
		}
		if (operation instanceof dev.migrate.operations.DropSequence op) {
			return dropSequence(op, context);
		}
		if (operation instanceof dev.migrate.operations.CreateEnumType op) {
			return createEnumType(op, context);
		}
		if (operation instanceof dev.migrate.operations.DropEnumType op) {
			return dropEnumType(op, context);
		}
		if (operation instanceof dev.migrate.operations.AddEnumValue op) {
			return addEnumValue(op, context);
		}
		if (operation instanceof ExecuteSql op) {
			return List.of(op.sql());
		}
		if (operation instanceof ExecuteStatement op) {
			return List.of(statement(op.schema(), op.statement()));
		}
		if (operation instanceof BulkInsert op) {
			return bulkInsert(op, context);
		}
		if (operation instanceof BatchAlterTable op) {
			return batchAlterTable(op, context);
		}
		throw new UnsupportedOperationOnDialectException(
				"Operation " + operation.getClass().getSimpleName() + " is not supported by the " + name() + " dialect");
	}

	// ---------------------------------------------------------------- tables

	protected List<String> createTable(CreateTable op, MigrationContext context) {
		Table table = op.table();
		List<String> elements = new ArrayList<>();
		for (Column column : table.columns()) {
			elements.add(columnDefinition(column, table));
		}
		if (table.primaryKey() != null && !primaryKeyInline(table)) {
			elements.add(constraintName(table.primaryKey().name()) + "PRIMARY KEY (" + columnList(table.primaryKey().columns()) + ")");
		}
		for (ForeignKey fk : table.foreignKeys()) {
			elements.add(foreignKeyClause(fk, table.schema()));
		}
		for (UniqueConstraint uq : table.uniqueConstraints()) {
			elements.add(constraintName(uq.name()) + "UNIQUE (" + columnList(uq.columns()) + ")");
		}
		for (CheckConstraint ck : table.checkConstraints()) {
			elements.add(constraintName(ck.name()) + "CHECK (" + ck.condition() + ")");
		}
		if (elements.isEmpty()) {
			throw new MigrateException("Table " + table.name() + " has no columns");
		}
		List<String> sql = new ArrayList<>();
		sql.add("CREATE TABLE " + qualify(table.schema(), table.name()) + " (\n    "
				+ String.join(",\n    ", elements) + "\n)" + tableOptions(table));
		sql.addAll(commentStatements(table));
		for (Index index : table.indexes()) {
			Index ix = (index.table() == null) ? new Index(index.name(), table.name(), index.columns(), index.unique(),
					index.where(), index.expressions()) : index;
			sql.addAll(createIndex(new CreateIndex(table.schema(), ix, false), context));
		}
		return sql;
	}

	/** Whether the primary key is written inside a column definition (SQLite AUTOINCREMENT). */
	protected boolean primaryKeyInline(Table table) {
		return false;
	}

	/** Text after the closing parenthesis of CREATE TABLE (MySQL's table COMMENT). */
	protected String tableOptions(Table table) {
		return "";
	}

	/** {@code COMMENT ON} statements for the table's and columns' comments. */
	protected List<String> commentStatements(Table table) {
		List<String> sql = new ArrayList<>();
		if (table.comment() != null) {
			sql.add(tableComment(table.schema(), table.name(), table.comment()));
		}
		for (Column c : table.columns()) {
			if (c.comment() != null) {
				sql.add(columnComment(table.schema(), table.name(), c.name(), c.comment()));
			}
		}
		return sql;
	}

	protected String tableComment(String schema, String table, String comment) {
		return "COMMENT ON TABLE " + qualify(schema, table) + " IS " + commentLiteral(comment);
	}

	protected String columnComment(String schema, String table, String column, String comment) {
		return "COMMENT ON COLUMN " + qualify(schema, table) + "." + quoteIfNeeded(column) + " IS "
				+ commentLiteral(comment);
	}

	/** A comment literal; {@code ""} removes the comment. */
	protected String commentLiteral(String comment) {
		return (comment == null || comment.isEmpty()) ? "NULL" : stringLiteral(comment);
	}

	/** {@code name type [DEFAULT x] [NOT NULL]} with autoincrement as the dialect writes it. */
	protected String columnDefinition(Column column, Table table) {
		StringBuilder sb = new StringBuilder(quoteIfNeeded(column.name())).append(' ');
		sb.append(column.isAutoincrement() ? autoincrementType(column) : typeSql(column.type()));
		if (column.serverDefault() != null) {
			sb.append(" DEFAULT ").append(column.serverDefault());
		}
		if (column.isAutoincrement()) {
			sb.append(autoincrementClause(column));
		}
		if (!column.nullable()) {
			sb.append(" NOT NULL");
		}
		return sb.toString();
	}

	/** The type of an autoincrement column (PostgreSQL: SERIAL). */
	protected String autoincrementType(Column column) {
		return typeSql(column.type());
	}

	/** What follows the type of an autoincrement column. */
	protected String autoincrementClause(Column column) {
		return " GENERATED BY DEFAULT AS IDENTITY";
	}

	protected String constraintName(String name) {
		return (name != null) ? "CONSTRAINT " + quoteIfNeeded(name) + " " : "";
	}

	protected String foreignKeyClause(ForeignKey fk, String schema) {
		StringBuilder sb = new StringBuilder(constraintName(fk.name()));
		sb.append("FOREIGN KEY (").append(columnList(fk.columns())).append(") REFERENCES ");
		sb.append(qualify((fk.referredSchema() != null) ? fk.referredSchema() : schema, fk.referredTable()));
		sb.append(" (").append(columnList(fk.referredColumns())).append(")");
		if (fk.onDelete() != null) {
			sb.append(" ON DELETE ").append(referentialAction(fk.onDelete(), fk));
		}
		if (fk.onUpdate() != null) {
			sb.append(" ON UPDATE ").append(referentialAction(fk.onUpdate(), fk));
		}
		return sb.toString();
	}

	private static String referentialAction(String action, ForeignKey fk) {
		String normal = action.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
		if (!REFERENTIAL_ACTIONS.contains(normal)) {
			throw new MigrateException("Foreign key " + ((fk.name() != null) ? fk.name() + " " : "") + fk.columns()
					+ " -> " + fk.referredTable() + ": unknown referential action '" + action
					+ "'; use one of " + REFERENTIAL_ACTIONS);
		}
		return normal;
	}

	/** Column names, each quoted as needed, comma-separated. */
	protected String columnList(List<String> columns) {
		return columns.stream().map(this::quoteIfNeeded).collect(Collectors.joining(", "));
	}

	protected List<String> dropTable(DropTable op, MigrationContext context) {
		return List.of("DROP TABLE " + qualify(op.schema(), op.name()));
	}

	protected List<String> renameTable(RenameTable op, MigrationContext context) {
		return List.of("ALTER TABLE " + qualify(op.schema(), op.oldName()) + " RENAME TO " + quoteIfNeeded(op.newName()));
	}

	/** {@code CREATE SEQUENCE ... START WITH ... INCREMENT BY ...} (PostgreSQL, H2, MariaDB). */
	protected List<String> createSequence(dev.migrate.operations.CreateSequence op, MigrationContext context) {
		dev.migrate.schema.Sequence s = op.sequence();
		return List.of("CREATE SEQUENCE " + qualify(s.schema(), s.name()) + " START WITH " + s.start() + " INCREMENT BY "
				+ s.increment());
	}

	protected List<String> dropSequence(dev.migrate.operations.DropSequence op, MigrationContext context) {
		return List.of("DROP SEQUENCE " + qualify(op.schema(), op.name()));
	}

	protected List<String> setTableComment(SetTableComment op, MigrationContext context) {
		return List.of(tableComment(op.schema(), op.table(), op.comment()));
	}

	// ---------------------------------------------------------------- columns

	protected String alterTable(String schema, String table) {
		return "ALTER TABLE " + qualify(schema, table) + " ";
	}

	protected List<String> addColumn(AddColumn op, MigrationContext context) {
		Column c = op.column();
		List<String> sql = new ArrayList<>();
		sql.add(alterTable(op.schema(), op.table()) + "ADD COLUMN " + columnDefinition(c, null));
		if (c.isPrimaryKey()) {
			sql.add(alterTable(op.schema(), op.table()) + "ADD PRIMARY KEY (" + quoteIfNeeded(c.name()) + ")");
		}
		if (c.comment() != null) {
			sql.add(columnComment(op.schema(), op.table(), c.name(), c.comment()));
		}
		return sql;
	}

	protected List<String> dropColumn(DropColumn op, MigrationContext context) {
		return List.of(alterTable(op.schema(), op.table()) + "DROP COLUMN " + quoteIfNeeded(op.column()));
	}

	/**
	 * One statement per change, in Alembic's order: nullability, server default, type, comment, and
	 * the rename last.
	 */
	protected List<String> alterColumn(AlterColumn op, MigrationContext context) {
		List<String> sql = new ArrayList<>();
		String prefix = alterTable(op.schema(), op.table()) + "ALTER COLUMN " + quoteIfNeeded(op.column()) + " ";
		if (op.nullable() != null) {
			sql.add(prefix + (op.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
		}
		if (op.serverDefault() != null) {
			sql.add(prefix + "SET DEFAULT " + op.serverDefault());
		}
		if (op.dropDefault()) {
			sql.add(prefix + "DROP DEFAULT");
		}
		if (op.type() != null) {
			sql.add(prefix + alterType(op));
		}
		if (op.comment() != null) {
			sql.add(columnComment(op.schema(), op.table(), op.column(), op.comment()));
		}
		if (op.newName() != null) {
			sql.add(renameColumn(op));
		}
		if (sql.isEmpty()) {
			throw new MigrateException("alter column " + op.table() + "." + op.column() + " changes nothing");
		}
		return sql;
	}

	/** The type change after {@code ALTER COLUMN c }. */
	protected String alterType(AlterColumn op) {
		return "SET DATA TYPE " + typeSql(op.type());
	}

	protected String renameColumn(AlterColumn op) {
		return alterTable(op.schema(), op.table()) + "RENAME COLUMN " + quoteIfNeeded(op.column()) + " TO "
				+ quoteIfNeeded(op.newName());
	}

	// ---------------------------------------------------------------- indexes

	/** Whether {@code CREATE INDEX ... WHERE} (partial indexes) works. */
	protected boolean supportsPartialIndexes() {
		return false;
	}

	protected List<String> createIndex(CreateIndex op, MigrationContext context) {
		Index index = op.index();
		if (index.where() != null && !supportsPartialIndexes()) {
			throw new UnsupportedOperationOnDialectException("Index " + index.name()
					+ ": partial indexes (WHERE) are not supported by the " + name() + " dialect");
		}
		StringBuilder sb = new StringBuilder("CREATE ");
		if (index.unique()) {
			sb.append("UNIQUE ");
		}
		sb.append("INDEX ");
		if (op.concurrently()) {
			sb.append(concurrentlyKeyword());
		}
		sb.append(quoteIfNeeded(index.name())).append(" ON ").append(qualify(op.schema(), index.table()));
		sb.append(" (").append(indexColumns(index)).append(")");
		if (index.where() != null) {
			sb.append(" WHERE ").append(index.where());
		}
		return List.of(sb.toString());
	}

	/** {@code CONCURRENTLY } where the dialect has it, else nothing. */
	protected String concurrentlyKeyword() {
		return "";
	}

	protected String indexColumns(Index index) {
		if (index.expressions()) {
			return String.join(", ", index.columns());
		}
		return columnList(index.columns());
	}

	protected List<String> dropIndex(DropIndex op, MigrationContext context) {
		return List.of("DROP INDEX " + (op.concurrently() ? concurrentlyKeyword() : "") + qualify(op.schema(), op.name()));
	}

	// ---------------------------------------------------------------- constraints

	protected List<String> createForeignKey(CreateForeignKey op, MigrationContext context) {
		return List.of(alterTable(op.schema(), op.table()) + "ADD " + foreignKeyClause(op.foreignKey(), op.schema()));
	}

	protected List<String> createUniqueConstraint(CreateUniqueConstraint op, MigrationContext context) {
		return List.of(alterTable(op.schema(), op.table()) + "ADD " + constraintName(op.constraint().name())
				+ "UNIQUE (" + columnList(op.constraint().columns()) + ")");
	}

	protected List<String> createCheckConstraint(CreateCheckConstraint op, MigrationContext context) {
		return List.of(alterTable(op.schema(), op.table()) + "ADD " + constraintName(op.constraint().name()) + "CHECK ("
				+ op.constraint().condition() + ")");
	}

	/** Enum types are PostgreSQL's: refused here. */
	protected List<String> createEnumType(dev.migrate.operations.CreateEnumType op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException("createEnumType(" + op.name()
				+ "): enum types (CREATE TYPE ... AS ENUM) exist only on PostgreSQL, not on the " + name()
				+ " dialect; use enumOf(...) for a column's own enumeration");
	}

	/** Enum types are PostgreSQL's: refused here. */
	protected List<String> addEnumValue(dev.migrate.operations.AddEnumValue op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException("addEnumValue(" + op.name() + ", " + op.value()
				+ "): enum types exist only on PostgreSQL, not on the " + name() + " dialect");
	}

	/** Enum types are PostgreSQL's: refused here. */
	protected List<String> dropEnumType(dev.migrate.operations.DropEnumType op, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException("dropEnumType(" + op.name()
				+ "): enum types exist only on PostgreSQL, not on the " + name() + " dialect");
	}

	protected List<String> createPrimaryKey(CreatePrimaryKey op, MigrationContext context) {
		PrimaryKey pk = op.primaryKey();
		return List.of(alterTable(op.schema(), op.table()) + "ADD " + constraintName(pk.name()) + "PRIMARY KEY ("
				+ columnList(pk.columns()) + ")");
	}

	protected List<String> dropConstraint(DropConstraint op, MigrationContext context) {
		return List.of(alterTable(op.schema(), op.table()) + "DROP CONSTRAINT " + quoteIfNeeded(op.name()));
	}

	// ---------------------------------------------------------------- data

	/**
	 * Online, the built data statements carry their values as bind parameters, never as literals:
	 * a literal is read by the server's own rules ({@code standard_conforming_strings},
	 * {@code NO_BACKSLASH_ESCAPES}), a parameter is data whatever they are.
	 */
	@Override
	public List<BoundStatement> renderBound(MigrateOperation operation, MigrationContext context) {
		if (operation instanceof ExecuteStatement op) {
			ValueWriter values = ValueWriter.parameters(this);
			return List.of(values.bind(statement(op.schema(), op.statement(), values)));
		}
		if (operation instanceof BulkInsert op) {
			return bulkInsert(op, ValueWriter.parameters(this));
		}
		return Dialect.super.renderBound(operation, context);
	}

	/** An UPDATE or DELETE built with {@link Sql}, values as literals. */
	protected String statement(String schema, Sql.Statement statement) {
		return statement(schema, statement, ValueWriter.literals(this));
	}

	private String statement(String schema, Sql.Statement statement, ValueWriter values) {
		if (statement instanceof Sql.Update u) {
			if (u.values().isEmpty()) {
				throw new MigrateException("UPDATE " + u.table().name() + " sets no column");
			}
			StringBuilder sb = new StringBuilder("UPDATE ").append(qualify(schema, u.table().name())).append(" SET ");
			sb.append(u.values().entrySet().stream()
				.map((e) -> quoteIfNeeded(checkColumn(u.table(), e.getKey())) + " = " + values.write(e.getValue()))
				.collect(Collectors.joining(", ")));
			sb.append(where(u.table(), u.where(), values));
			return sb.toString();
		}
		if (statement instanceof Sql.Delete d) {
			return "DELETE FROM " + qualify(schema, d.table().name()) + where(d.table(), d.where(), values);
		}
		throw new UnsupportedOperationOnDialectException("Statement " + statement.getClass().getSimpleName()
				+ " is not supported by the " + name() + " dialect");
	}

	private String where(Sql.TableRef table, Map<String, Object> where, ValueWriter values) {
		if (where.isEmpty()) {
			return "";
		}
		return " WHERE " + where.entrySet().stream().map((e) -> {
			String column = quoteIfNeeded(checkColumn(table, e.getKey()));
			return (e.getValue() == null) ? column + " IS NULL" : column + " = " + values.write(e.getValue());
		}).collect(Collectors.joining(" AND "));
	}

	private static String checkColumn(Sql.TableRef table, String column) {
		if (!table.columns().isEmpty() && table.columns().stream().noneMatch((c) -> c.name().equals(column))) {
			throw new MigrateException("Table reference " + table.name() + " has no column '" + column
					+ "'; declared: " + table.columns().stream().map(Sql.ColumnRef::name).toList());
		}
		return column;
	}

	/** INSERT statements of up to {@link #INSERT_CHUNK} rows; consecutive rows with the same columns share one. */
	protected List<String> bulkInsert(BulkInsert op, MigrationContext context) {
		return bulkInsert(op, ValueWriter.literals(this)).stream().map(BoundStatement::sql).toList();
	}

	private List<BoundStatement> bulkInsert(BulkInsert op, ValueWriter writer) {
		List<BoundStatement> sql = new ArrayList<>();
		Set<String> columns = null;
		List<String> values = new ArrayList<>();
		for (Map<String, Object> row : op.rows()) {
			Set<String> rowColumns = new LinkedHashSet<>(row.keySet());
			if (rowColumns.isEmpty()) {
				throw new MigrateException("bulk insert into " + op.table().name() + ": a row has no values");
			}
			if (columns != null && (!columns.equals(rowColumns) || values.size() >= INSERT_CHUNK
					|| writer.count() + rowColumns.size() > MAX_PARAMETERS)) {
				sql.add(writer.bind(insert(op, columns, values)));
				values = new ArrayList<>();
			}
			if (columns == null || !columns.equals(rowColumns)) {
				rowColumns.forEach((c) -> checkColumn(op.table(), c));
				columns = rowColumns;
			}
			values.add("(" + columns.stream().map((c) -> writer.write(row.get(c))).collect(Collectors.joining(", ")) + ")");
		}
		if (!values.isEmpty()) {
			sql.add(writer.bind(insert(op, columns, values)));
		}
		return sql;
	}

	private String insert(BulkInsert op, Set<String> columns, List<String> values) {
		return "INSERT INTO " + qualify(op.schema(), op.table().name()) + " ("
				+ columns.stream().map(this::quoteIfNeeded).collect(Collectors.joining(", ")) + ") VALUES "
				+ String.join(", ", values);
	}

	// ---------------------------------------------------------------- batch

	/** Each operation of the batch as a plain ALTER; SQLite overrides this with "move and copy". */
	protected List<String> batchAlterTable(BatchAlterTable op, MigrationContext context) {
		if (op.recreate() == BatchAlterTable.Recreate.ALWAYS) {
			throw new UnsupportedOperationOnDialectException("batchAlterTable on " + op.table()
					+ ": recreate ALWAYS is supported on SQLite only; the " + name()
					+ " dialect runs batch operations as plain ALTER statements (use Recreate.AUTO)");
		}
		List<String> sql = new ArrayList<>();
		for (MigrateOperation inner : op.operations()) {
			sql.addAll(render(inner, context));
		}
		return sql;
	}

	/** Whether this operation must run outside the revision's transaction (autocommit). */
	@Override
	public boolean runsOutsideTransaction(MigrateOperation operation) {
		return false;
	}

	@Override
	public SchemaReflector reflector() {
		throw new UnsupportedOperationOnDialectException("Schema reflection is not supported by the " + name() + " dialect");
	}

	/**
	 * Lock row: a lease row in table {@code <lockName>_lock} (see {@link LeaseTable}), used where
	 * the database has no session lock (H2, SQLite). This method takes it with the default lease
	 * and no renewal; the runner goes through {@link dev.migrate.runtime.MigrationLock}, which
	 * renews it.
	 */
	@Override
	public void acquireLock(Connection connection, String lockName, Duration timeout) throws SQLException {
		boolean auto = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try {
			String token = LeaseTable.newToken();
			new LeaseTable(this, lockName).acquire(connection, token, timeout, dev.migrate.runtime.MigrationLock.DEFAULT_LEASE);
			this.heldTokens.put(lockName, token);
		}
		finally {
			connection.setAutoCommit(auto);
		}
	}

	private final java.util.Map<String, String> heldTokens = new java.util.concurrent.ConcurrentHashMap<>();

	@Override
	public void releaseLock(Connection connection, String lockName) throws SQLException {
		String token = this.heldTokens.remove(lockName);
		if (token == null) {
			return;
		}
		boolean auto = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try {
			new LeaseTable(this, lockName).release(connection, token);
		}
		finally {
			connection.setAutoCommit(auto);
		}
	}

	@Override
	public boolean usesLockRow() {
		return true;
	}

	@Override
	public dev.migrate.runtime.LockInfo lockInfo(Connection connection, String lockName) throws SQLException {
		LeaseTable table = new LeaseTable(this, lockName);
		if (!table.exists(connection)) {
			return null;
		}
		LeaseTable.Lease lease = table.read(connection);
		return (lease != null) ? table.info(lease, dev.migrate.runtime.MigrationLock.DEFAULT_LEASE) : null;
	}

	@Override
	public boolean forceReleaseLock(Connection connection, String lockName) throws SQLException {
		return new LeaseTable(this, lockName).forceRelease(connection);
	}

	/** The table used as lock row: {@code <lockName>_lock}. */
	protected String lockTable(String lockName) {
		return new LeaseTable(this, lockName).table();
	}

	protected static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LockTimeoutException("Interrupted while waiting for the migration lock");
		}
	}

	@Override
	public String toString() {
		return name();
	}

	/** {@code CHAR(36)} or {@code BINARY(16)}: how databases without a UUID type store one. */
	protected static boolean isUuidStorage(ColumnType t) {
		return (t.kind() == ColumnType.Kind.STRING && Integer.valueOf(36).equals(t.length()))
				|| (t.kind() == ColumnType.Kind.RAW && "char(36)".equalsIgnoreCase(t.raw().replace(" ", "")))
				|| (t.kind() == ColumnType.Kind.BINARY && Integer.valueOf(16).equals(t.length()));
	}

}
