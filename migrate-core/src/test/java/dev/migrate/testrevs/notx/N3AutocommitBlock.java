package dev.migrate.testrevs.notx;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

@Revision(id = "n3", down = "n2", message = "autocommit block inside a transactional revision")
public class N3AutocommitBlock implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("INSERT INTO t_n (a, b, c) VALUES (1, 2, 3)");
		op.context().autocommitBlock(() -> op.execute("CREATE INDEX CONCURRENTLY ix_n_b ON t_n (b)"));
		op.execute("INSERT INTO t_n (a, b, c) VALUES (4, 5, 6)");
	}

	@Override
	public void downgrade(Operations op) {
		op.context().autocommitBlock(() -> op.execute("DROP INDEX CONCURRENTLY ix_n_b"));
		op.execute("DELETE FROM t_n");
	}

}
