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

	/** {@code '\x0a1b'::bytea}. */
	@Override
	protected String binaryLiteral(byte[] bytes) {
		return "'\\x" + HexFormat.of().formatHex(bytes) + "'::bytea";
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
