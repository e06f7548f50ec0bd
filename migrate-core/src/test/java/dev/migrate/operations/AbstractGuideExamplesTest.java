package dev.migrate.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.operations.Ddl.unique;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TIMESTAMP;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation example of the migration guide, written as Java revisions, upgraded, downgraded
 * and upgraded again on a real database; after each step the schema is read back from the catalog
 * and asserted, and after each downgrade it must equal the schema before that revision.
 */
public abstract class AbstractGuideExamplesTest {

	/** A revision: upgrade, downgrade, and what must hold after the upgrade. */
	protected record Rev(String name, Consumer<Operations> up, Consumer<Operations> down, Check check) {
	}

	@FunctionalInterface
	protected interface Check {

		void verify(CatalogSnapshot schema, Connection connection) throws Exception;

	}

	protected abstract TestDatabase database();

	protected boolean sqlite() {
		return false;
	}

	protected boolean mysql() {
		return false;
	}

	/** The server default the guide writes as {@code now()}. */
	protected String now() {
		return "now()";
	}

	private JdbcContext open() throws SQLException {
		return new JdbcContext(database().connect(), !mysql());
	}

	@Test
	void everyGuideExampleUpgradesAndDowngradesWithTheCatalogCheckedAfterEachStep() throws Exception {
		try (JdbcContext ctx = open()) {
			Operations op = ctx.op();
			op.createTable("companies", column("id", INTEGER).primaryKey().autoincrement(),
					column("name", string(100)).notNull());
			op.createTable("users", column("id", INTEGER).primaryKey().autoincrement(), column("name", string(100)),
					column("email", string(255)).notNull(), column("old_field", string(50)),
					column("legacy_field", string(100)));
			op.createTable("orders", column("id", INTEGER).primaryKey().autoincrement(), column("total", numeric(10, 2)));
			var users = Sql.table("users", Sql.column("id"), Sql.column("name"), Sql.column("email"));
			op.bulkInsert(users, List.of(row("id", 1, "name", "Ann", "email", "Ann@Example.COM"),
					row("id", 2, "name", "O'Brien", "email", "bob@example.com"),
					row("id", 3, "name", "Back\\Slash", "email", "CAROL@example.com")));
			ctx.commit();

			List<Rev> revisions = revisions();
			List<CatalogSnapshot> before = new ArrayList<>();
			for (Rev rev : revisions) {
				before.add(CatalogSnapshot.read(ctx.connection()));
				upgrade(ctx, rev);
			}
			for (int i = revisions.size() - 1; i >= 0; i--) {
				Rev rev = revisions.get(i);
				rev.down().accept(op);
				ctx.commit();
				assertThat(CatalogSnapshot.read(ctx.connection())).as("schema after downgrading " + rev.name())
					.isEqualTo(before.get(i));
			}
			assertThat(names(ctx.connection())).as("data kept through every step")
				.containsExactly("Ann", "O'Brien", "Back\\Slash");
			for (Rev rev : revisions) {
				upgrade(ctx, rev);
			}
		}
	}

	private void upgrade(JdbcContext ctx, Rev rev) throws Exception {
		rev.up().accept(ctx.op());
		ctx.commit();
		try {
			rev.check().verify(CatalogSnapshot.read(ctx.connection()), ctx.connection());
		}
		catch (AssertionError ex) {
			throw new AssertionError("after upgrading " + rev.name() + ": " + ex.getMessage(), ex);
		}
	}

