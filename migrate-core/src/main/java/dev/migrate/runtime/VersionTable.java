package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.VersionChange;

/**
 * The version table: {@code version_num VARCHAR(32) NOT NULL} with primary key
 * {@code <table>_pkc}, one row per current head — the layout of Alembic's {@code alembic_version}.
 * Created on the first upgrade or stamp, never by a read.
 */
public final class VersionTable {

	private final Dialect dialect;

	private final String table;

	private final String schema;

	/** Whether the table existed at the last read through the dialect's probe; null when unknown. */
	private Boolean existedAtRead;

	/** Whether the checksum table existed at the last read through the dialect's probe; null when unknown. */
	private Boolean checksumsExistedAtRead;

	public VersionTable(Dialect dialect, String table, String schema) {
		this.dialect = dialect;
		this.table = table;
		this.schema = schema;
	}

	public String table() {
		return this.table;
	}

	public String schema() {
		return this.schema;
	}

	/** The table name as it appears in SQL, qualified and quoted where needed. */
	public String qualifiedName() {
		return this.dialect.qualify(this.schema, this.table);
	}

	/** {@code CREATE TABLE} of the version table. */
	public String createSql() {
		return "CREATE TABLE " + qualifiedName() + " (\n    version_num VARCHAR(32) NOT NULL, \n    CONSTRAINT "
				+ this.dialect.quoteIfNeeded(this.table + "_pkc") + " PRIMARY KEY (version_num)\n)";
	}

	/** The SQL of one row change with literal values, for offline output. */
	public String sql(VersionChange change) {
		if (change instanceof VersionChange.Insert insert) {
			return "INSERT INTO " + qualifiedName() + " (version_num) VALUES (" + this.dialect.literal(insert.revision()) + ")";
		}
		if (change instanceof VersionChange.Delete delete) {
			return "DELETE FROM " + qualifiedName() + " WHERE version_num = " + this.dialect.literal(delete.revision());
		}
		VersionChange.Update update = (VersionChange.Update) change;
		return "UPDATE " + qualifiedName() + " SET version_num=" + this.dialect.literal(update.to())
				+ " WHERE version_num = " + this.dialect.literal(update.from());
	}

	/** Whether the table exists (catalog lookup; creates nothing). */
	public boolean exists(Connection connection) throws SQLException {
		return tableExists(connection, this.schema, this.table);
	}

