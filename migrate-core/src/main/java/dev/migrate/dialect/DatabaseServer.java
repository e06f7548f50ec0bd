package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The product and version of a connected database server, as its driver reports them, for what a
 * dialect writes differently per server ({@link Dialect#forServer}).
 *
 * @param product the product name ({@code MariaDB}, {@code MySQL}, ...)
 * @param version the product version ({@code 10.11.19-MariaDB}, {@code 8.0.36}, ...)
 */
public record DatabaseServer(String product, String version) {

	/** The server {@code connection} is connected to. */
	public static DatabaseServer of(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		return new DatabaseServer(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
	}

	/** Whether this is MariaDB (also when a MySQL driver reports it as MySQL {@code 5.5.5-10.x-MariaDB}). */
	public boolean isMariaDb() {
		return "MariaDB".equalsIgnoreCase(this.product)
				|| (this.version != null && this.version.toLowerCase(Locale.ROOT).contains("mariadb"));
	}

	/**
	 * Whether the version is at least {@code major.minor}: the first {@code x.y} of the version string,
	 * after MySQL drivers' {@code 5.5.5-} prefix for MariaDB; false when it cannot be read.
	 */
	public boolean atLeast(int major, int minor) {
		if (this.version == null) {
			return false;
		}
		String v = (this.version.startsWith("5.5.5-") ? this.version.substring(6) : this.version).strip();
		// digits, a dot, digits (read by hand: a dialect asks this for every operation it renders online)
		int dot = digits(v, 0);
		if (dot == 0 || dot >= v.length() || v.charAt(dot) != '.') {
			return false;
		}
		int end = digits(v, dot + 1);
		if (end == dot + 1 || dot > 9 || end - dot - 1 > 9) {
			return false;
		}
		int ma = Integer.parseInt(v, 0, dot, 10);
		int mi = Integer.parseInt(v, dot + 1, end, 10);
		return ma > major || (ma == major && mi >= minor);
	}

	/** The end of the ASCII digits of {@code s} from {@code from}. */
	private static int digits(String s, int from) {
		int i = from;
		while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
			i++;
		}
		return i;
	}

}
