package dev.migrate.command;

import java.time.Duration;

import dev.migrate.runtime.MigrationLock;
import dev.migrate.testing.DriverDataSource;
import dev.migrate.testrevs.lease.L2Slow;

/**
 * A runner in a child JVM for the lock tests: {@code <url> <user> <password> <leaseMillis>
 * <pauseMillis> [slowSql]} upgrades to head through the slow revision, with the shutdown hook
 * installed as the CLI and the starter install it. Prints {@code IN_REVISION} when it is inside
 * the slow revision, and {@code DONE} or {@code FAILED: <message>} at the end.
 */
public final class LockHolderMain {

	private LockHolderMain() {
	}

	public static void main(String[] args) {
		MigrationLock.installShutdownHook();
		L2Slow.pauseMillis = Long.parseLong(args[4]);
		L2Slow.slowSql = (args.length > 5) ? args[5] : null;
		long lease = Long.parseLong(args[3]);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(new DriverDataSource(args[0], args[1].isEmpty() ? null : args[1], args[2]))
			.locations("classpath:dev/migrate/testrevs/lease")
			.lockLease(Duration.ofMillis(lease))
			.lockRenewInterval(Duration.ofMillis(Math.max(10, lease / 4)))
			.lockTimeout(Duration.ofSeconds(30))
			.build());
		try {
			migrator.upgrade("head");
			System.out.println("DONE");
		}
		catch (RuntimeException ex) {
			System.out.println("FAILED: " + ex.getMessage());
		}
		System.out.flush();
	}

}
