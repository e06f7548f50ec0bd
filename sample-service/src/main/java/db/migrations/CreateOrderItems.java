package db.migrations;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.numeric;

import java.util.List;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/**
 * The guide's "create table with relationships": {@code order_items}, deleted with their order
 * (ON DELETE CASCADE). The guide's {@code default=1} on quantity is a client-side default in
 * SQLAlchemy, so it is the entity's field initialiser here, not a server default. Branch "orders".
 */
@Revision(id = "1e6b7d3f9c99", down = "a8f04c6e2d88", message = "create order_items",
		createDate = "2024-01-09 10:00:00")
public class CreateOrderItems implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("order_items",
				column("id", INTEGER).primaryKey().autoincrement(),
				column("order_id", INTEGER).notNull(),
				column("product_id", INTEGER).notNull(),
				column("quantity", INTEGER).notNull(),
				column("price", numeric(10, 2)).notNull(),
				foreignKey(null, List.of("order_id"), "orders", List.of("id"), "CASCADE", null),
				foreignKey("product_id", "products", "id"));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("order_items");
	}

}
