package dev.migrate.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import dev.migrate.ConfigurationException;

/**
 * The command line's configuration, resolved from three sources: the properties file
 * ({@code -c/--config}, default {@code ./migrate.properties}), environment variables
 * ({@code MIGRATE_<KEY>}, dashes as underscores) and global options. Options win over the
 * environment, the environment over the file. Relative paths in the file are resolved against
 * the file's directory; relative paths from options and the environment against the working
 * directory.
 */
final class Settings {

	/** Every key the properties file understands, with its one-line description. */
	static final Map<String, String> KEYS = keys();

	private final Map<String, String> values;

	private final Map<String, String> origins;

	private final Path workingDirectory;

	private final Path configFile;

	private Settings(Map<String, String> values, Map<String, String> origins, Path workingDirectory, Path configFile) {
		this.values = values;
		this.origins = origins;
		this.workingDirectory = workingDirectory;
		this.configFile = configFile;
	}

	private static Map<String, String> keys() {
		Map<String, String> keys = new LinkedHashMap<>();
		keys.put("url", "JDBC URL of the database");
		keys.put("user", "database user");
		keys.put("password", "database password (never printed)");
		keys.put("script-location", "where revisions are loaded from: directories and/or classpath:<path>, comma-separated");
		keys.put("versions-dir", "directory new revision files are written to (default: the first directory of script-location)");
		keys.put("package", "Java package of new Java revisions (default: derived from versions-dir)");
		keys.put("classpath", "directories and jars with compiled Java revisions and models, separated by '" + java.io.File.pathSeparator + "' or ','");
		keys.put("version-table", "name of the version table (default migrate_version)");
		keys.put("schema", "schema of the version table (default: the connection's)");
		keys.put("schemas", "tenant schemas, comma-separated: upgrade, downgrade, stamp, current and check run for each");
		keys.put("schemas-from-query", "SQL query whose first column lists the tenant schemas (instead of schemas)");
		keys.put("parallelism", "tenants run at once with schemas (default " + dev.migrate.command.TenantMigrator.DEFAULT_PARALLELISM + ")");
		keys.put("dialect", "postgresql, h2, sqlite or mysql; needed offline (--sql) without a url");
		keys.put("models", "packages with the models (JPA entities or schema definitions), comma-separated");
		keys.put("naming-physical-strategy", "Hibernate physical naming strategy the models are read with (default: "
				+ "spring.jpa.hibernate.naming.physical-strategy of an application.properties on the classpath, else Spring Boot's)");
		keys.put("naming-implicit-strategy", "Hibernate implicit naming strategy the models are read with (default: "
				+ "spring.jpa.hibernate.naming.implicit-strategy of an application.properties on the classpath, else Spring Boot's)");
		keys.put("compare-type", "autogenerate/check compare column types (default true)");
		keys.put("compare-server-default", "autogenerate/check compare server defaults (default false)");
		keys.put("drift-extras", "tables, keys, indexes and constraints only the database has: report (default: listed, check passes, "
				+ "autogenerate comments their drops out), ignore, or fail (differences like any other)");
		keys.put("lock-timeout", "how long to wait for the migration lock, ISO-8601 (PT5M) or seconds");
		keys.put("log-table", "name of the applied-steps log table (default: none)");
		keys.put("revision-cache", "directory of the revision cache kept for revision directories of 64+ SQL files, or off "
				+ "(default $XDG_CACHE_HOME/migrate, else ~/.cache/migrate)");
		keys.put("transaction-per-migration", "one transaction per revision (default true); false runs the whole upgrade/downgrade in one where DDL is transactional");
		keys.put("baseline-revision", "revision upgrade stamps first when the schema has tables but no version table (base: none, apply every revision)");
		keys.put("baseline-on-migrate", "with no baseline-revision, stamp the base revision on such a schema (default false)");
		keys.put("validate-checksums", "upgrade refuses to run when an applied revision was edited since (its checksum changed; default true)");
		keys.put("placeholders", "replace ${key} in SQL revisions with the -x arguments (default false)");
		keys.put("lock-lease", "lease of the lock row (H2, SQLite): how long a runner that died holds the lock, ISO-8601 (PT10S) or seconds");
		keys.put("lock-renew-interval", "how often the holder renews its lease (default: a third of lock-lease)");
		keys.put("lock-timeout-ddl", "longest wait of a revision's statements for a table lock (500ms, 5s, 2m; default: the database's)");
		keys.put("statement-timeout", "longest run of one statement of a revision (default: the database's)");
		keys.put("lock-retries", "how often a revision whose lock wait timed out is rolled back and tried again (default 0)");
		keys.put("lock-retry-backoff", "wait before the first retry, doubled for each next one (default 1s)");
		keys.put("lint-disabled-rules", "migrate lint rule ids switched off for the project, comma-separated");
		keys.put("dialect-options", "dialect options, key=value comma-separated: mysql no_backslash_escapes=true for --sql output run where sql_mode has NO_BACKSLASH_ESCAPES");
		keys.put("connect-timeout", "how long connecting (and logging in) may take, seconds or ISO-8601 (default 30 s; 0 = no limit)");
		return Map.copyOf(keys);
	}

