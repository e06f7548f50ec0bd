package dev.migrate.reflect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrate.testing.AbstractDataSource;

/** A DataSource whose connections count the statements they create (each bulk query is one). */
public final class CountingDataSource extends AbstractDataSource {

	private final DataSource delegate;

	private final AtomicInteger statements = new AtomicInteger();

	public CountingDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	public int statements() {
		return this.statements.get();
	}

	public void reset() {
		this.statements.set(0);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection target = this.delegate.getConnection();
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
						this.statements.incrementAndGet();
					}
					try {
						return method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
