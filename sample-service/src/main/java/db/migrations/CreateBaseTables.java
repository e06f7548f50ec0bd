package db.migrations;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.string;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** The base tables: companies, and users as they were before the guide's changes. */
@Revision(id = "3f1c2a9b0d11", message = "create companies and users", createDate = "2024-01-01 09:00:00")
public class CreateBaseTables implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("companies",
				column("id", INTEGER).primaryKey().autoincrement(),
				column("name", string(255)).notNull());
		op.createTable("users",
				column("id", INTEGER).primaryKey().autoincrement(),
				column("name", string(100)).notNull(),
				column("email", string(255)).notNull(),
				column("legacy_field", string(100)));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("users");
		op.dropTable("companies");
	}

}
