package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import dev.migrate.ConfigurationException;

/** Finds the dialect for a JDBC URL or connection among those registered as services. */
public final class DialectResolver {

	private static final List<Dialect> DIALECTS = load();

	private DialectResolver() {
	}

	private static List<Dialect> load() {
		List<Dialect> dialects = new ArrayList<>();
		ServiceLoader.load(Dialect.class, DialectResolver.class.getClassLoader()).forEach(dialects::add);
		return List.copyOf(dialects);
	}

	public static List<Dialect> all() {
		return DIALECTS;
	}

	/** The dialect named {@code name} ({@code postgresql}, {@code h2}, {@code sqlite}, {@code mysql}; {@code mariadb} means mysql). */
	public static Dialect byName(String name) {
		String wanted = "mariadb".equalsIgnoreCase(name) ? "mysql" : name;
		return DIALECTS.stream()
			.filter((d) -> d.name().equalsIgnoreCase(wanted))
			.findFirst()
			.orElseThrow(() -> new ConfigurationException("Unknown dialect '" + name + "'; known: "
					+ DIALECTS.stream().map(Dialect::name).toList()));
	}

	/**
	 * The dialect named {@code name} set up by {@code options}, {@code key=value} pairs separated by
	 * commas (the {@code dialect-options} setting; null or blank for none), see {@link Dialect#withOptions}.
	 */
	public static Dialect byName(String name, String options) {
		return byName(name).withOptions(parseOptions(options));
	}

	/** {@code key=value,key=value} as a map; a key without {@code =value} means {@code true}. */
	public static java.util.Map<String, String> parseOptions(String options) {
		java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
		if (options == null || options.isBlank()) {
			return map;
		}
		for (String part : options.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			int eq = part.indexOf('=');
			String key = ((eq < 0) ? part : part.substring(0, eq)).strip().toLowerCase(java.util.Locale.ROOT);
			if (key.isEmpty()) {
				throw new ConfigurationException("Invalid dialect option '" + part.strip() + "': use key=value");
			}
			map.put(key, (eq < 0) ? "true" : part.substring(eq + 1).strip());
		}
		return map;
	}

	public static Dialect forUrl(String url) {
		return DIALECTS.stream()
			.filter((d) -> d.handlesJdbcUrl(url))
			.findFirst()
			.orElseThrow(() -> new ConfigurationException("No dialect for JDBC URL '" + redact(url)
					+ "'; supported: PostgreSQL, H2, SQLite, MySQL/MariaDB"));
	}

	/** The dialect of the database {@code connection} is connected to, set up for its server ({@link Dialect#forServer}). */
	public static Dialect forConnection(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		Dialect dialect = DIALECTS.stream()
			.filter((d) -> d.handlesProductName(product))
			.findFirst()
			.orElseThrow(() -> new ConfigurationException("No dialect for database '" + product
					+ "'; supported: PostgreSQL, H2, SQLite, MySQL/MariaDB"));
		return dialect.forServer(DatabaseServer.of(connection));
	}

	/** A JDBC URL with any password parameter removed, for messages. */
	public static String redact(String url) {
		return dev.migrate.command.JdbcUrls.redact(url);
	}

}
