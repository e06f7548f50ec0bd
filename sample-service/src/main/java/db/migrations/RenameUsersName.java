package db.migrations;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** The guide's "rename column": {@code users.name} becomes {@code users.full_name}. */
@Revision(id = "e2a71b4c8f55", down = "0b9f3e7c6d44", message = "rename users.name to full_name",
		createDate = "2024-01-04 10:00:00")
public class RenameUsersName implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.alterColumn("users", "name", (c) -> c.newName("full_name"));
	}

	@Override
	public void downgrade(Operations op) {
		op.alterColumn("users", "full_name", (c) -> c.newName("name"));
	}

}
