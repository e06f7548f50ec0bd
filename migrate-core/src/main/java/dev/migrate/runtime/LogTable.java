package dev.migrate.runtime;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.dialect.Dialect;

/**
 * The optional append-only log of steps actually run: revision, direction, start time, duration,
 * success, error, who ({@code user.name}) and where (host name). Never credentials.
 */
public final class LogTable {

	private final Dialect dialect;

	private final String table;

	private final String schema;

	public LogTable(Dialect dialect, String table, String schema) {
		this.dialect = dialect;
		this.table = table;
		this.schema = schema;
	}

	/**
	 * One logged step.
	 *
	 * @param revision revision id (stamps: target ids, comma-separated)
	 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param startedAt when it started
	 * @param durationMs how long it took
	 * @param success whether it succeeded
	 * @param error the error message, or null
	 * @param installedBy the OS user that ran it
	 * @param hostname the host it ran on
	 */
	public record Entry(String revision, String direction, Instant startedAt, long durationMs, boolean success,
			String error, String installedBy, String hostname) {
	}

	public String qualifiedName() {
		return this.dialect.qualify(this.schema, this.table);
	}

	/** Creates the table unless it exists. */
	public void create(Connection connection) throws SQLException {
		if (VersionTable.tableExists(connection, this.schema, this.table)) {
			return;
		}
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE TABLE " + qualifiedName() + " (revision VARCHAR(255) NOT NULL, direction VARCHAR(16) NOT NULL, "
					+ "started_at TIMESTAMP NOT NULL, duration_ms BIGINT NOT NULL, success BOOLEAN NOT NULL, "
					+ "error VARCHAR(4000), installed_by VARCHAR(255), hostname VARCHAR(255))");
		}
	}

	/** Appends one entry. */
	public void append(Connection connection, String revision, String direction, Instant startedAt, Duration duration,
			boolean success, String error) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + qualifiedName()
				+ " (revision, direction, started_at, duration_ms, success, error, installed_by, hostname)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
			ps.setString(1, truncate(revision, 255));
			ps.setString(2, direction);
			ps.setTimestamp(3, Timestamp.from(startedAt));
			ps.setLong(4, duration.toMillis());
			ps.setBoolean(5, success);
			ps.setString(6, truncate(error, 4000));
			ps.setString(7, truncate(System.getProperty("user.name"), 255));
			ps.setString(8, truncate(hostname(), 255));
			ps.executeUpdate();
		}
	}

	/** Every entry, oldest first; empty when the table does not exist. */
	public List<Entry> read(Connection connection) throws SQLException {
		List<Entry> out = new ArrayList<>();
		if (!VersionTable.tableExists(connection, this.schema, this.table)) {
			return out;
		}
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT revision, direction, started_at, duration_ms, success, error, "
						+ "installed_by, hostname FROM " + qualifiedName() + " ORDER BY started_at")) {
			while (rs.next()) {
				Timestamp ts = rs.getTimestamp(3);
				out.add(new Entry(rs.getString(1), rs.getString(2), (ts != null) ? ts.toInstant() : null, rs.getLong(4),
						rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8)));
			}
		}
		return out;
	}

	private static String truncate(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max);
	}

	private static volatile String hostname;

	private static String hostname() {
		String h = hostname;
		if (h == null) {
			try {
				h = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				h = "unknown";
			}
			hostname = h;
		}
		return h;
	}

}
