package db.migrations;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.operations.Ddl.unique;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TIMESTAMP;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/**
 * The guide's "add products table" example, one line per line of the Alembic original. The
 * {@code id} column is marked {@code autoincrement()} where SQLAlchemy infers it for a lone integer
 * primary key, so PostgreSQL gets a SERIAL column as it does under Alembic.
 */
@Revision(id = "7a4e9c1d2b22", down = "3f1c2a9b0d11", message = "add products table",
		createDate = "2024-01-01 12:00:00")
public class AddProductsTable implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("products",
				column("id", INTEGER).notNull().autoincrement(),
				column("name", string(255)).notNull(),
				column("sku", string(50)).notNull(),
				column("price", numeric(10, 2)).notNull(),
				column("company_id", INTEGER).notNull(),
				column("created_at", TIMESTAMP).serverDefault("now()"),
				column("updated_at", TIMESTAMP),
				foreignKey("company_id", "companies", "id"),
				primaryKey("id"),
				unique("sku"));
		op.createIndex("ix_products_sku", "products", "sku");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropIndex("ix_products_sku");
		op.dropTable("products");
	}

}
