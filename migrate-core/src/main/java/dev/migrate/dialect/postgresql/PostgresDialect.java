package dev.migrate.dialect.postgresql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

import dev.migrate.dialect.DefaultDialect;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.CreateIndex;
import dev.migrate.operations.DropIndex;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;

/**
 * PostgreSQL: transactional DDL, session-level advisory lock, {@code SERIAL} for autoincrement,
 * {@code ALTER COLUMN ... TYPE ... USING}, partial and {@code CONCURRENTLY} indexes (outside the
 * transaction), {@code COMMENT ON}.
 */
public class PostgresDialect extends DefaultDialect {

	@Override
	public String typeSql(ColumnType type) {
		return switch (type.kind()) {
			case TEXT -> "TEXT";
			case TIMESTAMP -> type.timezone() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE";
			case BINARY -> "BYTEA";
			default -> super.typeSql(type);
		};
	}

	/** {@code SMALLSERIAL}, {@code SERIAL}, {@code BIGSERIAL}, as SQLAlchemy renders an autoincrement integer. */
	@Override
	protected String autoincrementType(Column column) {
		return switch (column.type().kind()) {
			case SMALLINT -> "SMALLSERIAL";
			case INTEGER -> "SERIAL";
			case BIGINT -> "BIGSERIAL";
			default -> super.autoincrementType(column);
		};
	}

	@Override
	protected String autoincrementClause(Column column) {
		return switch (column.type().kind()) {
			case SMALLINT, INTEGER, BIGINT -> "";
			default -> super.autoincrementClause(column);
		};
	}

	/** {@code TYPE t [USING expr]}. */
	@Override
	protected String alterType(AlterColumn op) {
		return "TYPE " + typeSql(op.type()) + ((op.using() != null) ? " USING " + op.using() : "");
	}

	@Override
	protected boolean supportsPartialIndexes() {
		return true;
	}

	@Override
	protected String concurrentlyKeyword() {
		return "CONCURRENTLY ";
	}

	/** {@code CREATE/DROP INDEX CONCURRENTLY} cannot run inside a transaction block. */
	@Override
	public boolean runsOutsideTransaction(MigrateOperation operation) {
		return (operation instanceof CreateIndex ci && ci.concurrently())
				|| (operation instanceof DropIndex di && di.concurrently());
	}

	/**
	 * {@code E'\\x0a1b'::bytea}: an escape string, which means the same whatever the server's
	 * {@code standard_conforming_strings} (a plain {@code '\x0a1b'} would read {@code \x0a} as an
	 * escape where it is off).
	 */
	@Override
	protected String binaryLiteral(byte[] bytes) {
		return "E'\\\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
	}

	/**
	 * A string with a backslash is written as an escape string, {@code E'a\\b'} (backslashes and
	 * quotes doubled): with {@code standard_conforming_strings = off} a backslash in a plain
	 * {@code '...'} escapes the next character (even a quote, which would end the literal), in an
	 * {@code E'...'} string it always does, so the literal means the same on every server.
	 */
	@Override
	protected String stringLiteral(String s) {
		String literal = super.stringLiteral(s);
		return (s.indexOf('\\') >= 0) ? "E" + literal.replace("\\", "\\\\") : literal;
	}

