package dev.migrate.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.migrate.testing.DriverDataSource;
import dev.migrate.testing.TestDatabases;

/**
 * The one place the sample's integration tests get a PostgreSQL database from: a Docker container
 * (Testcontainers, PostgreSQL 17) when Docker is available, the embedded PostgreSQL 17 of
 * {@link TestDatabases} otherwise. Either way every call returns a new, empty database, and the
 * choice is printed, so a run never silently tests nothing.
 */
final class SamplePostgres {

	/** The image used when Docker is available (the same major version as the embedded binaries). */
	static final DockerImageName IMAGE = DockerImageName.parse("postgres:17-alpine");

	private static Boolean docker;

	private static PostgreSQLContainer container;

	private SamplePostgres() {
	}

	/**
	 * A database and how to reach it.
	 *
	 * @param url JDBC URL
	 * @param username user
	 * @param password password (may be empty)
	 * @param dataSource a DataSource for it
	 * @param where "container" or "embedded"
	 */
	record Database(String url, String username, String password, DataSource dataSource, String where) {

		/** Command-line arguments pointing the sample service at this database. */
		List<String> springArgs() {
			List<String> args = new ArrayList<>();
			args.add("--spring.datasource.url=" + this.url);
			args.add("--spring.datasource.username=" + this.username);
			args.add("--spring.datasource.password=" + this.password);
			args.add("--sample.embedded-postgres.enabled=false");
			return args;
		}

		/** Options pointing the {@code migrate} command line at this database. */
		List<String> cliArgs() {
			return List.of("--url", this.url, "--user", this.username, "--password", this.password);
		}

		/** Runs SQL on the database, e.g. to alter a column by hand. */
		void execute(String sql) {
			try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
				s.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not run: " + sql, ex);
			}
		}

	}

	/** A new, empty database on a PostgreSQL 17 container or, without Docker, on the embedded server. */
	static synchronized Database fresh() {
		if (docker == null) {
			docker = dockerAvailable();
			System.out.println((docker) ? "SamplePostgres: Docker is available, using a PostgreSQL 17 container ("
					+ IMAGE + ")" : "SamplePostgres: Docker is not available, using the embedded PostgreSQL 17");
		}
		return (docker) ? freshOnContainer() : freshEmbedded();
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static Database freshEmbedded() {
		TestDatabases.TestDatabase db = TestDatabases.freshPostgres();
		return new Database(db.url(), db.user(), (db.password() != null) ? db.password() : "", db.dataSource(),
				"embedded");
	}

	@SuppressWarnings("resource")
	private static Database freshOnContainer() {
		if (container == null) {
			container = new PostgreSQLContainer(IMAGE);
			container.start();
			PostgreSQLContainer started = container;
			Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sample-postgres-container-stop"));
		}
		String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		try (Connection c = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
				container.getPassword()); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a database on the PostgreSQL container", ex);
		}
		String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + name;
		return new Database(url, container.getUsername(), container.getPassword(),
				new DriverDataSource(url, container.getUsername(), container.getPassword()), "container");
	}

}
