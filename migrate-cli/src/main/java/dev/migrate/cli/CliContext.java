package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.command.JdbcUrlDataSource;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrationListener;
import dev.migrate.command.Migrator;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;

/**
 * Everything a subcommand needs, built lazily from the {@link Settings}: the class loader over
 * {@code --classpath}, the DataSource, the {@link Migrator}, the output streams, and redaction of
 * secrets from everything printed.
 */
final class CliContext implements AutoCloseable {

	private final Settings settings;

	private final Map<String, String> arguments;

	private final PrintWriter out;

	private final PrintWriter err;

	private final boolean json;

	private URLClassLoader classLoader;

	private JavaRevisionCompiler compiler;

	/** Directories new revisions are written to that the script location reaches only once built. */
	private final List<Path> writtenNotBuilt = new ArrayList<>();

	private FirstConnectionDataSource dataSource;

	CliContext(Settings settings, Map<String, String> arguments, PrintWriter out, PrintWriter err, boolean json) {
		this.settings = settings;
		String revisionCache = settings.get("revision-cache");
		if (revisionCache != null) {
			// read by the engine's revision cache (dev.migrate.script.RevisionCache) when it loads a directory
			System.setProperty("migrate.revision-cache", revisionCache);
		}
		this.arguments = Map.copyOf(arguments);
		this.out = out;
		this.err = err;
		this.json = json;
	}

	Settings settings() {
		return this.settings;
	}

	PrintWriter out() {
		return this.out;
	}

	PrintWriter err() {
		return this.err;
	}

	boolean json() {
		return this.json;
	}

	/**
	 * Prints one line on stdout as it is (revision messages and SQL must stay exact; the one
	 * place a connection secret could reach stdout, the URL of {@code current -v}, is redacted
	 * by its caller; errors go through {@link #redact}).
	 */
	void println(String line) {
		this.out.println(line);
		this.out.flush();
	}

	/**
	 * The class loader over {@code classpath} plus the classes compiled from Java revision sources
	 * in directory locations (the CLI's own loader when there is neither).
	 */
	ClassLoader classLoader() {
		if (this.classLoader == null) {
			List<Path> entries = new ArrayList<>();
			for (String entry : this.settings.list("classpath")) {
				entries.addAll(expand(entry));
			}
			List<Path> sources = new ArrayList<>();
			for (String location : Settings.split(this.settings.get("script-location"), false)) {
				if (!location.startsWith("classpath:")) {
					sources.addAll(JavaRevisionCompiler.sources(directoryOf(location)));
				}
			}
			for (Path dir : this.writtenNotBuilt) {
				sources.addAll(JavaRevisionCompiler.sources(dir));
			}
			List<URL> urls = new ArrayList<>();
			if (!sources.isEmpty()) {
				this.compiler = new JavaRevisionCompiler();
				entries.add(0, this.compiler.compile(sources, entries));
			}
			for (Path path : entries) {
				try {
					urls.add(path.toUri().toURL());
				}
				catch (MalformedURLException ex) {
					throw new ConfigurationException("Invalid classpath entry '" + path + "'");
				}
			}
			this.classLoader = new URLClassLoader("migrate-classpath", urls.toArray(URL[]::new),
					MigrateCli.class.getClassLoader());
			checkRevisionSources(sources, this.classLoader);
		}
		return this.classLoader;
	}

