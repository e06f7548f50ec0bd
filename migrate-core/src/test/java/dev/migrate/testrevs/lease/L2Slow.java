package dev.migrate.testrevs.lease;

import java.util.concurrent.CountDownLatch;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/**
 * Writes a row, says so ({@code IN_REVISION} on stdout, and {@link #entered}), then takes its
 * time: {@link #pauseMillis} of Java sleep, or {@link #slowSql} run in the database.
 */
@Revision(id = "l2", down = "l1", message = "slow revision")
public class L2Slow implements Migration {

	public static volatile long pauseMillis;

	public static volatile String slowSql;

	public static volatile CountDownLatch entered = new CountDownLatch(1);

	@Override
	public void upgrade(Operations op) {
		op.execute("INSERT INTO t_lease_applied (rev) VALUES ('l2')");
		System.out.println("IN_REVISION");
		System.out.flush();
		entered.countDown();
		if (slowSql != null) {
			op.execute(slowSql);
		}
		if (pauseMillis > 0) {
			try {
				Thread.sleep(pauseMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted in revision l2", ex);
			}
		}
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DELETE FROM t_lease_applied WHERE rev = 'l2'");
	}

}
