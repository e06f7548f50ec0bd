package dev.migrate.dialect.mysql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.MigrateException;
import dev.migrate.dialect.DefaultDialect;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.AddColumn;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.ConstraintType;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.DropIndex;
import dev.migrate.operations.RenameTable;
import dev.migrate.operations.SetTableComment;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Table;

/**
 * MySQL and MariaDB: DDL is not transactional (each statement commits), {@code GET_LOCK} session
 * lock, backtick quoting, backslash-escaping string literals, {@code AUTO_INCREMENT}, inline
 * comments, {@code CHANGE/MODIFY COLUMN} (which needs the existing type), and type-specific
 * {@code DROP FOREIGN KEY / INDEX / PRIMARY KEY}.
 */
public class MySqlDialect extends DefaultDialect {

	/** {@code MODIFY} restating the column (type, nullability, comment) with or without {@code AUTO_INCREMENT}. */
	@Override
	public java.util.List<java.util.List<String>> generatedValuesSql(String qualifiedTable, dev.migrate.schema.Column column,
			boolean generated) {
		String spec = "ALTER TABLE " + qualifiedTable + " MODIFY " + quoteIfNeeded(column.name()) + " " + typeSql(column.type())
				+ (column.nullable() ? " NULL" : " NOT NULL");
		String comment = (column.comment() != null && !column.comment().isEmpty())
				? " COMMENT '" + column.comment().replace("\\", "\\\\").replace("'", "''") + "'" : "";
		java.util.List<String> add = java.util.List.of(spec + " AUTO_INCREMENT" + comment);
		java.util.List<String> drop = java.util.List.of(spec + comment);
		return generated ? java.util.List.of(add, drop) : java.util.List.of(drop, add);
	}

	/** {@code DROP PRIMARY KEY, ADD PRIMARY KEY} in one ALTER: checked as a whole, so an AUTO_INCREMENT column stays in a key. */
	@Override
	public String replacePrimaryKeySql(String qualifiedTable, java.util.List<String> target) {
		return "ALTER TABLE " + qualifiedTable + " DROP PRIMARY KEY, ADD PRIMARY KEY ("
				+ String.join(", ", target.stream().map(this::quoteIfNeeded).toList()) + ")";
	}

	private static final Set<String> MYSQL_RESERVED = mysqlReserved();

	/** Whether the server runs with {@code NO_BACKSLASH_ESCAPES} (option {@code no_backslash_escapes}). */
	private final boolean noBackslashEscapes;

	/** The {@code uuid} option ({@code uuid}, {@code binary}, {@code char}), or null: as the connected server. */
	private final String uuidOption;

	/** The SQL type of {@link ColumnType#UUID}: {@code UUID}, {@code BINARY(16)} or {@code CHAR(36)}. */
	private final String uuidType;

	/** MySQL/MariaDB with the default {@code sql_mode}: a backslash in a string literal is an escape. */
	public MySqlDialect() {
		this(false);
	}

	/** @param noBackslashEscapes whether the server's {@code sql_mode} has {@code NO_BACKSLASH_ESCAPES} */
	protected MySqlDialect(boolean noBackslashEscapes) {
		this(noBackslashEscapes, null, BINARY_16);
	}

	private MySqlDialect(boolean noBackslashEscapes, String uuidOption, String uuidType) {
		this.noBackslashEscapes = noBackslashEscapes;
		this.uuidOption = uuidOption;
		this.uuidType = uuidType;
	}

	private static final String BINARY_16 = "BINARY(16)";

	private static final String CHAR_36 = "CHAR(36)";

	/**
	 * UUID columns as Hibernate 7 expects them on {@code server}: {@code uuid} on MariaDB 10.7 and later,
	 * {@code BINARY(16)} on older MariaDB and on MySQL; unless option {@code uuid} chose one.
	 */
	@Override
	public dev.migrate.dialect.Dialect forServer(dev.migrate.dialect.DatabaseServer server) {
		if (server == null || this.uuidOption != null) {
			return this;
		}
		String type = (server.isMariaDb() && server.atLeast(10, 7)) ? "UUID" : BINARY_16;
		return type.equals(this.uuidType) ? this : new MySqlDialect(this.noBackslashEscapes, null, type);
	}

