package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;

/**
 * The migration lock of one run. Where the dialect has a session lock (PostgreSQL advisory lock,
 * MySQL {@code GET_LOCK}) it is taken and released through the dialect on the work connection;
 * elsewhere (H2, SQLite) it is a lease row ({@link LeaseTable}) that a heartbeat thread renews
 * every {@code renewInterval} while the run works — on a connection of its own where the dialect
 * allows concurrent writers ({@link Dialect#renewsLeaseConcurrently()}, H2) and the DataSource
 * has one to spare, else on the work connection (SQLite: a second writer would collide with the
 * run's own writes). Each revision also confirms the lease in its own transaction before it
 * commits ({@link #confirm}), so a run whose lease was taken over fails instead of committing.
 *
 * <p>Runs holding a lock are registered for {@link #installShutdownHook() the shutdown hook}:
 * on SIGTERM/SIGINT it interrupts them and cancels their statement, waits for their revision to
 * roll back and the lock to be released.
 */
public final class MigrationLock {

	/** The logger, created on first use: finding the logging backend scans the class path, which a start at head need not pay. */
	private static final class Log {

		static final System.Logger logger = System.getLogger(MigrationLock.class.getName());

	}

	/** Default lease length: a runner that dies costs its successor this long. */
	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

	/** How long the shutdown hook waits for a run to roll back and release its lock. */
	static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

	private static final Set<MigrationLock> ACTIVE = ConcurrentHashMap.newKeySet();

	private static final AtomicBoolean HOOK = new AtomicBoolean();

	/**
	 * How the lock is waited for and held.
	 * @param timeout how long to wait for it
	 * @param lease lease length (lock-row dialects)
	 * @param renewInterval how often the holder renews its lease; null for a third of the lease
	 */
	public record Options(Duration timeout, Duration lease, Duration renewInterval) {

		public Options {
			lease = (lease != null) ? lease : DEFAULT_LEASE;
			renewInterval = (renewInterval != null) ? renewInterval : defaultRenewInterval(lease);
		}

		/** A third of the lease (at least 10 ms). */
		public static Duration defaultRenewInterval(Duration lease) {
			return Duration.ofMillis(Math.max(10, lease.toMillis() / 3));
		}

	}

	private final Dialect dialect;

	private final String lockName;

	private final Options options;

	private final LeaseTable lease;

	private final String token;

	private final Thread runner;

	private final Connection work;

	private volatile boolean released;

	private volatile boolean lost;

	private volatile boolean shuttingDown;

	private Thread heartbeat;

	private MigrationLock(Dialect dialect, String lockName, Options options, Connection work) {
		this.dialect = dialect;
		this.lockName = lockName;
		this.options = options;
		this.work = work;
		this.lease = dialect.usesLockRow() ? new LeaseTable(dialect, lockName) : null;
		this.token = (this.lease != null) ? LeaseTable.newToken() : null;
		this.runner = Thread.currentThread();
	}

	/** Takes the lock on {@code work} (in autocommit), waiting at most {@code options.timeout()}. */
	public static MigrationLock acquire(DataSource dataSource, Connection work, Dialect dialect, String lockName,
			Options options) throws SQLException {
		MigrationLock lock = new MigrationLock(dialect, lockName, options, work);
		if (lock.lease == null) {
			dialect.acquireLock(work, lockName, options.timeout());
		}
		else {
			boolean auto = work.getAutoCommit();
			work.setAutoCommit(true);
			try {
				lock.lease.acquire(work, lock.token, options.timeout(), options.lease());
			}
			finally {
				work.setAutoCommit(auto);
			}
			lock.startHeartbeat(dataSource);
		}
		ACTIVE.add(lock);
		return lock;
	}

	/**
	 * Renews the lease inside the work connection's current transaction, before a revision
	 * commits; fails when another runner took the lease over (a no-op for session locks).
	 * @throws LockLostException when the lease is not ours any more
	 */
	public void confirm(Connection connection) throws SQLException {
		if (this.shuttingDown) {
			throw new MigrateException("Interrupted by shutdown (SIGTERM/SIGINT): the revision is rolled back");
		}
		if (this.lease == null) {
			return;
		}
		// the run's own connection is authoritative (the heartbeat's may not see the same database)
		if (!this.lease.renew(connection, this.token, this.options.lease())) {
			this.lost = true;
			LeaseTable.Lease now = this.lease.read(connection);
			throw new LockLostException("Lost the migration lock: the lease in table '" + this.lease.table()
					+ "' was taken over" + ((now != null && now.owner() != null) ? " by " + now.owner() : "")
					+ " (not renewed within " + this.options.lease().toMillis() + " ms; raise lock-lease)");
		}
	}

