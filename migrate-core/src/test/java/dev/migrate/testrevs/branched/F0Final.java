package dev.migrate.testrevs.branched;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

@Revision(id = "f0", down = { "e0" }, branchLabels = {  }, message = "create t_f0", createDate = "2024-01-08 12:00:00")
public class F0Final implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE t_f0 (id INTEGER NOT NULL PRIMARY KEY)");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE t_f0");
	}

}
