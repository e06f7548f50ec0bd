package dev.migrate.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autogenerate.DriftExtras;
import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.JdbcUrlDataSource;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.model.Models;
import dev.migrate.schema.OwnTables;

/**
 * What every goal shares: the configuration (the plugin's {@code <configuration>}, then
 * {@code -Dmigrate.*}, then the project's {@code application.properties}/{@code .yml}), the class
 * loader over the project's compiled classes and runtime dependencies, the DataSource and the
 * {@link Migrator}. A goal implements {@link #execute(Session)}; a {@link MigrateException} fails
 * the build with its one-line message.
 */
abstract class AbstractMigrateMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	MavenProject project;

	/** JDBC URL; else {@code migrate.url}, {@code spring.datasource.url} of application.properties/.yml. */
	@Parameter(property = "migrate.url")
	String url;

	/** Database user; else {@code migrate.user}, {@code spring.datasource.username}. */
	@Parameter(property = "migrate.user")
	String user;

	/** Database password (never printed); else {@code migrate.password}, {@code spring.datasource.password}. */
	@Parameter(property = "migrate.password")
	String password;

	/** Revision locations, comma-separated; else {@code migrate.locations}; default {@code classpath:db/migrations}. */
	@Parameter(property = "migrate.locations")
	String locations;

	/** Packages of the models (JPA entities), comma-separated; else {@code migrate.model-packages}. */
	@Parameter(property = "migrate.model-packages")
	String modelPackages;

	/** postgresql, h2, sqlite or mysql: needed by {@code migrate:sql} without a url. */
	@Parameter(property = "migrate.dialect")
	String dialect;

	/** Version table; else {@code migrate.version-table}; default {@code migrate_version}. */
	@Parameter(property = "migrate.version-table")
	String versionTable;

	/** Schema of the version table and of the compared tables; else {@code migrate.schema}. */
	@Parameter(property = "migrate.schema")
	String schema;

	/** Compare column types (default true); else {@code migrate.compare-type}. */
	@Parameter(property = "migrate.compare-type")
	String compareType;

	/** Compare server defaults (default false); else {@code migrate.compare-server-default}. */
	@Parameter(property = "migrate.compare-server-default")
	String compareServerDefault;

	/** What only the database has: report (default), ignore or fail; else {@code migrate.drift-extras}. */
	@Parameter(property = "migrate.drift-extras")
	String driftExtras;

	/** How long to wait for the migration lock (PT5M or seconds); else {@code migrate.lock-timeout}. */
	@Parameter(property = "migrate.lock-timeout")
	String lockTimeout;

	/** Applied-steps log table; else {@code migrate.log-table}. */
	@Parameter(property = "migrate.log-table")
	String logTable;

	/** Skip the goal. */
	@Parameter(property = "migrate.skip", defaultValue = "false")
	boolean skip;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping migrate (migrate.skip)");
			return;
		}
		try (Session session = new Session()) {
			execute(session);
		}
		catch (MigrateException ex) {
			throw new MojoFailureException(JdbcUrlDataSource.redactPasswords(redact(ex.getMessage())), ex);
		}
	}

	abstract void execute(Session session) throws MojoExecutionException, MojoFailureException;

	/** Goal-specific settings of the engine's configuration (none by default). */
	void configure(MigrateConfig.Builder builder) {
	}

	String redact(String text) {
		String secret = setting(this.password, "migrate.password", "spring.datasource.password");
		return (text != null && secret != null && !secret.isEmpty()) ? text.replace(secret, "***") : text;
	}

	private ProjectProperties properties;

	ProjectProperties projectProperties() {
		if (this.properties == null) {
			List<Path> dirs = new ArrayList<>();
			for (Resource resource : this.project.getResources()) {
				dirs.add(Path.of(resource.getDirectory()));
			}
			this.properties = ProjectProperties.load(dirs, (name) -> {
				String value = System.getProperty(name);
				return (value != null) ? value : System.getenv(name);
			});
		}
		return this.properties;
	}

	/** The parameter when set (configuration or -D), else the first project property that is. */
	String setting(String parameter, String... projectKeys) {
		if (parameter != null && !parameter.isBlank()) {
			return parameter.strip();
		}
		return projectProperties().get(projectKeys);
	}

	static List<String> split(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private boolean bool(String parameter, String key, boolean defaultValue) {
		String value = setting(parameter, key);
		if (value == null) {
			return defaultValue;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "on", "1" -> true;
			case "false", "no", "off", "0" -> false;
			default -> throw new ConfigurationException("Invalid boolean '" + value + "' for " + key);
		};
	}

	/** The revision locations: {@code classpath:db/migrations} unless configured. */
	List<String> locations() {
		List<String> configured = split(setting(this.locations, "migrate.locations"));
		return configured.isEmpty() ? List.of(MigrateConfig.DEFAULT_LOCATION) : configured;
	}

	/** One goal run: the class loader, DataSource and Migrators, closed at the end. */
	final class Session implements AutoCloseable {

		private URLClassLoader classLoader;

		private DataSource dataSource;

		/** The project's compiled classes and runtime dependencies, over the plugin's own classes. */
		ClassLoader classLoader() {
			if (this.classLoader == null) {
				List<URL> urls = new ArrayList<>();
				try {
					for (String element : AbstractMigrateMojo.this.project.getRuntimeClasspathElements()) {
						urls.add(new File(element).toURI().toURL());
					}
				}
				catch (DependencyResolutionRequiredException | MalformedURLException ex) {
					throw new ConfigurationException("Cannot build the project's runtime class path: " + ex.getMessage());
				}
				this.classLoader = new URLClassLoader("migrate-project", urls.toArray(URL[]::new),
						AbstractMigrateMojo.class.getClassLoader());
			}
			return this.classLoader;
		}

		/** The JDBC URL, or a one-line error naming where to set it. */
		String url() {
			String value = setting(AbstractMigrateMojo.this.url, "migrate.url", "spring.datasource.url");
			if (value == null) {
				throw new ConfigurationException("No database configured: set <url> in the plugin's configuration, "
						+ "-Dmigrate.url=jdbc:..., or spring.datasource.url in application.properties/.yml");
			}
			return value;
		}

		DataSource dataSource() {
			if (this.dataSource == null) {
				String jdbcUrl = url();
				JdbcUrlDataSource ds = new JdbcUrlDataSource(jdbcUrl,
						setting(AbstractMigrateMojo.this.user, "migrate.user", "spring.datasource.username"),
						setting(AbstractMigrateMojo.this.password, "migrate.password", "spring.datasource.password"),
						classLoader(), java.time.Duration.ofSeconds(30));
				if (!ds.driverAvailable()) {
					throw new MigrateException("Cannot connect to " + jdbcUrl + ": No JDBC driver for this URL on the "
							+ "project's runtime class path (add the driver as a dependency)");
				}
				try (Connection connection = ds.getConnection()) {
					connection.isValid(5);
				}
				catch (SQLException ex) {
					throw new MigrateException("Cannot connect to " + jdbcUrl + ": " + ex.getMessage(), ex);
				}
				this.dataSource = ds;
			}
			return this.dataSource;
		}

		/** The configured dialect, or null (detected from the connection). */
		Dialect configuredDialect() {
			String name = setting(AbstractMigrateMojo.this.dialect, "migrate.dialect");
			return (name != null) ? DialectResolver.byName(name) : null;
		}

		/** The dialect for offline SQL: configured, else from the url. */
		Dialect offlineDialect() {
			Dialect configured = configuredDialect();
			if (configured != null) {
				return configured;
			}
			String jdbcUrl = setting(AbstractMigrateMojo.this.url, "migrate.url", "spring.datasource.url");
			if (jdbcUrl == null) {
				throw new ConfigurationException("Offline SQL and lint need a dialect: set <dialect> or -Dmigrate.dialect to "
						+ "postgresql, h2, sqlite or mysql, or a url");
			}
			return DialectResolver.forUrl(jdbcUrl);
		}

		/** The dialect of SQL written for the database: configured, else that of the connection. */
		Dialect offlineDialectOrDetected() {
			Dialect configured = configuredDialect();
			if (configured != null) {
				return configured;
			}
			try (Connection connection = dataSource().getConnection()) {
				return DialectResolver.forConnection(connection);
			}
			catch (SQLException ex) {
				throw new MigrateException("Cannot connect to " + url() + ": " + ex.getMessage(), ex);
			}
		}

		String versionTable() {
			String table = setting(AbstractMigrateMojo.this.versionTable, "migrate.version-table");
			return (table != null) ? table : MigrateConfig.DEFAULT_VERSION_TABLE;
		}

		String schema() {
			return setting(AbstractMigrateMojo.this.schema, "migrate.schema");
		}

		private MigrateConfig.Builder builder() {
			MigrateConfig.Builder builder = MigrateConfig.builder()
				.locations(locations())
				.classLoader(classLoader())
				.versionTable(versionTable())
				.schema(schema());
			String log = logTable();
			if (log != null) {
				builder.logTable(log);
			}
			String timeout = setting(AbstractMigrateMojo.this.lockTimeout, "migrate.lock-timeout");
			if (timeout != null) {
				builder.lockTimeout(duration(timeout));
			}
			configure(builder);
			return builder;
		}

		private String logTable() {
			return setting(AbstractMigrateMojo.this.logTable, "migrate.log-table");
		}

		/** A migrator that reads and writes the database. */
		Migrator onlineMigrator() {
			return Migrator.create(builder().dataSource(dataSource()).dialect(configuredDialect()).build());
		}

		/** A migrator that never connects (the graph, offline SQL). */
		Migrator offlineMigrator(boolean needsDialect) {
			MigrateConfig.Builder builder = builder();
			if (needsDialect) {
				builder.dialect(offlineDialect());
			}
			return Migrator.create(builder.build());
		}

		private List<String> packages;

		/**
		 * The configured model packages, else (as the starter's default) the package of the
		 * project's {@code @SpringBootApplication} class when there is exactly one.
		 */
		List<String> modelPackages() {
			if (this.packages == null) {
				this.packages = split(setting(AbstractMigrateMojo.this.modelPackages, "migrate.model-packages"));
				if (this.packages.isEmpty()) {
					String application = SpringBootApplications.find(
							Path.of(AbstractMigrateMojo.this.project.getBuild().getOutputDirectory()));
					if (application != null) {
						int dot = application.lastIndexOf('.');
						this.packages = List.of((dot < 0) ? "" : application.substring(0, dot));
						getLog().info("Model packages: " + this.packages.get(0) + " (the package of @SpringBootApplication "
								+ application + "; set migrate.model-packages to change it)");
					}
				}
			}
			return this.packages;
		}

		/** The models (entities of {@code model-packages}) compared with the database. */
		SchemaDiff compareModels() {
			List<String> packages = modelPackages();
			if (packages.isEmpty()) {
				throw new ConfigurationException("No model packages configured (the JPA entities to compare with the "
						+ "database) and no single @SpringBootApplication class to default to: set <modelPackages>, -Dmigrate.model-packages or migrate.model-packages in "
						+ "application.properties/.yml");
			}
			CompareOptions options = new CompareOptions(bool(AbstractMigrateMojo.this.compareType, "migrate.compare-type", true),
					bool(AbstractMigrateMojo.this.compareServerDefault, "migrate.compare-server-default", false), Set.of(),
					Set.of(), DriftExtras.parse(setting(AbstractMigrateMojo.this.driftExtras, "migrate.drift-extras"),
							"migrate.drift-extras"));
			Set<String> ignored = OwnTables.names(versionTable(), schema(), logTable());
			return Autogenerate.compare(dataSource(), configuredDialect(), schema(),
					Models.fromPackages(classLoader(), packages), options, ignored);
		}

		@Override
		public void close() {
			if (this.classLoader != null) {
				try {
					this.classLoader.close();
				}
				catch (IOException ex) {
					// nothing to do
				}
			}
		}

	}

	private static Duration duration(String value) {
		try {
			return value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ConfigurationException("Invalid lock-timeout '" + value + "': use seconds or ISO-8601 like PT5M");
		}
	}

	static String text(List<String> revisions) {
		return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
	}

}
