package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Cleanup on a connection after a run or an autocommit block. When the work already failed, a
 * cleanup that fails too (the connection was lost: {@code pg_terminate_backend}, MariaDB
 * {@code KILL CONNECTION}, a network cut) must not replace the real failure, which names the
 * revision and the statement: the cleanup failure is added to it as suppressed instead.
 */
final class ConnectionCleanup {

	private ConnectionCleanup() {
	}

	/**
	 * Rolls back an open transaction and returns the connection to autocommit.
	 * @param primary the failure of the work, or null when it succeeded
	 * @throws SQLException when the cleanup fails and there is no primary failure
	 */
	static void restoreAutoCommit(Connection connection, Throwable primary) throws SQLException {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			if (primary == null) {
				throw ex;
			}
			primary.addSuppressed(ex);
		}
	}

	/** Sets the autocommit mode; a failure is added to {@code primary} when there is one, else thrown. */
	static void setAutoCommit(Connection connection, boolean autoCommit, Throwable primary) throws SQLException {
		try {
			connection.setAutoCommit(autoCommit);
		}
		catch (SQLException ex) {
			if (primary == null) {
				throw ex;
			}
			primary.addSuppressed(ex);
		}
	}

}
