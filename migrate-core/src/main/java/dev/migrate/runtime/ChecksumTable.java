package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
		return read(connection, null);
	}

	/**
	 * As {@link #read(Connection)}, with what the version table's probe already told about this
	 * table ({@link VersionTable#checksumTableExistedAtRead()}): then no catalog look-up at all.
	 * @param known whether the table exists, or null when unknown
	 */
	public Map<String, String> read(Connection connection, Boolean known) throws SQLException {
		if (known != null) {
			return known ? select(connection) : null;
		}
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
		create(connection, null);
	}

	/**
	 * Creates the table unless it exists; under the migration lock, right after the version table's
	 * probe told whether it exists ({@code known}), without asking the catalog again.
	 * @param known whether the table exists, or null when unknown
	 * @return whether it was created here
	 */
	public boolean create(Connection connection, Boolean known) throws SQLException {
		if ((known != null) ? known : exists(connection)) {
			return false;
		}
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE TABLE " + qualifiedName() + " (revision VARCHAR(32) NOT NULL, checksum VARCHAR(80) NOT NULL, "
					+ "recorded_at TIMESTAMP NOT NULL, CONSTRAINT " + this.dialect.quoteIfNeeded(this.table + "_pkc")
					+ " PRIMARY KEY (revision))");
		}
		return true;
	}

	/**
	 * The statements that record (or replace) the checksum of one revision with literal values,
	 * for a statement batch with the revision's version-row change; null when a value is not as
	 * Migrate writes it (then {@link #put} binds it). {@code replace} false when the table cannot
	 * hold a row for the revision (this run created it): then the insert alone.
	 */
	public List<String> putStatements(String revision, String checksum, boolean replace) {
		if (!ID.matcher(revision).matches() || !SAFE_CHECKSUM.matcher(checksum).matches()) {
			return null;
		}
		String insert = "INSERT INTO " + qualifiedName() + " (revision, checksum, recorded_at) VALUES ('" + revision
				+ "', '" + checksum + "', CURRENT_TIMESTAMP)";
		return replace ? List.of("DELETE FROM " + qualifiedName() + " WHERE revision = '" + revision + "'", insert)
				: List.of(insert);
	}

	/** The statement that forgets a revision's checksum, as {@link #putStatements}; null when the id is not safe as a literal. */
	public List<String> removeStatements(String revision) {
		return ID.matcher(revision).matches()
				? List.of("DELETE FROM " + qualifiedName() + " WHERE revision = '" + revision + "'") : null;
	}

	/** Revision ids as the loaders accept them, and checksums as Migrate writes them: safe as SQL literals. */
	private static final java.util.regex.Pattern ID = dev.migrate.script.MigrationScript.ID_PATTERN;

	private static final java.util.regex.Pattern SAFE_CHECKSUM = java.util.regex.Pattern.compile("[a-z0-9]{1,16}:[0-9a-f]{1,64}");

	/**
	 * Records (or replaces) the checksum of one revision. Done once per applied revision, in its
	 * transaction: the delete and the insert go as one statement batch, which pgjdbc sends in one
	 * round trip (two separate statements cost a second round trip per revision).
	 */
	public void put(Connection connection, String revision, String checksum) throws SQLException {
		List<String> statements = putStatements(revision, checksum, true);
		if (statements != null) {
			try (Statement s = connection.createStatement()) {
				for (String sql : statements) {
					s.addBatch(sql);
				}
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