	/** Online, rendered {@linkplain #forServer for the connected server}. */
	@Override
	public List<String> render(dev.migrate.operations.MigrateOperation operation, MigrationContext context) {
		if (this.uuidOption == null && context != null && !context.isOffline() && context.connection() != null) {
			try {
				dev.migrate.dialect.Dialect server = forServer(dev.migrate.dialect.DatabaseServer.of(context.connection()));
				if (server != this) {
					return server.render(operation, context);
				}
			}
			catch (SQLException ex) {
				// not known: as written offline
			}
		}
		return super.render(operation, context);
	}

	/**
	 * Option {@code no_backslash_escapes=true|false}: offline SQL for a server whose {@code sql_mode}
	 * has {@code NO_BACKSLASH_ESCAPES}, where a backslash is an ordinary character. Without it, string
	 * literals double their backslashes, which no server misreads as SQL, but which a server with
	 * {@code NO_BACKSLASH_ESCAPES} stores doubled. (Online, values of built statements are bound
	 * and need no escaping.)
	 */
	@Override
	public dev.migrate.dialect.Dialect withOptions(java.util.Map<String, String> options) {
		java.util.Map<String, String> rest = new java.util.LinkedHashMap<>(options);
		String value = rest.remove("no_backslash_escapes");
		String uuid = rest.remove("uuid");
		super.withOptions(rest);
		if (value == null && uuid == null) {
			return this;
		}
		if (value != null && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
			throw new dev.migrate.ConfigurationException("Invalid dialect option no_backslash_escapes='" + value
					+ "': use true or false");
		}
		boolean noBackslashEscapes = (value != null) ? Boolean.parseBoolean(value) : this.noBackslashEscapes;
		if (uuid == null) {
			return new MySqlDialect(noBackslashEscapes, this.uuidOption, this.uuidType);
		}
		String type = switch (uuid.toLowerCase(Locale.ROOT)) {
			case "uuid" -> "UUID";
			case "binary" -> BINARY_16;
			case "char" -> CHAR_36;
			default -> throw new dev.migrate.ConfigurationException("Invalid dialect option uuid='" + uuid
					+ "': use uuid (MariaDB 10.7 and later), binary (BINARY(16)) or char (CHAR(36))");
		};
		return new MySqlDialect(noBackslashEscapes, uuid.toLowerCase(Locale.ROOT), type);
	}


	private static Set<String> mysqlReserved() {
		Set<String> words = new HashSet<>(RESERVED);
		words.addAll(List.of("accessible", "add", "before", "bigint", "blob", "call", "cascade", "change", "char",
				"character", "condition", "continue", "convert", "cume_dist", "cursor", "database", "databases",
				"day_hour", "day_minute", "day_second", "dec", "decimal", "declare", "delayed", "dense_rank",
				"describe", "deterministic", "distinctrow", "div", "double", "dual", "each", "elseif", "empty",
				"enclosed", "escaped", "exit", "explain", "first_value", "float", "float4", "float8", "force",
				"function", "generated", "get", "high_priority", "hour_minute", "hour_second", "ignore", "infile",
				"inout", "insensitive", "int", "int1", "int2", "int3", "int4", "int8", "integer", "iterate", "json_table",
				"keys", "kill", "lag", "last_value", "lead", "leave", "linear", "lines", "load", "lock", "long",
				"longblob", "longtext", "loop", "low_priority", "master_bind", "match", "maxvalue", "mediumblob",
				"mediumint", "mediumtext", "middleint", "minute_second", "mod", "modifies", "no_write_to_binlog",
				"nth_value", "ntile", "numeric", "optimize", "optimizer_costs", "option", "optionally", "out",
				"outfile", "over", "partition", "percent_rank", "precision", "procedure", "purge", "rank", "read",
				"read_write", "reads", "real", "recursive", "release", "rename", "repeat", "replace", "require",
				"resignal", "restrict", "return", "revoke", "rlike", "row_number", "schema", "schemas", "sensitive",
				"separator", "show", "signal", "smallint", "spatial", "specific", "sql", "sql_big_result",
				"sql_calc_found_rows", "sql_small_result", "sqlexception", "sqlstate", "sqlwarning", "ssl",
				"starting", "stored", "straight_join", "system", "terminated", "tinyblob", "tinyint", "tinytext",
				"trigger", "undo", "unlock", "unsigned", "usage", "use", "utc_date", "utc_time", "utc_timestamp",
				"varbinary", "varchar", "varcharacter", "varying", "virtual", "while", "write", "xor", "year_month",
				"zerofill", "offset", "returning", "sequence"));
		return Set.copyOf(words);
	}

