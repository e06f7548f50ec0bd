package dev.migrate.testrevs.dml;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

@Revision(id = "d1", message = "table")
public class D1Table implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE t_d (note VARCHAR(40))");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE t_d");
	}

}
