package dev.migrate.command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrate.dialect.DialectResolver;

/**
 * A DataSource over a JDBC URL that opens a new connection per call, with the first driver that
 * accepts the URL among those a class loader provides ({@link ServiceLoader}), else from
 * {@link DriverManager}.
 * <p>
 * Credentials written into the URL the SQLAlchemy way ({@code //user:password@host}) are passed
 * to the driver as properties instead (see {@link JdbcUrls#splitUserInfo}). With a connect
 * timeout, the dialect's driver properties for it are set (unless the URL sets them) and the
 * connect is abandoned when the driver has not returned within the timeout, whatever the driver
 * does: a server that accepts the connection and never answers cannot hang the caller.
 */
public final class JdbcUrlDataSource implements DataSource {

	private final String url;

	private final String user;

	private final String password;

	private final ClassLoader classLoader;

	private final Duration connectTimeout;

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
		this(url, user, password, classLoader, Duration.ZERO);
	}

	/**
	 * A DataSource whose connects give up after {@code connectTimeout} (zero or null: no limit).
	 * Credentials in the URL's user-info win over {@code user} and {@code password}, as the
	 * drivers' own URL parameters win over their properties.
	 */
	public JdbcUrlDataSource(String url, String user, String password, ClassLoader classLoader,
			Duration connectTimeout) {
		JdbcUrls.Credentials split = JdbcUrls.splitUserInfo(url);
		this.url = split.url();
		this.user = (split.user() != null) ? split.user() : user;
		this.password = (split.password() != null) ? split.password() : password;
		this.classLoader = classLoader;
		this.connectTimeout = (connectTimeout == null || connectTimeout.isNegative()) ? Duration.ZERO : connectTimeout;
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
		Connection connection = this.connectTimeout.isZero() ? driver.connect(this.url, props)
				: connectWithin(driver, props);
		if (connection == null) {
			throw new SQLException("No suitable driver for the URL", "08001");
		}
		return connection;
	}

	private Connection connectWithin(Driver driver, Properties props) throws SQLException {
		for (Map.Entry<String, String> entry : driverTimeouts().entrySet()) {
			if (!this.url.toLowerCase(java.util.Locale.ROOT).contains(entry.getKey().toLowerCase(java.util.Locale.ROOT) + "=")) {
				props.putIfAbsent(entry.getKey(), entry.getValue());
			}
		}
		Connect connect = new Connect(driver, this.url, props);
		FutureTask<Connection> task = new FutureTask<>(connect);
		Thread thread = new Thread(task, "migrate-connect");
		thread.setDaemon(true);
		thread.start();
		try {
			// the driver's own timeouts come first, with their messages; this is the backstop
			return task.get(this.connectTimeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			thread.interrupt();
			// a connection that arrives after all is closed, not leaked
			connect.abandon();
			throw new SQLException("The database did not answer within " + seconds(this.connectTimeout)
					+ " (connect-timeout)", "08001");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			connect.abandon();
			throw new SQLException("Interrupted while connecting", "08001", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof SQLException sql) {
				throw sql;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new SQLException(ex.getCause());
		}
	}

	/**
	 * One connect on a thread of its own; a connection that arrives after the caller gave up is
	 * closed. A class with a future task, not a CompletableFuture and lambdas: every command line
	 * connects once on a fresh JVM, where those cost class loading and spinning on the way.
	 */
	private static final class Connect implements Callable<Connection> {

		private final Driver driver;

		private final String url;

		private final Properties props;

		private boolean abandoned;

		private Connection connection;

		Connect(Driver driver, String url, Properties props) {
			this.driver = driver;
			this.url = url;
			this.props = props;
		}

		@Override
		public Connection call() throws SQLException {
			Connection connected = this.driver.connect(this.url, this.props);
			synchronized (this) {
				if (!this.abandoned) {
					this.connection = connected;
					return connected;
				}
			}
			closeQuietly(connected);
			return null;
		}

		void abandon() {
			Connection late;
			synchronized (this) {
				this.abandoned = true;
				late = this.connection;
			}
			// connected just as the caller gave up: nobody will take it
			closeQuietly(late);
		}

	}

	private Map<String, String> driverTimeouts() {
		try {
			return DialectResolver.forUrl(this.url).connectProperties(this.connectTimeout);
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

	private static String seconds(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : (millis / 1000.0) + " s";
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// nobody waits for it any more
			}
		}
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
		return "JdbcUrlDataSource[" + redactPasswords(this.url) + ((this.user != null) ? ", user " + this.user : "") + "]";
	}

	/** {@code text} with the passwords of JDBC URLs in it ({@code password=}, {@code user:pw@}) masked. */
	public static String redactPasswords(String text) {
		return JdbcUrls.redact(text);
	}

}
