package dev.migrate.testrevs.branched;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

@Revision(id = "c2", down = { "b0" }, branchLabels = { "right" }, message = "create t_c2", createDate = "2024-01-03 12:00:00")
public class C2Right implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE t_c2 (id INTEGER NOT NULL PRIMARY KEY)");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE t_c2");
	}

}