	@Override
	protected Set<String> reservedWords() {
		return MYSQL_RESERVED;
	}

	/**
	 * MySQL names: {@code DATETIME} for timestamps (MySQL has no zone-aware type), {@code BINARY(16)}
	 * for UUID ({@code UUID} on MariaDB 10.7 and later, see {@link #forServer}; option {@code uuid}),
	 * {@code BOOL}, {@code VARBINARY}/{@code LONGBLOB}; {@code VARCHAR} needs a length.
	 */
	@Override
	public String typeSql(ColumnType type) {
		return switch (type.kind()) {
			case STRING -> {
				if (type.length() == null) {
					throw new UnsupportedOperationOnDialectException(
							"VARCHAR requires a length on the mysql dialect; use string(n) or TEXT");
				}
				yield "VARCHAR(" + type.length() + ")";
			}
			case TEXT -> "TEXT";
			case FLOAT -> "FLOAT";
			case DOUBLE -> "DOUBLE";
			case BOOLEAN -> "BOOL";
			case TIMESTAMP -> "DATETIME";
			case UUID -> this.uuidType;
			case BINARY -> (type.length() != null) ? "VARBINARY(" + type.length() + ")" : "LONGBLOB";
			// Hibernate 7 stores arrays as JSON on MySQL and MariaDB
			case ARRAY, JSONB -> "JSON";
			default -> super.typeSql(type);
		};
	}

	/** {@code name type [NOT NULL|NULL] [DEFAULT x] [AUTO_INCREMENT] [COMMENT 'c']}. */
	@Override
	protected String columnDefinition(Column column, Table table) {
		return quoteIfNeeded(column.name()) + " " + columnSpec(column.type(), column.nullable(), column.serverDefault(),
				column.isAutoincrement(), column.comment());
	}

	private String columnSpec(ColumnType type, Boolean nullable, String serverDefault, boolean autoincrement,
			String comment) {
		StringBuilder sb = new StringBuilder(typeSql(type));
		if (nullable != null) {
			sb.append(nullable ? " NULL" : " NOT NULL");
		}
		if (serverDefault != null) {
			sb.append(" DEFAULT ").append(serverDefaultSql(serverDefault));
		}
		if (autoincrement) {
			sb.append(" AUTO_INCREMENT");
		}
		if (comment != null && !comment.isEmpty()) {
			sb.append(" COMMENT ").append(stringLiteral(comment));
		}
		return sb.toString();
	}

	/**
	 * A server default as MySQL reads it. Server defaults are standard SQL text, so a default that is
	 * one standard string literal ({@code 'a\b'}, quotes doubled, as {@code Column.defaultValue}
	 * writes it) gets its backslashes escaped, which MySQL would otherwise read as escapes; any other
	 * expression ({@code now()}, {@code 0}, {@code _utf8mb4'x'}) is written as it is.
	 */
	protected String serverDefaultSql(String serverDefault) {
		String value = standardStringLiteralValue(serverDefault);
		return (value != null) ? stringLiteral(value) : serverDefault;
	}

	/** The value of {@code sql} when it is exactly one single-quoted literal with doubled quotes, else null. */
	static String standardStringLiteralValue(String sql) {
		String s = sql.strip();
		if (s.length() < 2 || s.charAt(0) != '\'' || s.charAt(s.length() - 1) != '\'') {
			return null;
		}
		StringBuilder value = new StringBuilder();
		for (int i = 1; i < s.length() - 1; i++) {
			char c = s.charAt(i);
			if (c == '\'') {
				if (i + 1 < s.length() - 1 && s.charAt(i + 1) == '\'') {
					i++;
				}
				else {
					// a quote that closes the literal before the end: 'a' || 'b', 'it\'s'
					return null;
				}
			}
			value.append(c);
		}
		return value.toString();
	}

	@Override
	protected String tableOptions(Table table) {
		return (table.comment() != null) ? " COMMENT = " + stringLiteral(table.comment()) : "";
	}

	/** Comments are written inline. */
	@Override
	protected List<String> commentStatements(Table table) {
		return List.of();
	}