	/** Whether a table exists, looked up case-insensitively in the connection's catalog or schema. */
	static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
		DatabaseMetaData md = connection.getMetaData();
		boolean catalogs = !md.supportsSchemasInTableDefinitions();
		String container = schema;
		if (container == null) {
			container = catalogs ? connection.getCatalog() : currentSchema(connection);
		}
		Set<String> names = new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)));
		Set<String> containers = new LinkedHashSet<>();
		containers.add(container);
		if (container != null) {
			containers.add(container.toUpperCase(Locale.ROOT));
			containers.add(container.toLowerCase(Locale.ROOT));
		}
		for (String c : containers) {
			for (String name : names) {
				try (ResultSet rs = catalogs ? md.getTables(c, null, name, null) : md.getTables(null, c, name, null)) {
					while (rs.next()) {
						String found = rs.getString("TABLE_NAME");
						String type = rs.getString("TABLE_TYPE");
						if (table.equalsIgnoreCase(found) && (type == null || type.toUpperCase(Locale.ROOT).contains("TABLE"))) {
							return true;
						}
					}
				}
			}
		}
		return false;
	}

	private static String currentSchema(Connection connection) {
		try {
			return connection.getSchema();
		}
		catch (SQLException | AbstractMethodError ex) {
			return null;
		}
	}

	/** The version rows, in the order the database returns them (plain SELECT); empty when the table does not exist. */
	public List<String> read(Connection connection) throws SQLException {
		String probe = this.dialect.versionTableProbe(qualifiedName(),
				this.dialect.qualify(this.schema, this.table + ChecksumTable.SUFFIX));
		if (probe != null) {
			List<String> rows = probe(connection, probe);
			if (rows != null) {
				return rows;
			}
		}
		if (connection.getAutoCommit()) {
			// the common case, a service starting at head: one SELECT, no catalog look-up; a failed
			// statement in autocommit leaves nothing to roll back, so only then ask the catalog why
			try {
				return select(connection);
			}
			catch (SQLException ex) {
				if (!exists(connection)) {
					return new ArrayList<>();
				}
				// another runner created the table in between: it is there now, read it
				return select(connection);
			}
		}
		if (!exists(connection)) {
			return new ArrayList<>();
		}
		return select(connection);
	}

	/**
	 * Whether the table existed at the last {@link #read} (where the dialect's probe told), else a
	 * catalog look-up. Under the migration lock, right after a read, nobody else creates it in between.
	 */
	public boolean existsAsRead(Connection connection) throws SQLException {
		return (this.existedAtRead != null) ? this.existedAtRead : exists(connection);
	}

	/**
	 * Whether the checksum table existed at the last {@link #read}, where the dialect's probe told
	 * (PostgreSQL); null when unknown (then {@link ChecksumTable} finds out itself).
	 */
	public Boolean checksumTableExistedAtRead() {
		return this.checksumsExistedAtRead;
	}

	/** Runs the dialect's probe; null when the database refused it (then the plain path runs). */
	private List<String> probe(Connection connection, String sql) throws SQLException {
		this.existedAtRead = null;
		this.checksumsExistedAtRead = null;
		List<String> rows = new ArrayList<>();
		boolean present = false;
		Boolean checksums = null;
		try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			boolean third = rs.getMetaData().getColumnCount() >= 3;
			while (rs.next()) {
				present = rs.getBoolean(1);
				String row = rs.getString(2);
				if (row != null) {
					rows.add(row);
				}
				if (third) {
					checksums = rs.getBoolean(3);
				}
			}
		}
		catch (SQLException ex) {
			// e.g. a server built without XML support: a failed statement in autocommit leaves nothing
			// to roll back, so take the plain path
			if (connection.getAutoCommit()) {
				return null;
			}
			throw ex;
		}
		this.existedAtRead = present;
		this.checksumsExistedAtRead = checksums;
		return rows;
	}

	private List<String> select(Connection connection) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT version_num FROM " + qualifiedName())) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	/**
	 * Creates the configured schema when it does not exist yet, where the database has schemas
	 * (PostgreSQL, H2; not MySQL, whose schemas are databases, nor SQLite). Looks first, so a user
	 * without the right to create schemas can still use an existing one.
	 * @return whether the schema was created
	 */
	public boolean createSchema(Connection connection) throws SQLException {
		if (this.schema == null || !connection.getMetaData().supportsSchemasInTableDefinitions()
				|| schemaExists(connection, this.schema)) {
			return false;
		}
		try (Statement s = connection.createStatement()) {
			s.execute("CREATE SCHEMA " + this.dialect.quoteIfNeeded(this.schema));
		}
		return true;
	}

	/** Whether a schema exists, looked up as given, upper and lower case. */
	public static boolean schemaExists(Connection connection, String schema) throws SQLException {
		DatabaseMetaData md = connection.getMetaData();
		for (String name : new LinkedHashSet<>(
				List.of(schema, schema.toUpperCase(Locale.ROOT), schema.toLowerCase(Locale.ROOT)))) {
			try (ResultSet rs = md.getSchemas(null, name.replace("_", md.getSearchStringEscape() + "_"))) {
				while (rs.next()) {
					if (schema.equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Creates the table unless it exists. */
	public void create(Connection connection) throws SQLException {
		if (!exists(connection)) {
			try (Statement s = connection.createStatement()) {
				s.execute(createSql());
			}
		}
	}

	/** Creates the table unless it existed at the last read ({@link #existsAsRead}); for a run under the lock. */
	public void createUnlessRead(Connection connection) throws SQLException {
		if (!existsAsRead(connection)) {
			try (Statement s = connection.createStatement()) {
				s.execute(createSql());
			}
			this.existedAtRead = Boolean.TRUE;
		}
	}

	/** Deletes every row ({@code stamp --purge}). */
	public void purge(Connection connection) throws SQLException {
		try (Statement s = connection.createStatement()) {
			s.executeUpdate("DELETE FROM " + qualifiedName());
		}
	}

	/**
	 * Applies one row change, checking that exactly one row matched (Alembic's only protection
	 * against a concurrent writer).
	 */
	public void apply(Connection connection, VersionChange change) throws SQLException {
		if (change instanceof VersionChange.Insert insert) {
			try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + qualifiedName() + " (version_num) VALUES (?)")) {
				ps.setString(1, insert.revision());
				ps.executeUpdate();
			}
			return;
		}
		if (change instanceof VersionChange.Delete delete) {
			try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + qualifiedName() + " WHERE version_num = ?")) {
				ps.setString(1, delete.revision());
				checkMatched(change, ps.executeUpdate());
			}
			return;
		}
		VersionChange.Update update = (VersionChange.Update) change;
		try (PreparedStatement ps = connection.prepareStatement("UPDATE " + qualifiedName() + " SET version_num = ? WHERE version_num = ?")) {
			ps.setString(1, update.to());
			ps.setString(2, update.from());
			checkMatched(change, ps.executeUpdate());
		}
	}

	/**
	 * Applies the row changes of one step and {@code companions} (its checksum row) as one statement
	 * batch, which the driver sends in one round trip, checking as {@link #apply} that every change
	 * matched exactly one row. Values go in as literals, so only revision ids as Migrate's loaders
	 * accept them ({@code [A-Za-z0-9_]}, at most 32) take this path.
	 * @return false, having done nothing, when an id is not such: then {@link #apply} each change
	 */
	public boolean applyBatched(Connection connection, List<VersionChange> changes, List<String> companions)
			throws SQLException {
		List<String> sql = new ArrayList<>();
		for (VersionChange change : changes) {
			for (String id : ids(change)) {
				if (!dev.migrate.script.MigrationScript.ID_PATTERN.matcher(id).matches()) {
					return false;
				}
			}
			sql.add(batchSql(change));
		}
		int[] counts;
		try (Statement s = connection.createStatement()) {
			for (String statement : sql) {
				s.addBatch(statement);
			}
			for (String statement : companions) {
				s.addBatch(statement);
			}
			counts = s.executeBatch();
		}
		catch (java.sql.BatchUpdateException ex) {
			// the statement that failed is the interesting one, not the batch
			SQLException next = ex.getNextException();
			throw (next != null && next != ex) ? next : ex;
		}
		for (int i = 0; i < changes.size(); i++) {
			VersionChange change = changes.get(i);
			if (change instanceof VersionChange.Insert) {
				continue;
			}
			if (counts[i] == Statement.SUCCESS_NO_INFO) {
				// a driver that does not count batched statements: look at the row instead
				String id = (change instanceof VersionChange.Update update) ? update.to() : null;
				if (id != null && !select(connection).contains(id)) {
					checkMatched(change, 0);
				}
				continue;
			}
			checkMatched(change, counts[i]);
		}
		return true;
	}

	private static List<String> ids(VersionChange change) {
		if (change instanceof VersionChange.Insert insert) {
			return List.of(insert.revision());
		}
		if (change instanceof VersionChange.Delete delete) {
			return List.of(delete.revision());
		}
		VersionChange.Update update = (VersionChange.Update) change;
		return List.of(update.from(), update.to());
	}

	private String batchSql(VersionChange change) {
		if (change instanceof VersionChange.Insert insert) {
			return "INSERT INTO " + qualifiedName() + " (version_num) VALUES ('" + insert.revision() + "')";
		}
		if (change instanceof VersionChange.Delete delete) {
			return "DELETE FROM " + qualifiedName() + " WHERE version_num = '" + delete.revision() + "'";
		}
		VersionChange.Update update = (VersionChange.Update) change;
		return "UPDATE " + qualifiedName() + " SET version_num = '" + update.to() + "' WHERE version_num = '" + update.from()
				+ "'";
	}

	private void checkMatched(VersionChange change, int matched) {
		if (matched == 1) {
			return;
		}
		if (change instanceof VersionChange.Delete delete) {
			throw new MigrateException("Online migration expected to match one row when deleting '" + delete.revision()
					+ "' in '" + this.table + "'; " + matched + " found");
		}
		VersionChange.Update update = (VersionChange.Update) change;
		throw new MigrateException("Online migration expected to match one row when updating '" + update.from() + "' to '"
				+ update.to() + "' in '" + this.table + "'; " + matched + " found");
	}

}
