package dev.migrate.command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A DataSource that hands everything to another one; subclasses change how connections are
 * obtained (a tenant's schema set on each, the command line's first connection reused).
 */
public abstract class DelegatingDataSource implements DataSource {

	private final DataSource delegate;

	protected DelegatingDataSource(DataSource delegate) {
		this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
	}

	/** The DataSource this one hands to. */
	protected final DataSource delegate() {
		return this.delegate;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return this.delegate.getConnection();
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