	@Override
	protected List<String> addColumn(AddColumn op, MigrationContext context) {
		Column c = op.column();
		List<String> sql = new ArrayList<>();
		sql.add(alterTable(op.schema(), op.table()) + "ADD COLUMN " + columnDefinition(c, null));
		if (c.isPrimaryKey()) {
			sql.add(alterTable(op.schema(), op.table()) + "ADD PRIMARY KEY (" + quoteIfNeeded(c.name()) + ")");
		}
		return sql;
	}

	/** The new name is qualified too: unqualified, MySQL would move the table to the default database. */
	@Override
	protected List<String> renameTable(RenameTable op, MigrationContext context) {
		return List.of("ALTER TABLE " + qualify(op.schema(), op.oldName()) + " RENAME TO "
				+ qualify(op.schema(), op.newName()));
	}

	@Override
	protected List<String> createSequence(dev.migrate.operations.CreateSequence op, MigrationContext context) {
		refuseSequencesOnMySql(context, "create sequence " + op.sequence().qualifiedName());
		return super.createSequence(op, context);
	}

	@Override
	protected List<String> dropSequence(dev.migrate.operations.DropSequence op, MigrationContext context) {
		refuseSequencesOnMySql(context, "drop sequence " + op.name());
		return super.dropSequence(op, context);
	}

	/** MariaDB has sequences, MySQL none: refused when connected to MySQL (offline the SQL is MariaDB's). */
	private static void refuseSequencesOnMySql(MigrationContext context, String what) {
		if (context == null || context.isOffline() || context.connection() == null) {
			return;
		}
		try {
			if (!dev.migrate.dialect.DatabaseServer.of(context.connection()).isMariaDb()) {
				throw new UnsupportedOperationOnDialectException("MySQL has no sequences (MariaDB has): cannot " + what
						+ "; use an AUTO_INCREMENT column");
			}
		}
		catch (java.sql.SQLException ex) {
			// not known: let the server answer
		}
	}

	@Override
	protected List<String> setTableComment(SetTableComment op, MigrationContext context) {
		return List.of(alterTable(op.schema(), op.table()) + "COMMENT = "
				+ stringLiteral((op.comment() != null) ? op.comment() : ""));
	}

	/**
	 * A rename alone is {@code RENAME COLUMN}, a default alone {@code ALTER COLUMN ... SET/DROP DEFAULT};
	 * anything else is {@code CHANGE COLUMN}/{@code MODIFY COLUMN}, which restates the whole column
	 * and so needs the existing type (and existing nullability, default and comment, which are
	 * otherwise lost).
	 */
	@Override
	protected List<String> alterColumn(AlterColumn op, MigrationContext context) {
		String prefix = alterTable(op.schema(), op.table());
		boolean needsRestatement = op.type() != null || op.nullable() != null || op.comment() != null;
		if (!needsRestatement) {
			List<String> sql = new ArrayList<>();
			if (op.serverDefault() != null) {
				sql.add(prefix + "ALTER COLUMN " + quoteIfNeeded(op.column()) + " SET DEFAULT "
						+ serverDefaultSql(op.serverDefault()));
			}
			if (op.dropDefault()) {
				sql.add(prefix + "ALTER COLUMN " + quoteIfNeeded(op.column()) + " DROP DEFAULT");
			}
			if (op.newName() != null) {
				sql.add(renameColumn(op));
			}
			if (sql.isEmpty()) {
				throw new MigrateException("alter column " + op.table() + "." + op.column() + " changes nothing");
			}
			return sql;
		}
		ColumnType type = op.finalType();
		if (type == null) {
			throw new UnsupportedOperationOnDialectException("All MySQL CHANGE/MODIFY COLUMN operations require the existing type."
					+ " (alter column " + op.table() + "." + op.column() + ": add existingType(...))");
		}
		Boolean nullable = (op.nullable() != null) ? op.nullable() : op.existingNullable();
		String serverDefault = op.dropDefault() ? null
				: (op.serverDefault() != null) ? op.serverDefault() : op.existingServerDefault();
		String comment = (op.comment() != null) ? op.comment() : op.existingComment();
		String spec = columnSpec(type, nullable, serverDefault, false, comment);
		if (op.newName() != null) {
			return List.of(prefix + "CHANGE COLUMN " + quoteIfNeeded(op.column()) + " " + quoteIfNeeded(op.newName())
					+ " " + spec);
		}
		return List.of(prefix + "MODIFY COLUMN " + quoteIfNeeded(op.column()) + " " + spec);
	}

