package dev.migrate.command;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs as users write them: secrets masked for messages, and credentials written the
 * SQLAlchemy way ({@code jdbc:postgresql://user:password@host/db}) taken out of the URL, since
 * neither pgjdbc nor MariaDB Connector/J understands user-info (they read it as a bad port and
 * print the password in their complaint).
 */
public final class JdbcUrls {

	/** The patterns, compiled on first use: most URLs a run connects with never need them (a cold start). */
	private static final class Patterns {

		/** {@code ?password=} / {@code &password=}: in a query string a ';' is part of the value. */
		private static final Pattern QUERY_PASSWORD = Pattern
			.compile("(?i)(?<=[?&])(password|pwd)=[^&\\s]*?(?=:?(?:[&\\s]|$))");

		/** {@code ;PASSWORD=} (H2, SQL Server) and free text: a ';' ends the value. */
		private static final Pattern OTHER_PASSWORD = Pattern
			.compile("(?i)(?<![?&])\\b(password|pwd)=(?!\\*\\*\\*)[^&;\\s]*?(?=:?(?:[&;\\s]|$))");

		/** {@code //user:secret@}: up to the last '@' of the word, so a secret with '@' or '/' is masked whole. */
		private static final Pattern USER_INFO_SECRET = Pattern.compile("(//[^/:@\\s]+):\\S*@");

		/** {@code jdbc:<sub>://[user-info@]rest} for the drivers that take their credentials as properties. */
		private static final Pattern USER_INFO_URL = Pattern
			.compile("^(jdbc:(?:postgresql|pgsql|mariadb|mysql)(?::[a-z]+)?://)([^/?#;]*)@([^/?#;@]*.*)$", Pattern.DOTALL);

	}

	private JdbcUrls() {
	}

	/** {@code text} with the passwords of JDBC URLs in it ({@code password=}, {@code user:pw@}) masked. */
	public static String redact(String text) {
		if (text == null) {
			return null;
		}
		String result = Patterns.QUERY_PASSWORD.matcher(text).replaceAll("$1=***");
		result = Patterns.OTHER_PASSWORD.matcher(result).replaceAll("$1=***");
		return Patterns.USER_INFO_SECRET.matcher(result).replaceAll("$1:***@");
	}

	/**
	 * A URL with user-info split off: {@code jdbc:postgresql://bob:s%40cret@h/db} is
	 * {@code jdbc:postgresql://h/db} with user {@code bob} and password {@code s@cret}
	 * (percent-decoded). URLs without user-info, and other drivers' URLs, are returned as they are
	 * with null credentials.
	 */
	public static Credentials splitUserInfo(String url) {
		if (url == null) {
			return new Credentials(null, null, null);
		}
		if (url.indexOf('@') < 0) {
			return new Credentials(url, null, null); // no user-info: no pattern to compile
		}
		Matcher m = Patterns.USER_INFO_URL.matcher(url);
		if (!m.matches()) {
			return new Credentials(url, null, null);
		}
		String userInfo = m.group(2);
		int colon = userInfo.indexOf(':');
		String user = decode((colon < 0) ? userInfo : userInfo.substring(0, colon));
		String password = (colon < 0) ? null : decode(userInfo.substring(colon + 1));
		return new Credentials(m.group(1) + m.group(3), user.isEmpty() ? null : user, password);
	}

	private static String decode(String part) {
		try {
			return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return part;
		}
	}

	/** A URL without user-info and the credentials that were in it (null when absent). */
	public record Credentials(String url, String user, String password) {
	}

}
