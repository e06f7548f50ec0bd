package dev.migrate.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that hands out the connection the command line opened to check the database is
 * reachable as its first connection, instead of closing it and connecting again (a second TCP
 * connection, authentication and server process on every command, at head too); later calls
 * connect through the delegate.
 */
final class FirstConnectionDataSource implements DataSource {

	private final DataSource delegate;

	private Connection first;

	FirstConnectionDataSource(DataSource delegate, Connection first) {
		this.delegate = delegate;
		this.first = first;
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		Connection connection = this.first;
		this.first = null;
		if (connection != null && !connection.isClosed()) {
			return connection;
		}
		return this.delegate.getConnection();
	}

	/** Closes the first connection when nothing took it (the command failed before connecting). */
	synchronized void closeUnused() {
		if (this.first != null) {
			try {
				this.first.close();
			}
			catch (SQLException ex) {
				// the command is over
			}
			this.first = null;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return this.delegate.getConnection(username, password);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.delegate.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface.isInstance(this) ? iface.cast(this) : this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || this.delegate.isWrapperFor(iface);
	}

}
