package dev.migrate.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * Wraps a DataSource and counts the queries run through it (every {@code execute*} call on a
 * statement, plus {@link java.sql.DatabaseMetaData} calls that return result sets), so the
 * reflection benchmark can show that the number of catalog queries does not grow with the tables.
 */
final class CountingDataSource {

	private final AtomicInteger queries = new AtomicInteger();

	private final DataSource target;

	CountingDataSource(DataSource target) {
		this.target = target;
	}

	int queries() {
		return this.queries.get();
	}

	DataSource dataSource() {
		return proxy(DataSource.class, this.target);
	}

	@SuppressWarnings("unchecked")
	private <T> T proxy(Class<T> type, Object target) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			if (result instanceof Connection c) {
				return proxy(Connection.class, c);
			}
			if (result instanceof java.sql.PreparedStatement p) {
				return proxy(java.sql.PreparedStatement.class, p);
			}
			if (result instanceof Statement s) {
				return proxy(Statement.class, s);
			}
			if (result instanceof java.sql.DatabaseMetaData m) {
				return proxy(java.sql.DatabaseMetaData.class, m);
			}
			if (target instanceof Statement && method.getName().startsWith("execute")) {
				this.queries.incrementAndGet();
			}
			else if (target instanceof java.sql.DatabaseMetaData && result instanceof java.sql.ResultSet) {
				this.queries.incrementAndGet();
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
