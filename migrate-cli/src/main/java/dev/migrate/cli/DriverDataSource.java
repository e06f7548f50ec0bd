package dev.migrate.cli;

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
 * A DataSource that opens a new connection per call, with the JDBC driver found among the
 * drivers bundled in the CLI and those on {@code --classpath}.
 */
final class DriverDataSource implements DataSource {

	private final String url;

	private final String user;

	private final String password;

	private final ClassLoader classLoader;

	DriverDataSource(String url, String user, String password, ClassLoader classLoader) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.classLoader = classLoader;
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
		Connection connection = driver.connect(this.url, props);
		if (connection == null) {
			throw new SQLException("No suitable driver for the URL");
		}
		return connection;
	}

	private Driver driver() throws SQLException {
		for (Driver driver : ServiceLoader.load(Driver.class, this.classLoader)) {
			if (driver.acceptsURL(this.url)) {
				return driver;
			}
		}
		try {
			return DriverManager.getDriver(this.url);
		}
		catch (SQLException ex) {
			throw new SQLException("No JDBC driver for this URL (bundled: PostgreSQL, H2, SQLite, MariaDB/MySQL; "
					+ "add others with --classpath)", ex);
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
		return "DriverDataSource[" + CliContext.redactUrls(this.url) + "]";
	}

}
