package dev.migrate.command;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A pool of size one without waiting: hands out at most one open connection at a time and fails
 * at once when a second is asked for while the first is still open.
 */
final class SingleConnectionDataSource implements DataSource {

	private final DataSource delegate;

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger handedOut = new AtomicInteger();

	SingleConnectionDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	/** Connections open now. */
	int open() {
		return this.open.get();
	}

	/** Connections handed out so far. */
	int handedOut() {
		return this.handedOut.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (!this.open.compareAndSet(0, 1)) {
			throw new SQLException("pool exhausted: a second connection was requested while one is open");
		}
		Connection target;
		try {
			target = this.delegate.getConnection();
		}
		catch (SQLException | RuntimeException ex) {
			this.open.set(0);
			throw ex;
		}
		this.handedOut.incrementAndGet();
		boolean[] closed = { false };
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("close")) {
						if (!closed[0]) {
							closed[0] = true;
							this.open.decrementAndGet();
						}
					}
					else if (method.getName().equals("isClosed") && closed[0]) {
						return true;
					}
					try {
						return method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("not supported");
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
	public Logger getParentLogger() {
		return Logger.getGlobal();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		throw new SQLException("not a wrapper");
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return false;
	}

}
