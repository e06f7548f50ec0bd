package db.migrations;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.string;

import dev.migrate.operations.Operations;
import dev.migrate.operations.Sql;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/**
 * The guide's data migration and "handle nullable carefully": add {@code users.status} as
 * nullable, fill every existing row, then make it NOT NULL — adding it NOT NULL at once would fail
 * on a table with rows. Branch "users".
 */
@Revision(id = "6c1a5e8b0daa", down = "94c3d0e6a166", message = "add users.status and fill it",
		createDate = "2024-01-08 11:00:00")
public class AddUsersStatus implements Migration {

	@Override
	public void upgrade(Operations op) {
		// add new column, nullable for now
		op.addColumn("users", column("status", string(20)));

		// migrate data
		Sql.TableRef users = Sql.table("users", Sql.column("id", INTEGER), Sql.column("status", string(20)));
		// lint: the guide's one-revision data migration, kept as the guide writes it because the sample's
		// users table is small; on a big table backfill in batches in a revision of its own and add
		// NOT NULL through a validated CHECK constraint (the expand/contract routine of docs/safety.md)
		op.allow("pg-unbounded-dml-with-ddl").execute(users.update().set("status", "active"));

		// make column non-nullable
		op.allow("pg-set-not-null").alterColumn("users", "status", (c) -> c.nullable(false).existingType(string(20)));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropColumn("users", "status");
	}

}
