package dev.migrate.testrevs.branched;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

@Revision(id = "d1", down = { "c1" }, branchLabels = {  }, message = "create t_d1", createDate = "2024-01-04 12:00:00")
public class D1Left implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE t_d1 (id INTEGER NOT NULL PRIMARY KEY)");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE t_d1");
	}

}