	/** {@code DROP INDEX name ON table}; without a table it is looked up in the catalog (online only). */
	@Override
	protected List<String> dropIndex(DropIndex op, MigrationContext context) {
		String table = op.table();
		if (table == null) {
			if (context == null || context.isOffline()) {
				throw new UnsupportedOperationOnDialectException("MySQL needs the table to drop index " + op.name()
						+ "; use dropIndex(\"" + op.name() + "\", table)");
			}
			table = lookup(context, "SELECT TABLE_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = "
					+ schemaCondition(op.schema()) + " AND INDEX_NAME = ?", op.schema(), op.name());
			if (table == null) {
				throw new MigrateException("Index " + op.name() + " not found in the database");
			}
		}
		return List.of("DROP INDEX " + quoteIfNeeded(op.name()) + " ON " + qualify(op.schema(), table));
	}

	/**
	 * {@code DROP FOREIGN KEY}, {@code DROP INDEX} (unique), {@code DROP PRIMARY KEY} or
	 * {@code DROP CONSTRAINT} (check); MySQL has no generic drop, so without a type the constraint's
	 * kind is read from the catalog (online only).
	 */
	@Override
	protected List<String> dropConstraint(DropConstraint op, MigrationContext context) {
		ConstraintType type = op.type();
		if (type == null) {
			if (context == null || context.isOffline()) {
				throw new UnsupportedOperationOnDialectException("No generic 'DROP CONSTRAINT' in MySQL - please specify"
						+ " constraint type: dropConstraint(\"" + op.name() + "\", \"" + op.table()
						+ "\", \"foreignkey|unique|check|primary\")");
			}
			String kind = lookup(context, "SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE"
					+ " CONSTRAINT_SCHEMA = " + schemaCondition(op.schema()) + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?",
					op.schema(), op.table(), op.name());
			if (kind == null) {
				throw new MigrateException("Constraint " + op.name() + " not found on table " + op.table());
			}
			type = switch (kind.toUpperCase(Locale.ROOT)) {
				case "FOREIGN KEY" -> ConstraintType.FOREIGN_KEY;
				case "UNIQUE" -> ConstraintType.UNIQUE;
				case "PRIMARY KEY" -> ConstraintType.PRIMARY_KEY;
				default -> ConstraintType.CHECK;
			};
		}
		String prefix = alterTable(op.schema(), op.table());
		return List.of(switch (type) {
			case FOREIGN_KEY -> prefix + "DROP FOREIGN KEY " + quoteIfNeeded(op.name());
			case UNIQUE -> prefix + "DROP INDEX " + quoteIfNeeded(op.name());
			case PRIMARY_KEY -> prefix + "DROP PRIMARY KEY";
			case CHECK -> prefix + (isMySql(context) ? "DROP CHECK " : "DROP CONSTRAINT ") + quoteIfNeeded(op.name());
		});
	}

