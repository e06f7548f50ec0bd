package dev.migrate.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.dialect.BoundStatement;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.runtime.MigrationContext;

/**
 * A test-only online context over one JDBC connection: either autocommit, or one transaction that
 * the test commits with {@link #commit()} (or rolls back).
 */
public final class JdbcContext implements MigrationContext, AutoCloseable {

	private final Connection connection;

	private final Dialect dialect;

	private final List<String> executed = new ArrayList<>();

	public JdbcContext(Connection connection, boolean transactional) throws SQLException {
		this.connection = connection;
		this.dialect = DialectResolver.forConnection(connection);
		connection.setAutoCommit(!transactional);
	}

	public Operations op() {
		return new Operations(this);
	}

	/** Every statement run so far. */
	public List<String> executed() {
		return this.executed;
	}

	public void commit() throws SQLException {
		if (!this.connection.getAutoCommit()) {
			this.connection.commit();
		}
	}

	public void rollback() throws SQLException {
		if (!this.connection.getAutoCommit()) {
			this.connection.rollback();
		}
	}

	@Override
	public Dialect dialect() {
		return this.dialect;
	}

	@Override
	public boolean isOffline() {
		return false;
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public void executeSql(String sql) {
		try (Statement s = this.connection.createStatement()) {
			s.execute(sql);
			this.executed.add(sql);
		}
		catch (SQLException ex) {
			throw new MigrateException("Statement failed: " + sql + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void execute(BoundStatement bound) {
		try (PreparedStatement s = this.connection.prepareStatement(bound.sql())) {
			for (int i = 0; i < bound.parameters().size(); i++) {
				this.dialect.bind(s, i + 1, bound.parameters().get(i));
			}
			s.execute();
			this.executed.add(bound.sql());
		}
		catch (SQLException ex) {
			throw new MigrateException("Statement failed: " + bound.sql() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void autocommitBlock(Runnable work) {
		try {
			boolean auto = this.connection.getAutoCommit();
			if (!auto) {
				this.connection.commit();
				this.connection.setAutoCommit(true);
			}
			try {
				work.run();
			}
			finally {
				this.connection.setAutoCommit(auto);
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("autocommit block failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public Map<String, String> arguments() {
		return Map.of();
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
