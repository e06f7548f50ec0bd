package dev.migrate.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.runtime.VersionTable;

/**
 * A DataSource whose connections have a tenant's schema as their current schema (PostgreSQL's
 * search_path), so that the unqualified names of revisions resolve there; closing a connection
 * puts the schema back as it was before it goes back to a pool. A schema that does not exist yet
 * is left unset: reads of it are qualified anyway, and writes create it first
 * ({@link TenantMigrator}).
 */
final class TenantDataSource extends DelegatingDataSource {

	private final String schema;

	private final Dialect dialect;

	TenantDataSource(DataSource delegate, String schema, Dialect dialect) {
		super(delegate);
		this.schema = schema;
		this.dialect = dialect;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return inSchema(delegate().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return inSchema(delegate().getConnection(username, password));
	}

	private Connection inSchema(Connection connection) throws SQLException {
		try {
			Dialect d = (this.dialect != null) ? this.dialect : DialectResolver.forConnection(connection);
			String saved;
			try {
				saved = d.useSchema(connection, this.schema);
			}
			catch (SQLException ex) {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
				if (VersionTable.schemaExists(connection, this.schema)) {
					throw ex;
				}
				return connection; // not there yet
			}
			return restoring(connection, d, saved);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException suppressed) {
				ex.addSuppressed(suppressed);
			}
			throw ex;
		}
	}

	/** The connection, with close() restoring the schema first. */
	private static Connection restoring(Connection connection, Dialect dialect, String saved) {
		return (Connection) Proxy.newProxyInstance(TenantDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						try {
							if (!connection.isClosed()) {
								if (!connection.getAutoCommit()) {
									connection.rollback();
									connection.setAutoCommit(true);
								}
								dialect.restoreSchema(connection, saved);
							}
						}
						catch (SQLException ex) {
							// a broken connection: the pool discards it
						}
						connection.close();
						return null;
					}
					if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
						return connection;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
