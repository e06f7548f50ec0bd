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

	@Override
	public String name() {
		return "postgresql";
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
				throw new LockTimeoutException("Could not acquire the PostgreSQL advisory lock " + key
						+ " for '" + lockName + "' within " + timeout.toMillis()
						+ " ms; another migration holds it (see pg_locks where locktype = 'advisory')");
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
	@Override
	public dev.migrate.reflect.SchemaReflector reflector() {
		return new PostgresReflector();
	}

	/** {@code bytea} has no length. */
	@Override
	public ColumnType comparableType(ColumnType type) {
		return (type.kind() == ColumnType.Kind.BINARY) ? ColumnType.BINARY : type;
	}

}
