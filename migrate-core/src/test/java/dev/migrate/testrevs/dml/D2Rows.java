package dev.migrate.testrevs.dml;

import java.sql.SQLException;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** DML only: records whether it runs inside a transaction, and fails after its INSERT when {@code -x fail=yes}. */
@Revision(id = "d2", down = "d1", message = "rows")
public class D2Rows implements Migration {

	@Override
	public void upgrade(Operations op) {
		boolean autoCommit;
		try {
			autoCommit = op.context().connection().getAutoCommit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		op.execute("INSERT INTO t_d (note) VALUES ('autocommit=" + autoCommit + "')");
		if ("yes".equals(op.context().arguments().get("fail"))) {
			throw new IllegalStateException("asked to fail");
		}
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DELETE FROM t_d");
	}

}
