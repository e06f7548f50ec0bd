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

	public static Dialect forUrl(String url) {
		return DIALECTS.stream()
			.filter((d) -> d.handlesJdbcUrl(url))
			.findFirst()
			.orElseThrow(() -> new ConfigurationException("No dialect for JDBC URL '" + redact(url)
					+ "'; supported: PostgreSQL, H2, SQLite, MySQL/MariaDB"));
	}

	public static Dialect forConnection(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		return DIALECTS.stream()
			.filter((d) -> d.handlesProductName(product))
			.findFirst()
			.orElseThrow(() -> new ConfigurationException("No dialect for database '" + product
					+ "'; supported: PostgreSQL, H2, SQLite, MySQL/MariaDB"));
	}

	/** A JDBC URL with any password parameter removed, for messages. */
	public static String redact(String url) {
		return (url == null) ? null : url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
	}

}