	/**
	 * A source file in a revision directory whose class is not a revision is named: a
	 * {@link dev.migrate.script.Migration} without {@code @Revision} is an error (its revision would
	 * silently never run), any other class a warning (helpers belong outside the revision directory).
	 */
	private void checkRevisionSources(List<Path> sources, ClassLoader loader) {
		for (Path source : sources) {
			String simple = source.getFileName().toString().replaceFirst("\\.java$", "");
			if (simple.equals("package-info") || simple.equals("module-info")) {
				continue;
			}
			Class<?> type;
			try {
				type = Class.forName(JavaRevisionCompiler.packageOf(source) + "." + simple, false, loader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				continue; // no top-level class of the file's name: javac reported what matters
			}
			if (type.isAnnotationPresent(dev.migrate.script.Revision.class)) {
				continue;
			}
			if (dev.migrate.script.Migration.class.isAssignableFrom(type)
					&& !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
				throw new dev.migrate.script.ScriptException(source.toString(), "Bad revision class " + source + ": "
						+ type.getSimpleName() + " implements Migration but has no @Revision, so it would never run; "
						+ "annotate it with @Revision(id = ..., down = ...)");
			}
			this.err.println("WARNING: " + source + " is not a revision (no @Revision class " + type.getSimpleName()
					+ "): ignored; keep helper classes outside the revision directory");
			this.err.flush();
		}
	}

	private List<Path> expand(String entry) {
		if (entry.endsWith("/*") || entry.endsWith("\\*") || entry.equals("*")) {
			Path dir = this.settings.path(entry.substring(0, Math.max(0, entry.length() - 1)));
			try (Stream<Path> files = Files.list(dir)) {
				return files.filter((p) -> p.toString().endsWith(".jar")).sorted().toList();
			}
			catch (IOException ex) {
				throw new ConfigurationException("Classpath entry '" + entry + "': cannot list " + dir);
			}
		}
		Path path = this.settings.path(entry);
		if (!Files.exists(path)) {
			throw new ConfigurationException("Classpath entry " + path + " does not exist (classpath, from "
					+ this.settings.origin("classpath") + ")");
		}
		return List.of(path);
	}

	/**
	 * Loads the configured {@code versions-dir} too, when it is set and the script location reaches
	 * it only through a build (a {@code classpath:} location over compiled classes): the revisions
	 * written there but not yet compiled or copied are then part of the graph, so a second
	 * {@code revision} takes the first one as its parent instead of making a second head. Copies of
	 * the same SQL file in the build output are one revision; compiled classes of the same Java
	 * revision resolve to the freshly compiled source. Call before the first migrator is made.
	 */
	void loadVersionsDirectory() {
		String configured = this.settings.get("versions-dir");
		if (configured == null || this.classLoader != null) {
			return;
		}
		Path dir = this.settings.path(configured);
		if (Files.isDirectory(dir)) {
			this.writtenNotBuilt.add(dir.toAbsolutePath().normalize());
		}
	}

	/** The revision locations the engine loads, directories made absolute and checked. */
	List<String> locations() {
		String raw = this.settings.require("script-location", "where the revisions are");
		List<String> locations = new ArrayList<>();
		for (String location : Settings.split(raw, false)) {
			if (location.startsWith("classpath:")) {
				locations.add(location);
				continue;
			}
			Path dir = directoryOf(location);
			if (!Files.isDirectory(dir)) {
				throw new ConfigurationException("Path doesn't exist: " + dir
						+ ".  Please use the 'init' command to create a new scripts folder.");
			}
			locations.add("filesystem:" + dir);
		}
		for (Path dir : this.writtenNotBuilt) {
			String location = "filesystem:" + dir;
			if (!locations.contains(location)) {
				locations.add(location);
			}
		}
		classLoader();
		if (this.compiler != null) {
			locations.addAll(this.compiler.locations());
		}
		return locations;
	}

	Path directoryOf(String location) {
		String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
		return this.settings.path(path);
	}

	/** The dialect for offline mode: {@code dialect}, else from the url. */
	Dialect offlineDialect() {
		String name = this.settings.get("dialect");
		if (name != null) {
			return DialectResolver.byName(name, this.settings.get("dialect-options"));
		}
		String url = this.settings.get("url");
		if (url == null) {
			throw new ConfigurationException("Offline mode (--sql) needs a dialect: set 'dialect' (--dialect, "
					+ "MIGRATE_DIALECT) to postgresql, h2, sqlite or mysql, or a url");
		}
		return DialectResolver.forUrl(url).withOptions(DialectResolver.parseOptions(this.settings.get("dialect-options")));
	}

	/** The DataSource; connects at once to report an unreachable database as a one-line error, and keeps that connection for the engine's first use. */
	DataSource dataSource() {
		FirstConnectionDataSource dataSource = connectingDataSource(false);
		awaitConnection(dataSource);
		return dataSource;
	}

	/**
	 * The DataSource, its first connection being opened on another thread ({@code background}) or
	 * not yet: a bad URL or a missing driver is reported at once, a failed connection by
	 * {@link #awaitConnection}.
	 */
	private FirstConnectionDataSource connectingDataSource(boolean background) {
		if (this.dataSource == null) {
			String url = this.settings.require("url", "the JDBC URL of the database");
			String dialectName = this.settings.get("dialect");
			if (dialectName != null) {
				DialectResolver.byName(dialectName);
			}
			String timeout = this.settings.get("connect-timeout");
			Duration connectTimeout = (timeout != null) ? duration("connect-timeout", timeout) : DEFAULT_CONNECT_TIMEOUT;
			JdbcUrlDataSource ds = new JdbcUrlDataSource(url, this.settings.get("user"), this.settings.get("password"),
					classLoader(), connectTimeout);
			if (!ds.driverAvailable()) {
				String bundled = bundledDriverFor(url);
				throw new MigrateException("Cannot connect to " + redactUrls(url) + ": " + ((bundled != null)
						? "the bundled " + bundled + " driver rejects this URL as malformed (check host, port and database; "
								+ "a password goes in --password, in the password parameter, or percent-encoded in user:password@)"
						: "No JDBC driver for this URL (bundled: PostgreSQL, H2, SQLite, MariaDB/MySQL; add others with --classpath)"));
			}
			// the engine's first connection is this one: no second connect on every command
			this.dataSource = new FirstConnectionDataSource(ds);
		}
		if (background) {
			this.dataSource.connectInBackground();
		}
		return this.dataSource;
	}

	/** Waits for the first connection: {@code Cannot connect to <url>: <cause>} when it failed. */
	private void awaitConnection(FirstConnectionDataSource dataSource) {
		try {
			dataSource.awaitFirst();
		}
		catch (SQLException ex) {
			throw new MigrateException("Cannot connect to " + redactUrls(this.settings.get("url")) + ": "
					+ oneLine(ex.getMessage()), ex);
		}
	}

	/**
	 * A migrator for commands that read or write the database. It connects while the revisions
	 * are read (on a fresh JVM both are mostly class loading, on two threads here); a database
	 * that cannot be reached is still the error reported, before a bad revision file.
	 */
	Migrator onlineMigrator(MigrationListener... listeners) {
		FirstConnectionDataSource dataSource = connectingDataSource(true);
		Migrator migrator;
		try {
			migrator = Migrator.create(config(dataSource, listeners));
		}
		catch (RuntimeException | Error ex) {
			awaitConnection(dataSource);
			throw ex;
		}
		awaitConnection(dataSource);
		return migrator;
	}

	/** A migrator that never connects (graph only, or offline SQL). */
	Migrator offlineMigrator(boolean needsDialect) {
		MigrateConfig.Builder builder = builder();
		if (needsDialect) {
			builder.dialect(offlineDialect());
		}
		return Migrator.create(builder.build());
	}

	/**
	 * A migrator for offline SQL ({@code --sql}) whose range starts at {@code current}: it
	 * connects only to read the version rows, and renders for the dialect as offline mode does.
	 */
	Migrator offlineMigratorReadingCurrent() {
		this.settings.require("url", "a --sql range starting at 'current' reads the database's revision");
		MigrateConfig.Builder builder = builder();
		builder.dataSource(dataSource());
		builder.dialect(offlineDialect());
		return Migrator.create(builder.build());
	}

	/** Whether an offline range or target starts at {@code current}: {@code current:head}. */
	static boolean startsAtCurrent(String target) {
		int colon = target.indexOf(':');
		return colon >= 0 && target.substring(0, colon).strip().equals("current");
	}

	MigrateConfig config(boolean online, MigrationListener... listeners) {
		return config(online ? dataSource() : null, listeners);
	}

	/** The engine's configuration, online when {@code dataSource} is not null. */
	private MigrateConfig config(DataSource dataSource, MigrationListener... listeners) {
		MigrateConfig.Builder builder = builder();
		if (dataSource != null) {
			builder.dataSource(dataSource);
			String dialectName = this.settings.get("dialect");
			if (dialectName != null) {
				builder.dialect(DialectResolver.byName(dialectName, this.settings.get("dialect-options")));
			}
		}
		for (MigrationListener listener : listeners) {
			builder.listener(listener);
		}
		return builder.build();
	}

	private MigrateConfig.Builder builder() {
		MigrateConfig.Builder builder = MigrateConfig.builder()
			.locations(locations())
			.classLoader(classLoader())
			.arguments(this.arguments);
		String versionTable = this.settings.get("version-table");
		if (versionTable != null) {
			builder.versionTable(versionTable);
		}
		builder.schema(this.settings.get("schema"));
		String logTable = this.settings.get("log-table");
		if (logTable != null) {
			builder.logTable(logTable);
		}
		String lockTimeout = this.settings.get("lock-timeout");
		if (lockTimeout != null) {
			builder.lockTimeout(duration("lock-timeout", lockTimeout));
		}
		String lockLease = this.settings.get("lock-lease");
		if (lockLease != null) {
			builder.lockLease(duration("lock-lease", lockLease));
		}
		String lockRenewInterval = this.settings.get("lock-renew-interval");
		if (lockRenewInterval != null) {
			builder.lockRenewInterval(duration("lock-renew-interval", lockRenewInterval));
		}
		builder.transactionPerMigration(this.settings.bool("transaction-per-migration", true));
		builder.baselineRevision(this.settings.get("baseline-revision"));
		builder.baselineOnMigrate(this.settings.bool("baseline-on-migrate", false));
		builder.placeholders(this.settings.bool("placeholders", false));
		builder.validateChecksums(this.settings.bool("validate-checksums", true));
		builder.ddlTimeouts(SafetySettings.timeouts(this.settings));
		builder.lintDisabledRules(this.settings.list("lint-disabled-rules"));
		return builder;
	}

	/** How long the first connect may take unless connect-timeout says otherwise. */
	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

	/** The dialect whose bundled driver should take {@code url}, or null (a driver from --classpath is needed). */
	private static String bundledDriverFor(String url) {
		return DialectResolver.all().stream().filter((d) -> d.handlesJdbcUrl(url)).map(Dialect::name).findFirst().orElse(null);
	}

	private Duration duration(String key, String value) {
		Duration duration;
		try {
			duration = value.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value)) : Duration.parse(value);
		}
		catch (DateTimeParseException | ArithmeticException | NumberFormatException ex) {
			throw new ConfigurationException("Invalid " + key + " '" + value + "' (from " + this.settings.origin(key)
					+ "): use seconds or ISO-8601 like PT5M");
		}
		if (duration.isNegative()) {
			throw new ConfigurationException("Invalid " + key + " '" + value + "' (from " + this.settings.origin(key)
					+ "): must not be negative");
		}
		return duration;
	}

	String versionTable() {
		String table = this.settings.get("version-table");
		return (table != null) ? table : MigrateConfig.DEFAULT_VERSION_TABLE;
	}

	/** Removes the configured password and any password in a URL from {@code text}. */
	String redact(String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		String password = this.settings.get("password");
		if (password != null && password.length() > 0) {
			result = result.replace(password, "***");
		}
		return redactUrls(result);
	}

	/** Removes {@code password=...} parameters and {@code user:password@} from URLs in {@code text}. */
	static String redactUrls(String text) {
		return JdbcUrlDataSource.redactPasswords(text);
	}

	static String oneLine(String text) {
		return (text == null) ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}

	@Override
	public void close() {
		if (this.dataSource != null) {
			this.dataSource.closeUnused();
		}
		if (this.compiler != null) {
			this.compiler.close();
		}
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
