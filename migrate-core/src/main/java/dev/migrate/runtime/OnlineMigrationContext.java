package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;

import dev.migrate.MigrateException;
import dev.migrate.dialect.BoundStatement;
import dev.migrate.dialect.Dialect;

/** A context over a live connection: statements run as they come. */
public final class OnlineMigrationContext extends AbstractMigrationContext {

	private final Connection connection;

	private String currentStatement;

	private int executed;

	private boolean leftTransaction;

	public OnlineMigrationContext(Connection connection, Dialect dialect, Map<String, String> arguments, String schema) {
		super(dialect, arguments, schema);
		this.connection = Objects.requireNonNull(connection, "connection");
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
		this.currentStatement = sql;
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, ex);
		}
		this.currentStatement = null;
		this.executed++;
	}

	/** How many statements ran without failing. */
	public int executedCount() {
		return this.executed;
	}

	/** Whether an {@link #autocommitBlock} committed part of the revision (a retry would repeat it). */
	public boolean leftTransaction() {
		return this.leftTransaction;
	}

	@Override
	public void execute(BoundStatement bound) {
		if (bound.parameters().isEmpty()) {
			executeSql(bound.sql());
			return;
		}
		String sql = bound.sql();
		this.currentStatement = sql;
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < bound.parameters().size(); i++) {
				dialect().bind(statement, i + 1, bound.parameters().get(i));
			}
			statement.execute();
		}
		catch (SQLException ex) {
			throw new StatementFailedException(sql, ex);
		}
		this.currentStatement = null;
	}

	/** The statement running or that failed last, or null. */
	public String currentStatement() {
		return this.currentStatement;
	}

	@Override
	public void autocommitBlock(Runnable work) {
		boolean wasAuto;
		try {
			wasAuto = this.connection.getAutoCommit();
			if (!wasAuto) {
				this.connection.commit();
				this.connection.setAutoCommit(true);
				this.leftTransaction = true;
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not switch to autocommit: " + StatementFailedException.oneLine(ex.getMessage()), ex);
		}
		Throwable primary = null;
		try {
			work.run();
		}
		catch (RuntimeException | Error ex) {
			primary = ex;
			throw ex;
		}
		finally {
			if (!wasAuto) {
				try {
					// after a failure on a lost connection the statement's error stays the one reported
					ConnectionCleanup.setAutoCommit(this.connection, false, primary);
				}
				catch (SQLException ex) {
					throw new MigrateException("Could not leave autocommit: " + StatementFailedException.oneLine(ex.getMessage()), ex);
				}
			}
		}
	}

}
