package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrate.dialect.Dialect;

/**
 * The checksums of applied revisions, in a table of its own beside the version table:
 * {@code <version table>_checksums (revision VARCHAR(32) PRIMARY KEY, checksum VARCHAR(80), recorded_at TIMESTAMP)}.
 * The version table keeps exactly the layout of Alembic's {@code alembic_version}; Alembic never
 * looks at this one. Created by the first online run that writes to it, never by a read.
 */
public final class ChecksumTable {

	/** The suffix of the table name after the version table's name. */
	public static final String SUFFIX = "_checksums";

	private final Dialect dialect;

	private final String table;

	private final String schema;

	public ChecksumTable(Dialect dialect, String versionTable, String schema) {
		this.dialect = dialect;
		this.table = versionTable + SUFFIX;
		this.schema = schema;
	}

	public String table() {
		return this.table;
	}

	public String qualifiedName() {
		return this.dialect.qualify(this.schema, this.table);
	}

	/**
	 * The recorded checksums by revision id; null when the table does not exist. Asks the catalog
	 * first rather than letting a SELECT fail, so a database migrated before checksums existed
	 * leaves no ERROR line in the server's log.
	 */
	public Map<String, String> read(Connection connection) throws SQLException {
		return exists(connection) ? select(connection) : null;
	}

	private Map<String, String> select(Connection connection) throws SQLException {
		Map<String, String> rows = new LinkedHashMap<>();
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT revision, checksum FROM " + qualifiedName())) {
			while (rs.next()) {
				rows.put(rs.getString(1), rs.getString(2));
			}
		}
		return rows;
	}

	public boolean exists(Connection connection) throws SQLException {
		return VersionTable.tableExists(connection, this.schema, this.table);
	}

	/** Creates the table unless it exists. */
	public void create(Connection connection) throws SQLException {
		if (exists(connection)) {
			return;
		}
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE TABLE " + qualifiedName() + " (revision VARCHAR(32) NOT NULL, checksum VARCHAR(80) NOT NULL, "
					+ "recorded_at TIMESTAMP NOT NULL, CONSTRAINT " + this.dialect.quoteIfNeeded(this.table + "_pkc")
					+ " PRIMARY KEY (revision))");
		}
	}

	/** A revision id and a checksum as Migrate writes them: safe to write as SQL literals. */
	private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,32}");

	private static final java.util.regex.Pattern SAFE_CHECKSUM = java.util.regex.Pattern.compile("[a-z0-9]{1,16}:[0-9a-f]{1,64}");

	/**
	 * Records (or replaces) the checksum of one revision. Done once per applied revision, in its
	 * transaction: the delete and the insert go as one statement batch, which pgjdbc sends in one
	 * round trip (two separate statements cost a second round trip per revision).
	 */
	public void put(Connection connection, String revision, String checksum) throws SQLException {
		if (SAFE_ID.matcher(revision).matches() && SAFE_CHECKSUM.matcher(checksum).matches()) {
			try (Statement s = connection.createStatement()) {
				s.addBatch("DELETE FROM " + qualifiedName() + " WHERE revision = '" + revision + "'");
				s.addBatch("INSERT INTO " + qualifiedName() + " (revision, checksum, recorded_at) VALUES ('" + revision
						+ "', '" + checksum + "', CURRENT_TIMESTAMP)");
				s.executeBatch();
			}
			return;
		}
		remove(connection, revision);
		try (PreparedStatement ps = connection.prepareStatement(
				"INSERT INTO " + qualifiedName() + " (revision, checksum, recorded_at) VALUES (?, ?, ?)")) {
			ps.setString(1, revision);
			ps.setString(2, checksum);
			ps.setTimestamp(3, Timestamp.from(Instant.now()));
			ps.executeUpdate();
		}
	}

	/** Forgets the checksum of one revision (it was downgraded); nothing when there is none. */
	public void remove(Connection connection, String revision) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + qualifiedName() + " WHERE revision = ?")) {
			ps.setString(1, revision);
			ps.executeUpdate();
		}
	}

}
