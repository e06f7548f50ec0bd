package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.migrate.operations.MigrateOperation;
import dev.migrate.reflect.SchemaReflector;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.ColumnType;

/**
 * ANSI behaviour shared by every dialect: double-quote identifiers, standard literals, and a
 * lock row for databases without a session lock. Subclasses override only what differs.
 */
public abstract class DefaultDialect implements Dialect {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");

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
			"interval", "escape", "returning", "natural", "offset", "top", "minus", "qualify", "regexp", "rownum");

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	/** The character that opens and closes a quoted identifier. */
	protected char identifierQuote() {
		return '"';
	}

	@Override
	public String quoteIfNeeded(String identifier) {
		if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
			return identifier;
		}
		return quote(identifier);
	}

	@Override
	public String quote(String identifier) {
		String q = String.valueOf(identifierQuote());
		return q + identifier.replace(q, q + q) + q;
	}

	@Override
	public String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Boolean b) {
			return b ? "TRUE" : "FALSE";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		if (value instanceof byte[] bytes) {
			return "X'" + HexFormat.of().formatHex(bytes) + "'";
		}
		if (value instanceof UUID || value instanceof TemporalAccessor || value instanceof java.util.Date) {
			return stringLiteral(value.toString());
		}
		return stringLiteral(value.toString());
	}

	/** A quoted string literal; single quotes are doubled. */
	protected String stringLiteral(String s) {
		return "'" + s.replace("'", "''") + "'";
	}

	@Override
	public String typeSql(ColumnType type) {
		throw new UnsupportedOperationException("typeSql not implemented for " + name());
	}

	@Override
	public List<String> render(MigrateOperation operation, MigrationContext context) {
		throw new UnsupportedOperationOnDialectException(
				"Operation " + operation.getClass().getSimpleName() + " is not supported by the " + name() + " dialect");
	}

	@Override
	public SchemaReflector reflector() {
		throw new UnsupportedOperationOnDialectException("Schema reflection is not supported by the " + name() + " dialect");
	}

	/**
	 * Lock row: a one-row-per-lock table {@code <lockName>} whose primary key makes a second
	 * INSERT fail while the lock is held. Used where the database has no session lock (H2,
	 * SQLite). A crashed holder leaves the row behind; rows older than the lock timeout... are not
	 * stolen: the error says to delete the row by hand, which is safer than guessing.
	 */
	@Override
	public void acquireLock(Connection connection, String lockName, Duration timeout) throws SQLException {
		boolean auto = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try {
			try (Statement s = connection.createStatement()) {
				s.execute("CREATE TABLE IF NOT EXISTS " + quoteIfNeeded(lockTable(lockName))
						+ " (lock_id INTEGER NOT NULL PRIMARY KEY, locked_at VARCHAR(40))");
			}
			long deadline = System.nanoTime() + timeout.toNanos();
			long sleep = 20;
			while (true) {
				try (PreparedStatement ps = connection.prepareStatement(
						"INSERT INTO " + quoteIfNeeded(lockTable(lockName)) + " (lock_id, locked_at) VALUES (1, ?)")) {
					ps.setString(1, java.time.Instant.now().toString());
					ps.executeUpdate();
					return;
				}
				catch (SQLException ex) {
					if (System.nanoTime() > deadline) {
						throw new LockTimeoutException("Could not acquire the migration lock (row in table '"
								+ lockTable(lockName) + "') within " + timeout.toMillis()
								+ " ms; if no other migration is running, a crashed run left it: delete that row");
					}
					sleepQuietly(sleep);
					sleep = Math.min(sleep * 2, 500);
				}
			}
		}
		finally {
			connection.setAutoCommit(auto);
		}
	}

	@Override
	public void releaseLock(Connection connection, String lockName) throws SQLException {
		boolean auto = connection.getAutoCommit();
		connection.setAutoCommit(true);
		try (Statement s = connection.createStatement()) {
			s.executeUpdate("DELETE FROM " + quoteIfNeeded(lockTable(lockName)) + " WHERE lock_id = 1");
		}
		finally {
			connection.setAutoCommit(auto);
		}
	}

	/** The table used as lock row: {@code <lockName>_lock}. */
	protected String lockTable(String lockName) {
		return lockName.toLowerCase(Locale.ROOT) + "_lock";
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

}
