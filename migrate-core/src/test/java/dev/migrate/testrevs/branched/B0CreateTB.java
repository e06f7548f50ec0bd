package dev.migrate.testrevs.branched;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

@Revision(id = "b0", down = { "a0" }, branchLabels = {  }, message = "create t_b0", createDate = "2024-01-02 12:00:00")
public class B0CreateTB implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE t_b0 (id INTEGER NOT NULL PRIMARY KEY)");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE t_b0");
	}

}