	/** Releases the lock and stops the heartbeat. */
	public void release(Connection connection) throws SQLException {
		try {
			stopHeartbeat();
			if (this.lease == null) {
				this.dialect.releaseLock(connection, this.lockName);
			}
			else {
				boolean auto = connection.getAutoCommit();
				connection.setAutoCommit(true);
				try {
					this.lease.release(connection, this.token);
				}
				finally {
					connection.setAutoCommit(auto);
				}
			}
		}
		finally {
			this.released = true;
			ACTIVE.remove(this);
			synchronized (ACTIVE) {
				ACTIVE.notifyAll();
			}
		}
	}

	/** Whether the shutdown hook stopped this run. */
	public boolean shuttingDown() {
		return this.shuttingDown;
	}

	private void startHeartbeat(DataSource dataSource) {
		Thread t = new Thread(() -> heartbeat(dataSource), "migrate-lock-heartbeat");
		t.setDaemon(true);
		this.heartbeat = t;
		t.start();
	}

	private void heartbeat(DataSource dataSource) {
		Connection own = null;
		if (this.dialect.renewsLeaseConcurrently() && dataSource != null) {
			try {
				own = dataSource.getConnection();
				own.setAutoCommit(true);
			}
			catch (SQLException | RuntimeException ex) {
				Log.logger.log(System.Logger.Level.DEBUG, "No second connection for renewing the migration lease ({0}): "
						+ "renewing it on the run''s connection", ex.getMessage());
				own = null;
			}
		}
		Connection renewOn = (own != null) ? own : this.work;
		boolean warned = false;
		try {
			while (!this.released) {
				try {
					Thread.sleep(this.options.renewInterval().toMillis());
				}
				catch (InterruptedException ex) {
					break;
				}
				if (this.released) {
					break;
				}
				try {
					if (!this.lease.renew(renewOn, this.token, this.options.lease())) {
						if (!this.released) {
							this.lost = true;
							Log.logger.log(System.Logger.Level.WARNING, "The migration lease in table ''{0}'' was taken over",
									this.lease.table());
						}
						break;
					}
				}
				catch (SQLException | RuntimeException ex) {
					if (!warned && !this.released) {
						warned = true;
						Log.logger.log(System.Logger.Level.DEBUG, "Could not renew the migration lease: {0}", ex.getMessage());
					}
				}
			}
		}
		finally {
			if (own != null) {
				try {
					own.close();
				}
				catch (SQLException ex) {
					// nothing to do
				}
			}
		}
	}

	private void stopHeartbeat() {
		this.released = true;
		Thread t = this.heartbeat;
		if (t != null) {
			t.interrupt();
			try {
				t.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Installs (once per JVM) a shutdown hook that stops every run holding a lock: it interrupts
	 * the run and cancels its statement, so that the revision rolls back and the lock is released
	 * before the JVM exits (SIGTERM from Kubernetes or systemd, SIGINT from Ctrl-C).
	 */
	public static void installShutdownHook() {
		if (HOOK.compareAndSet(false, true)) {
			Runtime.getRuntime().addShutdownHook(new Thread(MigrationLock::stopAll, "migrate-shutdown"));
		}
	}

	/** Stops every run holding a lock and waits (a bounded time) for them to release it. */
	static void stopAll() {
		if (ACTIVE.isEmpty()) {
			return;
		}
		List<Thread> runners = new ArrayList<>();
		for (MigrationLock lock : ACTIVE) {
			runners.add(lock.runner);
		}
		for (MigrationLock lock : ACTIVE) {
			Log.logger.log(System.Logger.Level.WARNING,
					"Shutting down: stopping the migration that holds lock ''{0}''; its revision is rolled back", lock.lockName);
			lock.shuttingDown = true;
			lock.runner.interrupt();
			try {
				lock.dialect.cancelStatement(lock.work);
			}
			catch (SQLException | RuntimeException ex) {
				// the interrupt still stops it between statements
			}
		}
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		synchronized (ACTIVE) {
			while (!ACTIVE.isEmpty() && System.nanoTime() < deadline) {
				try {
					ACTIVE.wait(50);
				}
				catch (InterruptedException ex) {
					break;
				}
			}
		}
		for (MigrationLock lock : ACTIVE) {
			Log.logger.log(System.Logger.Level.WARNING, "Migration lock ''{0}'' not released within {1} s of shutdown",
					lock.lockName, SHUTDOWN_WAIT.toSeconds());
		}
		awaitReports(runners, deadline);
	}

	/**
	 * Gives the stopped runners a moment to report their failure (the CLI's {@code FAILED:} line)
	 * before the JVM halts: waits until each has ended or blocks (in {@code System.exit}, which
	 * waits for this hook), bounded by the shutdown deadline.
	 */
	private static void awaitReports(List<Thread> runners, long deadline) {
		for (Thread runner : runners) {
			int settled = 0;
			while (runner.isAlive() && settled < 5 && System.nanoTime() < deadline) {
				Thread.State state = runner.getState();
				settled = (state == Thread.State.BLOCKED || state == Thread.State.WAITING) ? settled + 1 : 0;
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
