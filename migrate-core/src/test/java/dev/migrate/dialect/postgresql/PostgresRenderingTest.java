package dev.migrate.dialect.postgresql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.operations.OfflineContext;
import dev.migrate.operations.Operations;
import dev.migrate.operations.Sql;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.operations.Ddl.unique;
import static dev.migrate.schema.ColumnType.BINARY;
import static dev.migrate.schema.ColumnType.BOOLEAN;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TEXT;
import static dev.migrate.schema.ColumnType.TIMESTAMP;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL SQL text, no database (Alembic's {@code op_fixture("postgresql")}). */
class PostgresRenderingTest {

	private final OfflineContext context = OfflineContext.of("postgresql");

	private final Operations op = this.context.op();

	@Test
	void createTableOfTheGuide() {
		this.op.createTable("products", column("id", INTEGER).notNull(), column("name", string(255)).notNull(),
				column("sku", string(50)).notNull(), column("price", numeric(10, 2)).notNull(),
				column("company_id", INTEGER).notNull(), column("created_at", TIMESTAMP).serverDefault("now()"),
				column("updated_at", TIMESTAMP), foreignKey("company_id", "companies", "id"), primaryKey("id"),
				unique("sku"));
		this.op.createIndex("ix_products_sku", "products", "sku");
		assertThat(this.context.take()).containsExactly("""
				CREATE TABLE products (
				    id INTEGER NOT NULL,
				    name VARCHAR(255) NOT NULL,
				    sku VARCHAR(50) NOT NULL,
				    price NUMERIC(10, 2) NOT NULL,
				    company_id INTEGER NOT NULL,
				    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
				    updated_at TIMESTAMP WITHOUT TIME ZONE,
				    PRIMARY KEY (id),
				    FOREIGN KEY (company_id) REFERENCES companies (id),
				    UNIQUE (sku)
				)""", "CREATE INDEX ix_products_sku ON products (sku)");
	}

	@Test
	void autoincrementIsSerialAndCommentsAreCommentOn() {
		this.op.createTable("t", column("id", INTEGER).primaryKey().autoincrement(),
				column("note", TEXT).comment("it's a note"));
		assertThat(this.context.take()).containsExactly("""
				CREATE TABLE t (
				    id SERIAL NOT NULL,
				    note TEXT,
				    PRIMARY KEY (id)
				)""", "COMMENT ON COLUMN t.note IS 'it''s a note'");
	}

	@Test
	void alterColumnTypeWithUsingNullableDefaultCommentAndRename() {
		this.op.alterColumn("t", "c", (c) -> c.type(INTEGER).using("c::integer"));
		this.op.alterColumn("t", "c", (c) -> c.nullable(false));
		this.op.alterColumn("t", "c", (c) -> c.nullable(true));
		this.op.alterColumn("t", "c", (c) -> c.serverDefault("'active'"));
		this.op.alterColumn("t", "c", (c) -> c.dropDefault());
		this.op.alterColumn("t", "c", (c) -> c.comment(""));
		this.op.alterColumn("t", "c", (c) -> c.newName("d"));
		assertThat(this.context.take()).containsExactly("ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING c::integer",
				"ALTER TABLE t ALTER COLUMN c SET NOT NULL", "ALTER TABLE t ALTER COLUMN c DROP NOT NULL",
				"ALTER TABLE t ALTER COLUMN c SET DEFAULT 'active'", "ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
				"COMMENT ON COLUMN t.c IS NULL", "ALTER TABLE t RENAME COLUMN c TO d");
	}

	@Test
	void alterColumnThatChangesNothingIsAnError() {
		assertThatThrownBy(() -> this.op.alterColumn("t", "c", (c) -> {
		})).isInstanceOf(MigrateException.class).hasMessage("alter column t.c changes nothing");
	}

	@Test
	void indexesUniquePartialAndConcurrentlyOutsideTheTransaction() {
		this.op.createIndex("ix_users_email", "users", List.of("email"), true);
		this.op.createIndex("ix_active", "users", List.of("email"), false, "status = 'active'");
		this.op.createIndexConcurrently("ix_c", "users", List.of("name", "email"), false);
		this.op.dropIndexConcurrently("ix_c", "users");
		this.op.dropIndex("ix_users_email");
		assertThat(this.context.take()).containsExactly("CREATE UNIQUE INDEX ix_users_email ON users (email)",
				"CREATE INDEX ix_active ON users (email) WHERE status = 'active'", "COMMIT",
				"CREATE INDEX CONCURRENTLY ix_c ON users (name, email)", "BEGIN", "COMMIT",
				"DROP INDEX CONCURRENTLY ix_c", "BEGIN", "DROP INDEX ix_users_email");
	}

	@Test
	void constraints() {
		this.op.createForeignKey("fk_orders_user_id", "orders", "users", List.of("user_id"), List.of("id"));
		this.op.createForeignKey("fk_items_order", "order_items", "orders", List.of("order_id"), List.of("id"),
				"cascade", "set null");
		this.op.createUniqueConstraint("uq_sku", "products", "sku", "company_id");
		this.op.createCheckConstraint("ck_price", "products", "price >= 0");
		this.op.createPrimaryKey("pk_t", "t", "a", "b");
		this.op.dropConstraint("fk_orders_user_id", "orders");
		assertThat(this.context.take()).containsExactly(
				"ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id)",
				"ALTER TABLE order_items ADD CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id)"
						+ " ON DELETE CASCADE ON UPDATE SET NULL",
				"ALTER TABLE products ADD CONSTRAINT uq_sku UNIQUE (sku, company_id)",
				"ALTER TABLE products ADD CONSTRAINT ck_price CHECK (price >= 0)",
				"ALTER TABLE t ADD CONSTRAINT pk_t PRIMARY KEY (a, b)",
				"ALTER TABLE orders DROP CONSTRAINT fk_orders_user_id");
	}

	@Test
	void unknownReferentialActionIsRefusedNotRendered() {
		assertThatThrownBy(() -> this.op.createForeignKey("fk", "a", "b", List.of("x"), List.of("id"),
				"CASCADE; DROP TABLE users", null))
			.isInstanceOf(MigrateException.class)
			.hasMessageContaining("unknown referential action 'CASCADE; DROP TABLE users'");
		assertThat(this.context.statements()).isEmpty();
	}

	@Test
	void tablesAndColumns() {
		this.op.renameTable("a", "b");
		this.op.dropTable("b");
		this.op.addColumn("users", column("phone", string(20)));
		this.op.dropColumn("users", "phone");
		assertThat(this.context.take()).containsExactly("ALTER TABLE a RENAME TO b", "DROP TABLE b",
				"ALTER TABLE users ADD COLUMN phone VARCHAR(20)", "ALTER TABLE users DROP COLUMN phone");
	}

	@Test
	void dataStatementsEscapeValuesAndQuoteNames() {
		var users = Sql.table("users", Sql.column("id", INTEGER), Sql.column("status", string(20)),
				Sql.column("order", TEXT), Sql.column("email"));
		this.op.execute(users.update().set("status", "it's \\ done").where("id", 42));
		this.op.execute(users.update().set("order", null).where("status", null));
		this.op.execute(users.update().set("email", Sql.expression("LOWER(email)")));
		this.op.execute(users.delete().where("status", "gone"));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("id", 1);
		row.put("status", "a'b");
		Map<String, Object> row2 = new LinkedHashMap<>();
		row2.put("id", 2);
		row2.put("status", null);
		this.op.bulkInsert(users, List.of(row, row2, Map.of("id", 3)));
		assertThat(this.context.take()).containsExactly("UPDATE users SET status = E'it''s \\\\ done' WHERE id = 42",
				"UPDATE users SET \"order\" = NULL WHERE status IS NULL", "UPDATE users SET email = LOWER(email)",
				"DELETE FROM users WHERE status = 'gone'",
				"INSERT INTO users (id, status) VALUES (1, 'a''b'), (2, NULL)", "INSERT INTO users (id) VALUES (3)");
	}

	@Test
	void unknownColumnOfATableReferenceIsAnError() {
		var users = Sql.table("users", Sql.column("id", INTEGER));
		assertThatThrownBy(() -> this.op.execute(users.update().set("nope", 1)))
			.hasMessage("Table reference users has no column 'nope'; declared: [id]");
	}

	@Test
	void literals() {
		PostgresDialect d = new PostgresDialect();
		assertThat(d.literal(new byte[] { 1, (byte) 0xab })).isEqualTo("E'\\\\x01ab'::bytea");
		assertThat(d.literal(true)).isEqualTo("TRUE");
		assertThat(d.literal(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(d.literal(java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5))).isEqualTo("'2024-01-02 03:04:05'");
		assertThat(d.literal("a\\'b")).isEqualTo("E'a\\\\''b'");
		assertThat(d.literal("a'b")).isEqualTo("'a''b'");
		assertThatThrownBy(() -> d.literal(Double.NaN)).isInstanceOf(MigrateException.class);
		assertThatThrownBy(() -> d.literal(new Object())).isInstanceOf(MigrateException.class)
			.hasMessageContaining("Cannot write a value of type java.lang.Object");
	}

	@Test
	void typeMapping() {
		PostgresDialect d = new PostgresDialect();
		assertThat(List.of(INTEGER, dev.migrate.schema.ColumnType.BIGINT, dev.migrate.schema.ColumnType.SMALLINT,
				string(20), string(), TEXT, numeric(10, 2), numeric(), BOOLEAN, dev.migrate.schema.ColumnType.DATE,
				dev.migrate.schema.ColumnType.TIME, TIMESTAMP, dev.migrate.schema.ColumnType.TIMESTAMPTZ,
				dev.migrate.schema.ColumnType.UUID, dev.migrate.schema.ColumnType.JSON, BINARY,
				dev.migrate.schema.ColumnType.binary(16), dev.migrate.schema.ColumnType.FLOAT,
				dev.migrate.schema.ColumnType.DOUBLE, dev.migrate.schema.ColumnType.raw("tsvector"))
			.stream()
			.map(d::typeSql)).containsExactly("INTEGER", "BIGINT", "SMALLINT", "VARCHAR(20)", "VARCHAR", "TEXT",
					"NUMERIC(10, 2)", "NUMERIC", "BOOLEAN", "DATE", "TIME", "TIMESTAMP WITHOUT TIME ZONE",
					"TIMESTAMP WITH TIME ZONE", "UUID", "JSON", "BYTEA", "BYTEA", "REAL", "DOUBLE PRECISION", "tsvector");
	}

	@Test
	void quotingOfReservedMixedCaseAndHostileNames() {
		this.op.createTable("x\"; DROP TABLE users; --", column("select", INTEGER), column("Mixed Case", TEXT));
		this.op.dropTable("x\"; DROP TABLE users; --");
		assertThat(this.context.take()).containsExactly("""
				CREATE TABLE "x""; DROP TABLE users; --" (
				    "select" INTEGER,
				    "Mixed Case" TEXT
				)""", "DROP TABLE \"x\"\"; DROP TABLE users; --\"");
	}

	@Test
	void schemaOfTheContextQualifiesNames() {
		OfflineContext ctx = new OfflineContext(new PostgresDialect(), "Billing");
		ctx.op().addColumn("invoices", column("total", numeric(12, 2)));
		ctx.op().createForeignKey("fk", "invoices", "customers", List.of("customer_id"), List.of("id"));
		assertThat(ctx.take()).containsExactly("ALTER TABLE \"Billing\".invoices ADD COLUMN total NUMERIC(12, 2)",
				"ALTER TABLE \"Billing\".invoices ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES \"Billing\".customers (id)");
	}

}