	/**
	 * Resolves the settings.
	 * @param configOption the {@code -c} value, or null for {@code ./migrate.properties} (optional)
	 * @param env the environment
	 * @param options values from global options (null values are ignored)
	 * @param workingDirectory the directory relative paths are resolved against
	 */
	static Settings resolve(String configOption, Map<String, String> env, Map<String, String> options,
			Path workingDirectory, boolean allowMissingConfig) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> origins = new LinkedHashMap<>();
		String configName = (configOption != null) ? configOption : env.get("MIGRATE_CONFIG");
		Path configFile = workingDirectory.resolve((configName != null) ? configName : "migrate.properties")
			.toAbsolutePath()
			.normalize();
		if (Files.isRegularFile(configFile)) {
			Properties props = new Properties();
			try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
				props.load(reader);
			}
			catch (IOException | IllegalArgumentException ex) {
				throw new ConfigurationException("Cannot read config file " + configFile + ": " + ex.getMessage());
			}
			for (String name : props.stringPropertyNames()) {
				String key = name.startsWith("migrate.") ? name.substring("migrate.".length()) : name;
				if (!KEYS.containsKey(key)) {
					throw new ConfigurationException("Unknown key '" + name + "' in config file " + configFile
							+ "; known keys: " + String.join(", ", KEYS.keySet()));
				}
				String value = props.getProperty(name).strip();
				if (isPathKey(key)) {
					value = resolvePaths(key, value, configFile.getParent());
				}
				values.put(key, value);
				origins.put(key, "config file " + configFile);
			}
		}
		else if (configName != null && !allowMissingConfig) {
			throw new ConfigurationException("Config file " + configFile + " does not exist (-c/--config)");
		}
		for (String key : KEYS.keySet()) {
			String envName = envName(key);
			String value = env.get(envName);
			if (value != null) {
				values.put(key, value.strip());
				origins.put(key, "environment variable " + envName);
			}
		}
		options.forEach((key, value) -> {
			if (value != null) {
				values.put(key, value);
				origins.put(key, "option --" + key);
			}
		});
		return new Settings(values, origins, workingDirectory, configFile);
	}

	static String envName(String key) {
		return "MIGRATE_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	private static boolean isPathKey(String key) {
		return key.equals("script-location") || key.equals("versions-dir") || key.equals("classpath");
	}

	private static String resolvePaths(String key, String value, Path base) {
		List<String> out = new ArrayList<>();
		for (String part : split(value, key.equals("classpath"))) {
			if (part.startsWith("classpath:")) {
				out.add(part);
			}
			else if (part.startsWith("filesystem:")) {
				out.add("filesystem:" + base.resolve(part.substring("filesystem:".length())).normalize());
			}
			else {
				out.add(base.resolve(part).normalize().toString());
			}
		}
		return String.join(",", out);
	}

	static List<String> split(String value, boolean pathSeparatorToo) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		String regex = pathSeparatorToo ? "[," + java.util.regex.Pattern.quote(java.io.File.pathSeparator) + "]" : ",";
		return Arrays.stream(value.split(regex)).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	String get(String key) {
		String value = this.values.get(key);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The value, or a configuration error naming the key, its environment variable and option. */
	String require(String key, String purpose) {
		String value = get(key);
		if (value == null) {
			throw new ConfigurationException("No " + key + " configured (" + purpose + "): set '" + key + "' in "
					+ this.configFile.getFileName() + ", " + envName(key) + " or --" + key);
		}
		return value;
	}

	List<String> list(String key) {
		return split(get(key), key.equals("classpath"));
	}

	boolean bool(String key, boolean defaultValue) {
		String value = get(key);
		if (value == null) {
			return defaultValue;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "on", "1" -> true;
			case "false", "no", "off", "0" -> false;
			default -> throw new ConfigurationException("Invalid boolean '" + value + "' for " + key + " (from "
					+ this.origins.get(key) + ")");
		};
	}

	String origin(String key) {
		return this.origins.get(key);
	}

	Path workingDirectory() {
		return this.workingDirectory;
	}

	Path configFile() {
		return this.configFile;
	}

	/** A path from a setting, resolved against the working directory. */
	Path path(String value) {
		return this.workingDirectory.resolve(value).normalize();
	}

}
