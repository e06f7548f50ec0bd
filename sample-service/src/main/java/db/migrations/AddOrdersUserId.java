package db.migrations;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.INTEGER;

import java.util.List;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** The guide's "add foreign key": {@code orders.user_id} referencing {@code users.id}. Branch "orders". */
@Revision(id = "a8f04c6e2d88", down = "5d2e8f1a3b77", message = "add orders.user_id with its foreign key",
		createDate = "2024-01-08 10:00:00")
public class AddOrdersUserId implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("orders", column("user_id", INTEGER));
		// lint: user_id was added by the statement above, so every row is NULL and validation checks
		// nothing; the lock on users and orders is as short as the ALTER itself
		op.allow("pg-constraint-not-valid").createForeignKey("fk_orders_user_id", "orders", "users", List.of("user_id"),
				List.of("id"));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropConstraint("fk_orders_user_id", "orders", "foreignkey");
		op.dropColumn("orders", "user_id");
	}

}
