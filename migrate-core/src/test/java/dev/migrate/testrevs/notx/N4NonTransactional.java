package dev.migrate.testrevs.notx;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

@Revision(id = "n4", down = "n3", message = "non-transactional Java revision", transactional = false)
public class N4NonTransactional implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE INDEX CONCURRENTLY ix_n_c ON t_n (c)");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP INDEX CONCURRENTLY ix_n_c");
	}

}
