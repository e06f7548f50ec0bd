package dev.migrate.command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource over a JDBC URL that opens a new connection per call, with the first driver that
 * accepts the URL among those a class loader provides ({@link ServiceLoader}), else from
 * {@link DriverManager}.
 */
public final class JdbcUrlDataSource implements DataSource {

	private final String url;

	private final String user;

	private final String password;

	private final ClassLoader classLoader;

	/** A DataSource for {@code url} without credentials, drivers from {@link DriverManager}. */
	public JdbcUrlDataSource(String url) {
		this(url, null, null, null);
	}

	/** A DataSource for {@code url} with a user and password (either may be null). */
	public JdbcUrlDataSource(String url, String user, String password) {
		this(url, user, password, null);
	}

	/** A DataSource whose driver is looked for first among those of {@code classLoader} (may be null). */
	public JdbcUrlDataSource(String url, String user, String password, ClassLoader classLoader) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.classLoader = classLoader;
	}

	/** The JDBC URL. */
	public String getUrl() {
		return this.url;
	}

	/** Whether some driver accepts the URL. */
	public boolean driverAvailable() {
		try {
			return driver() != null;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return getConnection(this.user, this.password);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Properties props = new Properties();
		if (username != null) {
			props.setProperty("user", username);
		}
		if (password != null) {
			props.setProperty("password", password);
		}
		Driver driver = driver();
		if (driver == null) {
			throw new SQLException("No JDBC driver for this URL", "08001");
		}
		Connection connection = driver.connect(this.url, props);
		if (connection == null) {
			throw new SQLException("No suitable driver for the URL", "08001");
		}
		return connection;
	}

	private Driver driver() throws SQLException {
		if (this.classLoader != null) {
			for (Driver driver : ServiceLoader.load(Driver.class, this.classLoader)) {
				if (driver.acceptsURL(this.url)) {
					return driver;
				}
			}
		}
		try {
			return DriverManager.getDriver(this.url);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("Not a wrapper for " + iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

	@Override
	public String toString() {
		return "JdbcUrlDataSource[" + redactPasswords(this.url) + "]";
	}

	/** {@code text} with the passwords of JDBC URLs in it ({@code password=}, {@code user:pw@}) masked. */
	public static String redactPasswords(String text) {
		if (text == null) {
			return null;
		}
		// a ':' right before a blank is the separator of a message ("...password=x: FATAL ..."): kept
		return text.replaceAll("(?i)(password|pwd)=[^&;\\s]*?(?=:?(?:[&;\\s]|$))", "$1=***").replaceAll("(//[^/:@\\s]+):[^@/\\s]+@", "$1:***@");
	}

}