	protected List<Rev> revisions() {
		List<Rev> revs = new ArrayList<>();
		revs.add(new Rev("add products table", (op) -> {
			op.createTable("products", column("id", INTEGER).notNull(), column("name", string(255)).notNull(),
					column("sku", string(50)).notNull(), column("price", numeric(10, 2)).notNull(),
					column("company_id", INTEGER).notNull(), column("created_at", TIMESTAMP).serverDefault(now()),
					column("updated_at", TIMESTAMP), foreignKey("company_id", "companies", "id"), primaryKey("id"),
					unique("sku"));
			op.createIndex("ix_products_sku", "products", "sku");
		}, (op) -> {
			op.dropIndex("ix_products_sku");
			op.dropTable("products");
		}, (schema, c) -> {
			var products = schema.table("products");
			assertThat(products.columns().keySet()).containsExactlyInAnyOrder("id", "name", "sku", "price",
					"company_id", "created_at", "updated_at");
			assertThat(products.column("id").type()).matches("int.*|serial");
			assertThat(products.column("name").type()).matches("(character varying|varchar)\\(255\\)");
			assertThat(products.column("sku").type()).matches("(character varying|varchar)\\(50\\)");
			assertThat(products.column("price").type()).matches("(numeric|decimal)\\(10,2\\)");
			assertThat(products.column("created_at").type()).matches("timestamp.*|datetime");
			assertThat(products.columns().values().stream().filter((col) -> !col.nullable()).map((col) -> col.name()))
				.containsExactlyInAnyOrder("id", "name", "sku", "price", "company_id");
			assertThat(products.column("created_at").defaultValue()).matches("(?i).*(now|current_timestamp|localtimestamp).*");
			assertThat(products.column("updated_at").defaultValue()).isNull();
			assertThat(products.primaryKey()).containsExactly("id");
			assertThat(products.foreignKeys()).anyMatch((fk) -> fk.startsWith("company_id->companies.id"));
			assertThat(products.indexes()).contains("ix_products_sku sku");
			assertThat(products.indexes()).anyMatch((ix) -> ix.startsWith("unique ") && ix.endsWith(" sku"));
		}));
		revs.add(new Rev("add column", (op) -> op.addColumn("users", column("phone", string(20)).nullable(true)),
				(op) -> op.dropColumn("users", "phone"), (schema, c) -> {
					var phone = schema.table("users").column("phone");
					assertThat(phone.type()).matches("(character varying|varchar)\\(20\\)");
					assertThat(phone.nullable()).isTrue();
				}));
		revs.add(new Rev("remove column", (op) -> op.dropColumn("users", "legacy_field"),
				(op) -> op.addColumn("users", column("legacy_field", string(100))),
				(schema, c) -> assertThat(schema.table("users").columns()).doesNotContainKey("legacy_field")));
		revs.add(new Rev("rename column", (op) -> op.alterColumn("users", "name", (a) -> a.newName("full_name")),
				(op) -> op.alterColumn("users", "full_name", (a) -> a.newName("name")), (schema, c) -> {
					assertThat(schema.table("users").columns()).containsKey("full_name").doesNotContainKey("name");
					assertThat(schema.table("users").column("full_name").type())
						.matches("(character varying|varchar)\\(100\\)");
					assertThat(strings(c, "SELECT full_name FROM users ORDER BY id")).containsExactly("Ann", "O'Brien",
							"Back\\Slash");
				}));
		revs.add(new Rev("add index", (op) -> op.createIndex("ix_users_email", "users", List.of("email"), true),
				(op) -> op.dropIndex("ix_users_email"),
				(schema, c) -> assertThat(schema.table("users").indexes()).contains("unique ix_users_email email")));
		revs.add(new Rev("add foreign key", (op) -> {
			if (sqlite()) {
				op.batchAlterTable("orders", (b) -> {
					b.addColumn(column("user_id", INTEGER));
					b.createForeignKey("fk_orders_user_id", "users", List.of("user_id"), List.of("id"));
				});
			}
			else {
				op.addColumn("orders", column("user_id", INTEGER));
				op.createForeignKey("fk_orders_user_id", "orders", "users", List.of("user_id"), List.of("id"));
			}
		}, (op) -> {
			if (sqlite()) {
				op.batchAlterTable("orders", (b) -> {
					b.dropConstraint("fk_orders_user_id");
					b.dropColumn("user_id");
				});
			}
			else {
				op.dropConstraint("fk_orders_user_id", "orders");
				op.dropColumn("orders", "user_id");
			}
		}, (schema, c) -> {
			assertThat(schema.table("orders").column("user_id").type()).matches("int.*");
			assertThat(schema.table("orders").foreignKeys()).containsExactly("user_id->users.id ondelete=noaction");
		}));
		revs.add(new Rev("create table with relationships", (op) -> op.createTable("order_items",
				column("id", INTEGER).primaryKey().autoincrement(), column("order_id", INTEGER).notNull(),
				column("product_id", INTEGER).notNull(), column("quantity", INTEGER).notNull(),
				column("price", numeric(10, 2)).notNull(),
				foreignKey("fk_items_order", List.of("order_id"), "orders", List.of("id"), "CASCADE", null),
				foreignKey("product_id", "products", "id")), (op) -> op.dropTable("order_items"), (schema, c) -> {
					var items = schema.table("order_items");
					assertThat(items.primaryKey()).containsExactly("id");
					assertThat(items.foreignKeys()).contains("order_id->orders.id ondelete=cascade",
							"product_id->products.id ondelete=noaction");
					if (!sqlite()) {
						try (Statement s = c.createStatement()) {
							s.executeUpdate("INSERT INTO companies (id, name) VALUES (10, 'c')");
							s.executeUpdate("INSERT INTO products (id, name, sku, price, company_id) VALUES (10, 'p', 's', 1, 10)");
							s.executeUpdate("INSERT INTO orders (id) VALUES (10)");
							s.executeUpdate("INSERT INTO order_items (order_id, product_id, quantity, price) VALUES (10, 10, 1, 1)");
							s.executeUpdate("DELETE FROM orders WHERE id = 10");
							assertThat(strings(c, "SELECT id FROM order_items")).as("ON DELETE CASCADE").isEmpty();
							s.executeUpdate("DELETE FROM products");
							s.executeUpdate("DELETE FROM companies");
						}
						if (!c.getAutoCommit()) {
							c.commit();
						}
					}
				}));
		revs.add(new Rev("migrate data during schema change", (op) -> {
			op.addColumn("users", column("status", string(20)));
			var users = Sql.table("users", Sql.column("id", INTEGER), Sql.column("status", string(20)));
			op.execute(users.update().set("status", "active"));
			if (sqlite()) {
				op.batchAlterTable("users", (b) -> b.alterColumn("status", (a) -> a.nullable(false)));
			}
			else {
				op.alterColumn("users", "status", (a) -> a.nullable(false).existingType(string(20)));
			}
		}, (op) -> op.dropColumn("users", "status"), (schema, c) -> {
			assertThat(schema.table("users").column("status").nullable()).isFalse();
			assertThat(schema.table("users").column("status").type()).matches("(character varying|varchar)\\(20\\)");
			assertThat(strings(c, "SELECT status FROM users ORDER BY id")).containsExactly("active", "active", "active");
			assertThat(schema.table("users").indexes()).contains("unique ix_users_email email");
		}));
		revs.add(new Rev("bulk data update", (op) -> op.execute(lowerCaseEmailsSql()), (op) -> {
			// cannot revert case change
		}, (schema, c) -> assertThat(strings(c, "SELECT email FROM users ORDER BY id"))
			.containsExactly("ann@example.com", "bob@example.com", "carol@example.com")));
		revs.add(new Rev("batch operations", (op) -> op.batchAlterTable("users", (b) -> {
			b.addColumn(column("new_field", string(50)));
			b.dropColumn("old_field");
		}), (op) -> op.batchAlterTable("users", (b) -> {
			b.addColumn(column("old_field", string(50)));
			b.dropColumn("new_field");
		}), (schema, c) -> {
			var users = schema.table("users");
			assertThat(users.columns()).containsKey("new_field").doesNotContainKey("old_field");
			assertThat(users.indexes()).contains("unique ix_users_email email");
			assertThat(users.primaryKey()).containsExactly("id");
			assertThat(strings(c, "SELECT full_name FROM users ORDER BY id")).containsExactly("Ann", "O'Brien",
					"Back\\Slash");
		}));
		return revs;
	}

	/** The guide's bulk update, as written for PostgreSQL (case-sensitive comparison). */
	protected String lowerCaseEmailsSql() {
		return """
				UPDATE users
				SET email = LOWER(email)
				WHERE email != LOWER(email)
				""";
	}

	protected static Map<String, Object> row(Object... keyValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			row.put((String) keyValues[i], keyValues[i + 1]);
		}
		return row;
	}

	/** The first column of every row of a query, as strings. */
	public static List<String> stringsOf(Connection c, String sql) throws SQLException {
		return strings(c, sql);
	}

	protected static List<String> strings(Connection c, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static List<String> names(Connection c) throws SQLException {
		return strings(c, "SELECT name FROM users ORDER BY id");
	}

}