	/**
	 * Whether {@code context} is connected to MySQL (not MariaDB): MySQL 8.0.16 to 8.0.18 drop a check only with
	 * {@code DROP CHECK}, which MariaDB does not have; {@code DROP CONSTRAINT} (offline, and on MariaDB) works on
	 * both from MySQL 8.0.19.
	 */
	private static boolean isMySql(MigrationContext context) {
		if (context == null || context.isOffline() || context.connection() == null) {
			return false;
		}
		try {
			return !dev.migrate.dialect.DatabaseServer.of(context.connection()).isMariaDb();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String schemaCondition(String schema) {
		return (schema == null) ? "DATABASE()" : "?";
	}

	/** One catalog value; {@code schema}, when not null, binds the first parameter. */
	private static String lookup(MigrationContext context, String sql, String schema, String... args) {
		try (PreparedStatement ps = context.connection().prepareStatement(sql)) {
			int i = 1;
			if (schema != null) {
				ps.setString(i++, schema);
			}
			for (String a : args) {
				ps.setString(i++, a);
			}
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the MySQL catalog: " + ex.getMessage(), ex);
		}
	}

	/** MySQL's schemas are databases: the connection's catalog is switched, and switched back afterwards. */
	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		String before = connection.getCatalog();
		connection.setCatalog(schema);
		return before;
	}

	@Override
	public void restoreSchema(Connection connection, String saved) throws SQLException {
		if (saved != null) {
			connection.setCatalog(saved);
		}
	}

	@Override
	public String name() {
		return "mysql";
	}

	/** MariaDB Connector/J and MySQL Connector/J: {@code connectTimeout} in milliseconds. */
	@Override
	public java.util.Map<String, String> connectProperties(Duration connectTimeout) {
		return java.util.Map.of("connectTimeout", Long.toString(Math.max(1, connectTimeout.toMillis())));
	}

	@Override
	public boolean handlesJdbcUrl(String url) {
		return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
	}

	@Override
	public boolean handlesProductName(String databaseProductName) {
		return "MySQL".equalsIgnoreCase(databaseProductName) || "MariaDB".equalsIgnoreCase(databaseProductName);
	}

	/**
	 * Hibernate's unnamed checks read back as the comparison matches them: MariaDB and MySQL keep the condition
	 * with quoted names ({@code `age` >= 18}), MySQL with escaped, introduced literals
	 * ({@code _utf8mb4\'A\'}, unescaped by the reflector). Where the server has no {@code CHECK_CONSTRAINTS}
	 * the reflected checks are not known and not compared.
	 */
	@Override
	public boolean comparesUnnamedChecks() {
		return true;
	}

	/** {@code ENUM('A','B')}: Hibernate 7 writes no check of its values. */
	@Override
	public boolean nativeEnumColumns() {
		return true;
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	protected char identifierQuote() {
		return '`';
	}

	@Override
	protected String stringLiteral(String s) {
		if (this.noBackslashEscapes) {
			return super.stringLiteral(s);
		}
		return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/**
	 * {@code GET_LOCK} is server-wide: the name carries the database, so runners of unrelated
	 * databases on one server do not wait for each other. Names longer than MySQL's 64
	 * characters are hashed.
	 */
	static String getLockName(Connection connection, String lockName) throws SQLException {
		String database = connection.getCatalog();
		String name = "migrate:" + ((database != null) ? database : "") + "." + lockName;
		if (name.length() <= 64) {
			return name;
		}
		try {
			byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return "migrate:" + java.util.HexFormat.of().formatHex(hash).substring(0, 48);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void acquireLock(Connection connection, String lockName, Duration timeout) throws SQLException {
		String name = getLockName(connection, lockName);
		try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			ps.setString(1, name);
			// GET_LOCK takes fractional seconds (MariaDB, MySQL 5.7.5+)
			ps.setBigDecimal(2, java.math.BigDecimal.valueOf(Math.max(0, timeout.toMillis()), 3));
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				if (rs.getInt(1) != 1) {
					dev.migrate.runtime.LockInfo holder = lockInfo(connection, lockName);
					throw new LockTimeoutException("Could not acquire MySQL lock GET_LOCK('" + name + "') within "
							+ timeout.toMillis() + " ms: " + ((holder != null) ? holder.describe() + "; " + holder.howToEnd()
									: "another migration holds it"), holder);
				}
			}
		}
	}

	@Override
	public void releaseLock(Connection connection, String lockName) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			ps.setString(1, getLockName(connection, lockName));
			ps.executeQuery().close();
		}
	}

	@Override
	public boolean usesLockRow() {
		return false;
	}

	/** The connection holding the lock ({@code IS_USED_LOCK}), described from the process list. */
	@Override
	public dev.migrate.runtime.LockInfo lockInfo(Connection connection, String lockName) throws SQLException {
		String name = getLockName(connection, lockName);
		long id;
		try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			ps.setString(1, name);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				id = rs.getLong(1);
				if (rs.wasNull()) {
					return null;
				}
			}
		}
		StringBuilder holder = new StringBuilder("connection id ").append(id);
		java.time.Instant since = null;
		try (PreparedStatement ps = connection.prepareStatement(
				"SELECT USER, HOST, COMMAND, TIME, INFO FROM information_schema.PROCESSLIST WHERE ID = ?")) {
			ps.setLong(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				if (rs.next()) {
					holder.append(" (user ").append(rs.getString(1)).append(", client ").append(rs.getString(2))
						.append(", ").append(rs.getString(3));
					String info = rs.getString(5);
					if (info != null && !info.isBlank()) {
						String q = info.strip().replaceAll("\\s+", " ");
						holder.append(", running: ").append((q.length() > 80) ? q.substring(0, 77) + "..." : q);
					}
					holder.append(')');
					since = java.time.Instant.now().minusSeconds(rs.getLong(4));
				}
			}
		}
		catch (SQLException ex) {
			// no PROCESS privilege: the id is enough
		}
		return new dev.migrate.runtime.LockInfo("MySQL lock GET_LOCK('" + name + "')", holder.toString(), since, null,
				"if that session is stuck or its client is gone, end it with KILL " + id);
	}

	/** The driver's cancel: {@code KILL QUERY} of the connection's thread, sent over a second connection. */
	@Override
	public void cancelStatement(Connection connection) throws SQLException {
		try (java.sql.Statement s = connection.createStatement()) {
			s.cancel();
		}
	}

	/** Reflection with bulk catalog queries ({@link MySqlReflector}). */
	@Override
	public dev.migrate.reflect.SchemaReflector reflector() {
		return new MySqlReflector();
	}

	/**
	 * No time-zone-aware timestamp; JSON is LONGTEXT on MariaDB. A UUID is what Hibernate 7 validates for a
	 * {@code java.util.UUID}: {@code BINARY(16)} (MySQL, MariaDB before 10.7) or MariaDB's {@code uuid} (10.7 and
	 * later, where a {@code BINARY(16)} is not one); {@code CHAR(36)} and {@code VARCHAR(36)}, what Hibernate
	 * writes for {@code @JdbcTypeCode(SqlTypes.CHAR)}, are one type, a UUID only with option {@code uuid=char}.
	 */
	@Override
	public ColumnType comparableType(ColumnType type) {
		if (type.kind() == ColumnType.Kind.TIMESTAMP) {
			return ColumnType.TIMESTAMP;
		}
		if (type.kind() == ColumnType.Kind.JSON || type.kind() == ColumnType.Kind.JSONB
				|| type.kind() == ColumnType.Kind.ARRAY) {
			return ColumnType.TEXT;
		}
		if ((type.kind() == ColumnType.Kind.STRING && Integer.valueOf(36).equals(type.length()))
				|| (type.kind() == ColumnType.Kind.RAW && "char(36)".equalsIgnoreCase(type.raw().replace(" ", "")))) {
			return CHAR_36.equals(this.uuidType) ? ColumnType.UUID : ColumnType.string(36);
		}
		if (type.kind() == ColumnType.Kind.BINARY && Integer.valueOf(16).equals(type.length())) {
			return "UUID".equals(this.uuidType) ? type : ColumnType.UUID;
		}
		return type;
	}

	@Override
	public boolean backslashEscapes() {
		return !this.noBackslashEscapes;
	}

	@Override
	public boolean indexesForeignKeys() {
		return true;
	}

	@Override
	public boolean restrictIsNoAction() {
		return true;
	}


	/** {@link MySqlLintRules}: ALTERs that cannot run in place without locking. */
	@Override
	public List<dev.migrate.lint.LintRule> lintRules() {
		return MySqlLintRules.rules();
	}

	/**
	 * {@code lock_wait_timeout} (metadata locks, which DDL waits for) and
	 * {@code innodb_lock_wait_timeout} (row locks) for the session, whole seconds (at least 1);
	 * MySQL has no statement timeout for DDL, so a statement timeout is not applied here.
	 */
	@Override
	public List<String> timeoutsSql(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		if (lockTimeout == null) {
			return List.of();
		}
		long seconds = Math.max(1, (lockTimeout.toMillis() + 999) / 1000);
		return List.of("SET SESSION lock_wait_timeout = " + seconds, "SET SESSION innodb_lock_wait_timeout = " + seconds);
	}

	@Override
	public List<String> resetTimeoutsSql(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		return (lockTimeout == null) ? List.of()
				: List.of("SET SESSION lock_wait_timeout = DEFAULT", "SET SESSION innodb_lock_wait_timeout = DEFAULT");
	}

	/** Error 1205, ER_LOCK_WAIT_TIMEOUT (metadata and row lock waits). */
	@Override
	public boolean isLockTimeout(SQLException failure) {
		return failure.getErrorCode() == 1205;
	}
}
