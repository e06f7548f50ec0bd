package dev.migrate.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.security.SecureRandom;

import dev.migrate.dialect.Dialect;

/**
 * The lock row of databases without a session lock (H2, SQLite): table {@code <lockName>_lock}
 * with one row, {@code lock_id = 1}, whose primary key makes a second INSERT fail while the lock
 * is held. The row is a lease: it names its owner (host and pid), carries a random token and
 * an expiry ({@code expires_at}, epoch milliseconds) that the holder keeps pushing forward. A
 * waiter that finds the lease expired takes it over in one statement
 * ({@code UPDATE ... WHERE token = <old> AND expires_at < <now>}), so of several waiters exactly
 * one wins. A table of the previous release (no owner, token or expiry) gets the columns added;
 * its rows count as expired one lease length after {@code locked_at}.
 */
public final class LeaseTable {

	/** The logger, created on first use: finding the logging backend scans the class path, which a start at head need not pay. */
	private static final class Log {

		static final System.Logger logger = System.getLogger(LeaseTable.class.getName());

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static volatile String owner;

	private final Dialect dialect;

	private final String table;

	public LeaseTable(Dialect dialect, String lockName) {
		this.dialect = dialect;
		this.table = lockName.toLowerCase(Locale.ROOT) + "_lock";
	}

	/** The lock table's name. */
	public String table() {
		return this.table;
	}

	private String name() {
		return this.dialect.quoteIfNeeded(this.table);
	}

	/** {@code host (pid N)} of this process. */
	public static String owner() {
		String o = owner;
		if (o == null) {
			o = hostName() + " (pid " + ProcessHandle.current().pid() + ")";
			owner = o;
		}
		return o;
	}

