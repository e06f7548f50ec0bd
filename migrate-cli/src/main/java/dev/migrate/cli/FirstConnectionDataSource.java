package dev.migrate.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javax.sql.DataSource;

import dev.migrate.command.DelegatingDataSource;

/**
 * A DataSource that hands out the connection the command line opened to check the database is
 * reachable as its first connection, instead of closing it and connecting again (a second TCP
 * connection, authentication and server process on every command, at head too); later calls
 * connect through the delegate.
 *
 * <p>That first connection can be opened on a thread of its own ({@link #connectInBackground}):
 * on a fresh JVM connecting is mostly the driver's class loading and initialization, which the
 * command line does while it reads the revisions on its own thread, then {@link #awaitFirst waits}
 * for it before anything is sent.
 */
final class FirstConnectionDataSource extends DelegatingDataSource {

	private final FutureTask<Connection> first;

	private boolean started;

	private boolean taken;

	FirstConnectionDataSource(DataSource delegate) {
		super(delegate);
		this.first = new FutureTask<>(new Connect(delegate));
	}

	/** Starts opening the first connection on a daemon thread; {@link #awaitFirst} waits for it. */
	synchronized void connectInBackground() {
		if (!this.started) {
			this.started = true;
			Thread thread = new Thread(this.first, "migrate-first-connection");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/**
	 * Opens the first connection (on this thread, unless it is being opened in the background)
	 * and waits for it: the driver's own exception when it failed.
	 */
	void awaitFirst() throws SQLException {
		synchronized (this) {
			if (!this.started) {
				this.started = true;
				this.first.run();
			}
		}
		first();
	}

	private Connection first() throws SQLException {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return this.first.get();
				}
				catch (InterruptedException ex) {
					// the connection is bounded by the connect timeout: wait for it, then keep the interrupt
					interrupted = true;
				}
				catch (ExecutionException ex) {
					Throwable cause = ex.getCause();
					if (cause instanceof SQLException sql) {
						throw sql;
					}
					if (cause instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (cause instanceof Error error) {
						throw error;
					}
					throw new SQLException(cause);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public synchronized Connection getConnection() throws SQLException {
		if (!this.taken) {
			this.taken = true;
			awaitFirst();
			Connection connection = first();
			if (!connection.isClosed()) {
				return connection;
			}
		}
		return delegate().getConnection();
	}

	/** Closes the first connection when nothing took it (the command failed before connecting). */
	synchronized void closeUnused() {
		if (this.taken || !this.started) {
			return;
		}
		this.taken = true;
		try {
			first().close();
		}
		catch (SQLException | RuntimeException ex) {
			// the command is over; a connection that failed has nothing to close
		}
	}

	/** Opens the connection (a class, not a lambda: no bootstrap on the start-up path). */
	private record Connect(DataSource delegate) implements Callable<Connection> {

		@Override
		public Connection call() throws SQLException {
			return this.delegate.getConnection();
		}

	}

}
