package dev.migrate.model.dsl;

import dev.migrate.model.SchemaBuilder;
import dev.migrate.model.SchemaDefinition;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.operations.Ddl.uniqueNamed;
import static dev.migrate.schema.ColumnType.BIGINT;
import static dev.migrate.schema.ColumnType.TIMESTAMPTZ;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;

/** Models written with the schema DSL, no JPA. */
public class BillingSchema implements SchemaDefinition {

	@Override
	public void define(SchemaBuilder s) {
		s.table("customers",
				column("id", BIGINT).primaryKey().autoincrement(),
				column("name", string(100)).notNull());
		s.table("invoices",
				column("id", BIGINT).primaryKey().autoincrement(),
				column("number", string(20)).notNull(),
				column("customer_id", BIGINT).notNull(),
				column("amount", numeric(12, 2)).notNull().serverDefault("0"),
				column("issued_at", TIMESTAMPTZ).notNull().serverDefault("CURRENT_TIMESTAMP"),
				foreignKey("customer_id", "customers", "id"),
				uniqueNamed("uq_invoices_number", "number"));
		s.index("ix_invoices_customer_id", "invoices", "customer_id");
	}

}
