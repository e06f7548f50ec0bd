package dev.migrate.cli;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrate.command.DelegatingDataSource;

/**
 * A DataSource that hands out the connection the command line opened to check the database is
 * reachable as its first connection, instead of closing it and connecting again (a second TCP
 * connection, authentication and server process on every command, at head too); later calls
 * connect through the delegate.
 */
final class FirstConnectionDataSource extends DelegatingDataSource {

	private Connection first;

	FirstConnectionDataSource(DataSource delegate, Connection first) {
		super(delegate);
		this.first = first;
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		Connection connection = this.first;
		this.first = null;
		if (connection != null && !connection.isClosed()) {
			return connection;
		}
		return delegate().getConnection();
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

}