	/**
	 * Text values are bound untyped (as a literal is), so that PostgreSQL reads them as the
	 * column's type (integer, uuid, timestamp, jsonb...) rather than as varchar.
	 */
	@Override
	public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
		if (value instanceof String s) {
			statement.setObject(index, s, java.sql.Types.OTHER);
		}
		else {
			statement.setObject(index, value);
		}
	}

	/**
	 * Sets the search_path to the schema alone (as Flyway does), so unqualified names of revisions
	 * resolve and are created there; the previous search_path is restored afterwards.
	 */
	@Override
	public String useSchema(Connection connection, String schema) throws SQLException {
		String before;
		try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting('search_path')");
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			before = rs.getString(1);
		}
		setSearchPath(connection, quoteIfNeeded(schema));
		return before;
	}

	@Override
	public void restoreSchema(Connection connection, String saved) throws SQLException {
		if (saved != null) {
			setSearchPath(connection, saved);
		}
	}

	private static void setSearchPath(Connection connection, String path) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			ps.setString(1, path);
			ps.execute();
		}
	}

	@Override
	public String name() {
		return "postgresql";
	}

	/** pgjdbc: {@code connectTimeout} for the TCP connect, {@code loginTimeout} for the whole login (seconds). */
	@Override
	public java.util.Map<String, String> connectProperties(Duration connectTimeout) {
		String seconds = Long.toString(Math.max(1, (connectTimeout.toMillis() + 999) / 1000));
		return java.util.Map.of("connectTimeout", seconds, "loginTimeout", seconds);
	}

	@Override
	public boolean handlesJdbcUrl(String url) {
		return url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:pgsql:");
	}

	@Override
	public boolean handlesProductName(String databaseProductName) {
		return "PostgreSQL".equalsIgnoreCase(databaseProductName);
	}

	/** Session-level advisory lock: survives the commits of a run and revisions outside a transaction. */
	@Override
	public void acquireLock(Connection connection, String lockName, Duration timeout) throws SQLException {
		long key = lockKey(lockName);
		long deadline = System.nanoTime() + timeout.toNanos();
		long sleep = 10;
		while (true) {
			try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				ps.setLong(1, key);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					if (rs.getBoolean(1)) {
						if (!connection.getAutoCommit()) {
							connection.commit();
						}
						return;
					}
				}
			}
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			if (System.nanoTime() > deadline) {
				dev.migrate.runtime.LockInfo holder = lockInfo(connection, lockName);
				throw new LockTimeoutException("Could not acquire the PostgreSQL advisory lock " + key
						+ " for '" + lockName + "' within " + timeout.toMillis() + " ms: "
						+ ((holder != null) ? holder.describe() + "; " + holder.howToEnd()
								: "another migration holds it (see pg_locks where locktype = 'advisory')"), holder);
			}
			sleepQuietly(sleep);
			sleep = Math.min(sleep * 2, 250);
		}
	}

	@Override
	public void releaseLock(Connection connection, String lockName) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			ps.setLong(1, lockKey(lockName));
			ps.executeQuery().close();
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	@Override
	public boolean usesLockRow() {
		return false;
	}

	/** The backend holding the advisory lock, from {@code pg_locks} and {@code pg_stat_activity}. */
	@Override
	public dev.migrate.runtime.LockInfo lockInfo(Connection connection, String lockName) throws SQLException {
		long key = lockKey(lockName);
		try (PreparedStatement ps = connection.prepareStatement("SELECT l.pid, a.usename, a.application_name, "
				+ "host(a.client_addr), a.backend_start, a.state, a.query FROM pg_locks l LEFT JOIN pg_stat_activity a "
				+ "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
				+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
				+ "AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
			ps.setLong(1, key);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				int pid = rs.getInt(1);
				StringBuilder holder = new StringBuilder("backend pid ").append(pid);
				if (rs.getString(2) != null) {
					holder.append(" (user ").append(rs.getString(2));
					if (rs.getString(4) != null) {
						holder.append(", client ").append(rs.getString(4));
					}
					if (rs.getString(3) != null && !rs.getString(3).isEmpty()) {
						holder.append(", application '").append(rs.getString(3)).append('\'');
					}
					if (rs.getString(6) != null) {
						holder.append(", ").append(rs.getString(6));
					}
					if (rs.getString(7) != null && !rs.getString(7).isBlank()) {
						String q = rs.getString(7).strip().replaceAll("\\s+", " ");
						holder.append(", running: ").append((q.length() > 80) ? q.substring(0, 77) + "..." : q);
					}
					holder.append(')');
				}
				java.sql.Timestamp since = rs.getTimestamp(5);
				return new dev.migrate.runtime.LockInfo("PostgreSQL advisory lock " + key + " ('" + lockName + "')",
						holder.toString(), (since != null) ? since.toInstant() : null, null,
						"if that session is stuck or its client is gone, end it with SELECT pg_terminate_backend(" + pid + ")");
			}
		}
	}

	/** The driver's own cancel request (a second connection to the server). */
	@Override
	public void cancelStatement(Connection connection) throws SQLException {
		try {
			ClassLoader loader = connection.getClass().getClassLoader();
			Class<?> api = Class.forName("org.postgresql.PGConnection", false,
					(loader != null) ? loader : Thread.currentThread().getContextClassLoader());
			api.getMethod("cancelQuery").invoke(connection.unwrap(api));
		}
		catch (ReflectiveOperationException ex) {
			try (java.sql.Statement s = connection.createStatement()) {
				s.cancel();
			}
		}
	}

	/** A stable 64-bit key for a lock name (FNV-1a), so every instance of a service agrees. */
	static long lockKey(String lockName) {
		long h = 0xcbf29ce484222325L;
		for (byte b : ("migrate:" + lockName).getBytes(StandardCharsets.UTF_8)) {
			h ^= (b & 0xff);
			h *= 0x100000001b3L;
		}
		return h;
	}

	/** Reflection with bulk catalog queries ({@link PostgresReflector}). */
	/**
	 * {@code to_regclass} resolves the name as the plain {@code SELECT} would (search path, quoting) and
	 * gives NULL for a missing table, for which the strict {@code table_to_xml} then gives NULL and
	 * {@code XMLTABLE} no row: one round trip at head, and no failed statement (no {@code ERROR} in
	 * the server log) on a first run.
	 */
	@Override
	public String versionTableProbe(String qualifiedTable) {
		String name = literal(qualifiedTable);
		return "SELECT to_regclass(" + name + ") IS NOT NULL, v.version_num FROM (SELECT 1) AS one LEFT JOIN XMLTABLE('/*/row' PASSING table_to_xml(to_regclass("
				+ name + "), true, false, '') COLUMNS version_num text PATH 'version_num') AS v ON true";
	}

	@Override
	public dev.migrate.reflect.SchemaReflector reflector() {
		return new PostgresReflector();
	}

	/** {@code bytea} has no length. */
	@Override
	public ColumnType comparableType(ColumnType type) {
		return (type.kind() == ColumnType.Kind.BINARY) ? ColumnType.BINARY : type;
	}


	/** {@link PostgresLintRules}: locks, rewrites and scans on tables with rows. */
	@Override
	public java.util.List<dev.migrate.lint.LintRule> lintRules() {
		return PostgresLintRules.rules();
	}

	/** {@code SET LOCAL lock_timeout} / {@code statement_timeout} in the revision's transaction ({@code SET} without one). */
	@Override
	public java.util.List<String> timeoutsSql(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		return PostgresTimeouts.set(lockTimeout, statementTimeout, inTransaction);
	}

	@Override
	public java.util.List<String> resetTimeoutsSql(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		return PostgresTimeouts.reset(lockTimeout, statementTimeout, inTransaction);
	}

	/** SQLSTATE 55P03 (lock_not_available). */
	@Override
	public boolean isLockTimeout(SQLException failure) {
		return PostgresTimeouts.LOCK_NOT_AVAILABLE.equals(failure.getSQLState());
	}

	@Override
	public String lockHolders(Connection connection, String statement) {
		return PostgresTimeouts.holders(connection, statement);
	}
}