	private static String hostName() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			host = System.getenv("COMPUTERNAME");
		}
		if (host == null || host.isBlank()) {
			try {
				host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
			}
			catch (IOException | RuntimeException ex) {
				host = null;
			}
		}
		if (host == null || host.isBlank()) {
			try {
				host = java.net.InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				host = "unknown-host";
			}
		}
		return host;
	}

	/** A new random token for one acquisition. */
	public static String newToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** Creates the table, or adds the lease columns to a table of the previous release. Autocommit. */
	public void ensure(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS " + name() + " (lock_id INTEGER NOT NULL PRIMARY KEY, "
					+ "locked_at VARCHAR(40), owner VARCHAR(255), token VARCHAR(64), expires_at BIGINT)");
		}
		if (hasLeaseColumns(connection)) {
			return;
		}
		for (String column : new String[] { "owner VARCHAR(255)", "token VARCHAR(64)", "expires_at BIGINT" }) {
			try (Statement s = connection.createStatement()) {
				s.execute("ALTER TABLE " + name() + " ADD COLUMN " + column);
			}
			catch (SQLException ex) {
				// already there (added by a concurrent runner): checked below
			}
		}
		if (!hasLeaseColumns(connection)) {
			throw new SQLException("Lock table '" + this.table + "' lacks the lease columns owner, token, expires_at");
		}
	}

	private boolean hasLeaseColumns(Connection connection) {
		return answers(connection, "SELECT owner, token, expires_at FROM " + name() + " WHERE lock_id = -1");
	}

	private static boolean answers(Connection connection, String query) {
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** The lease row, or null when nobody holds the lock (or there is no lock table). */
	public Lease read(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT locked_at, owner, token, expires_at FROM " + name() + " WHERE lock_id = 1")) {
			if (!rs.next()) {
				return null;
			}
			long expires = rs.getLong(4);
			return new Lease(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : expires);
		}
	}

	/** Whether the table exists and answers (no lock table: nobody ever locked). */
	public boolean exists(Connection connection) {
		return answers(connection, "SELECT lock_id FROM " + name() + " WHERE lock_id = -1");
	}

	/** Inserts the lease row; false when it is there already (or the insert failed for another runner's sake). */
	boolean insert(Connection connection, String token, long now, Duration lease) {
		this.lastInsertError = null;
		try (PreparedStatement ps = connection.prepareStatement(
				"INSERT INTO " + name() + " (lock_id, locked_at, owner, token, expires_at) VALUES (1, ?, ?, ?, ?)")) {
			ps.setString(1, Instant.ofEpochMilli(now).toString());
			ps.setString(2, owner());
			ps.setString(3, token);
			ps.setLong(4, now + lease.toMillis());
			return ps.executeUpdate() == 1;
		}
		catch (SQLException ex) {
			this.lastInsertError = ex;
			return false;
		}
	}

	/** Why the last insert failed (a duplicate key while the lock is held; else a real error). */
	private SQLException lastInsertError;

	/** Takes over an expired lease: one UPDATE that only matches the old lease, still expired. */
	boolean takeOver(Connection connection, Lease old, String token, long now, Duration lease) throws SQLException {
		String sql = "UPDATE " + name() + " SET locked_at = ?, owner = ?, token = ?, expires_at = ? WHERE lock_id = 1 AND "
				+ ((old.token() != null) ? "token = ? AND expires_at < ?" : "token IS NULL AND locked_at = ?");
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setString(1, Instant.ofEpochMilli(now).toString());
			ps.setString(2, owner());
			ps.setString(3, token);
			ps.setLong(4, now + lease.toMillis());
			if (old.token() != null) {
				ps.setString(5, old.token());
				ps.setLong(6, now);
			}
			else {
				ps.setString(5, old.lockedAt());
			}
			return ps.executeUpdate() == 1;
		}
	}

	/** Pushes the expiry forward; false when the lease is no longer ours. */
	public boolean renew(Connection connection, String token, Duration lease) throws SQLException {
		try (PreparedStatement ps = connection
			.prepareStatement("UPDATE " + name() + " SET expires_at = ? WHERE lock_id = 1 AND token = ?")) {
			ps.setLong(1, System.currentTimeMillis() + lease.toMillis());
			ps.setString(2, token);
			return ps.executeUpdate() == 1;
		}
	}

	/** Deletes our lease row (nothing when it is not ours any more). */
	public void release(Connection connection, String token) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + name() + " WHERE lock_id = 1 AND token = ?")) {
			ps.setString(1, token);
			ps.executeUpdate();
		}
	}

	/** Deletes the lease row whoever holds it; whether there was one. */
	public boolean forceRelease(Connection connection) throws SQLException {
		if (!exists(connection)) {
			return false;
		}
		try (Statement s = connection.createStatement()) {
			return s.executeUpdate("DELETE FROM " + name() + " WHERE lock_id = 1") > 0;
		}
	}

	/**
	 * Takes the lease, waiting at most {@code timeout}; a lease found expired is taken over (and
	 * logged with its owner). The connection must be in autocommit.
	 */
	public void acquire(Connection connection, String token, Duration timeout, Duration lease) throws SQLException {
		ensure(connection);
		long deadline = System.nanoTime() + timeout.toNanos();
		long sleep = 20;
		while (true) {
			long now = System.currentTimeMillis();
			if (insert(connection, token, now, lease)) {
				return;
			}
			Lease held = null;
			try {
				held = read(connection);
			}
			catch (SQLException ex) {
				// busy (SQLite): try again
			}
			if (held == null && !exists(connection)) {
				try {
					ensure(connection);
				}
				catch (SQLException ex) {
					// busy (SQLite): try again
				}
			}
			boolean expired = held != null && held.expiresAt(lease) < now;
			if (expired) {
				boolean taken;
				try {
					taken = takeOver(connection, held, token, now, lease);
				}
				catch (SQLException ex) {
					taken = false; // the holder is writing (SQLite): it is alive
				}
				if (taken) {
					Log.logger.log(System.Logger.Level.WARNING,
							"Took over the expired migration lock (table ''{0}'') of {1}, locked at {2}, lease expired {3} ms ago",
							this.table, (held.owner() != null) ? held.owner() : "a runner of a previous release",
							held.lockedAt(), now - held.expiresAt(lease));
					return;
				}
			}
			if (System.nanoTime() > deadline) {
				LockInfo info = (held != null) ? info(held, lease) : null;
				throw new LockTimeoutException("Could not acquire the migration lock (row in table '" + this.table
						+ "') within " + timeout.toMillis() + " ms: "
						+ ((info != null) ? info.describe() + (expired ? " (but the holder is still writing)" : "") + "; "
								+ info.howToEnd()
								: "could not insert the lock row: " + ((this.lastInsertError != null)
										? StatementFailedException.oneLine(this.lastInsertError.getMessage()) : "another runner holds it")),
						info);
			}
			long wait = sleep;
			if (held != null && !expired) {
				wait = Math.max(5, Math.min(sleep, held.expiresAt(lease) - now + 5));
			}
			LeaseTable.sleep(wait);
			sleep = Math.min(sleep * 2, 250);
		}
	}

	/** What a lease row says, for messages and {@code migrate unlock}. */
	public LockInfo info(Lease lease, Duration leaseLength) {
		Instant since = parse(lease.lockedAt());
		return new LockInfo("migration lock (row in table '" + this.table + "')",
				(lease.owner() != null) ? lease.owner() : "a runner of a previous release (no lease)", since,
				Instant.ofEpochMilli(lease.expiresAt(leaseLength)),
				"a holder that died loses the lock when its lease expires; 'migrate unlock --force' (Migrator.releaseLock()) deletes the row now");
	}

	private static Instant parse(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LockTimeoutException("Interrupted while waiting for the migration lock");
		}
	}

	/**
	 * A lease row.
	 * @param lockedAt when it was taken (ISO-8601)
	 * @param owner host and pid, null for a row of the previous release
	 * @param token the random token, null for a row of the previous release
	 * @param expiresAt epoch milliseconds, null for a row of the previous release
	 */
	public record Lease(String lockedAt, String owner, String token, Long expiresAt) {

		/** The expiry; a row of the previous release expires one lease after it was taken (at once when unreadable). */
		long expiresAt(Duration lease) {
			if (this.expiresAt != null) {
				return this.expiresAt;
			}
			Instant at = parse(this.lockedAt);
			return (at != null) ? at.toEpochMilli() + lease.toMillis() : 0;
		}

	}

}
