package db.migrations;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.string;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** The guide's "remove column": {@code users.legacy_field} goes; the downgrade brings the column back (empty). */
@Revision(id = "0b9f3e7c6d44", down = "c5d8e1f20a33", message = "remove users.legacy_field",
		createDate = "2024-01-03 10:00:00")
public class RemoveUsersLegacyField implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.dropColumn("users", "legacy_field");
	}

	@Override
	public void downgrade(Operations op) {
		op.addColumn("users", column("legacy_field", string(100)));
	}

}
