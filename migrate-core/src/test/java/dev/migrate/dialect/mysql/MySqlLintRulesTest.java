package dev.migrate.dialect.mysql;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.lint.LintHarness;
import dev.migrate.operations.Operations;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;

import static dev.migrate.operations.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL/MariaDB's lint rules: ALTERs that cannot run with ALGORITHM=INPLACE, LOCK=NONE or
 * INSTANT, and the common drop/rename rule, each with three dangerous and three safe statements,
 * as SQL and as Java revisions.
 */
class MySqlLintRulesTest {

	private static final MySqlDialect MYSQL = new MySqlDialect();

	private static final String ONLINE = "mysql-alter-not-online";

	private static final String MODELS_RULE = "drop-or-rename-in-models";

	private static final SchemaSnapshot MODELS = new SchemaSnapshot(List.of(Table.of(null, "orders",
			List.of(column("id", ColumnType.INTEGER), column("name", ColumnType.string(50)), column("status", ColumnType.string(20)))),
			Table.of(null, "customers", List.of(column("id", ColumnType.INTEGER)))));

	static Stream<Arguments> sqlCases() {
		return Stream.of(
				Arguments.of(ONLINE, "flags", "ALTER TABLE orders MODIFY COLUMN customer_id BIGINT"),
				Arguments.of(ONLINE, "flags", "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)"),
				Arguments.of(ONLINE, "flags", "ALTER TABLE orders DROP PRIMARY KEY"),
				Arguments.of(ONLINE, "flags", "ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4"),
				Arguments.of(ONLINE, "flags", "ALTER TABLE orders ADD FULLTEXT INDEX ft_note (note)"),
				Arguments.of(ONLINE, "flags", "ALTER TABLE orders ADD COLUMN n INT, ALGORITHM=COPY"),
				Arguments.of(ONLINE, "flags", "ALTER TABLE orders CHANGE name title VARCHAR(20)"),
				Arguments.of(ONLINE, "passes", "ALTER TABLE orders ADD COLUMN paid TINYINT(1)"),
				Arguments.of(ONLINE, "passes", "ALTER TABLE orders ADD INDEX ix_orders_name (name)"),
				Arguments.of(ONLINE, "passes", "ALTER TABLE orders MODIFY COLUMN customer_id BIGINT, ALGORITHM=INPLACE, LOCK=NONE"),
				Arguments.of(ONLINE, "passes", "ALTER TABLE orders MODIFY name VARCHAR(60)"),
				Arguments.of(ONLINE, "passes", "CREATE TABLE tags (id INT, label VARCHAR(10));\nALTER TABLE tags MODIFY label TEXT"),
				Arguments.of(ONLINE, "passes", "ALTER TABLE orders RENAME COLUMN note TO remark, ALGORITHM=INSTANT"),
				Arguments.of(MODELS_RULE, "flags", "ALTER TABLE orders DROP COLUMN name"),
				Arguments.of(MODELS_RULE, "flags", "ALTER TABLE orders CHANGE status state VARCHAR(20)"),
				Arguments.of(MODELS_RULE, "flags", "RENAME TABLE customers TO clients"),
				Arguments.of(MODELS_RULE, "passes", "ALTER TABLE orders DROP COLUMN note"),
				Arguments.of(MODELS_RULE, "passes", "ALTER TABLE orders CHANGE status status VARCHAR(30)"),
				Arguments.of(MODELS_RULE, "passes", "ALTER TABLE orders DROP INDEX ix_orders_name"));
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("sqlCases")
	void sqlRevision(String rule, String expectation, String sql) {
		List<String> rules = LintHarness.rules(LintHarness.sql(MYSQL, sql, true, MODELS));
		if (expectation.equals("flags")) {
			assertThat(rules).contains(rule);
		}
		else {
			assertThat(rules).doesNotContain(rule);
		}
	}

	static Stream<Arguments> javaCases() {
		return Stream.of(
				java(ONLINE, true, "type change", (op) -> op.alterColumn("orders", "customer_id",
						(c) -> c.type(ColumnType.BIGINT).existingNullable(true))),
				java(ONLINE, true, "createForeignKey", (op) -> op.createForeignKey("fk_orders_customer", "orders", "customers",
						List.of("customer_id"), List.of("id"))),
				java(ONLINE, true, "drop primary key", (op) -> op.dropConstraint("PRIMARY", "orders", "primary")),
				java(ONLINE, true, "narrowing", (op) -> op.alterColumn("orders", "name",
						(c) -> c.type(ColumnType.string(20)).existingNullable(true))),
				java(ONLINE, false, "addColumn", (op) -> op.addColumn("orders", column("paid", ColumnType.BOOLEAN))),
				java(ONLINE, false, "createIndex", (op) -> op.createIndex("ix_orders_name", "orders", "name")),
				java(ONLINE, false, "widening within 255 bytes", (op) -> op.alterColumn("orders", "name",
						(c) -> c.type(ColumnType.string(60)).existingNullable(true))),
				java(ONLINE, false, "foreign key of a new table", (op) -> {
					op.createTable("payments", column("id", ColumnType.INTEGER), column("order_id", ColumnType.INTEGER));
					op.createForeignKey("fk_payments_order", "payments", "orders", List.of("order_id"), List.of("id"));
				}),
				java(MODELS_RULE, true, "dropColumn", (op) -> op.dropColumn("orders", "name")),
				java(MODELS_RULE, true, "dropTable", (op) -> op.dropTable("customers")),
				java(MODELS_RULE, true, "renameTable", (op) -> op.renameTable("orders", "purchases")),
				java(MODELS_RULE, false, "dropColumn not mapped", (op) -> op.dropColumn("orders", "note")),
				java(MODELS_RULE, false, "dropTable not mapped", (op) -> op.dropTable("legacy_audit")),
				java(MODELS_RULE, false, "renameTable not mapped", (op) -> op.renameTable("legacy", "legacy_old")));
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("javaCases")
	void javaRevision(String rule, String expectation, String label, Consumer<Operations> body) {
		List<String> rules = LintHarness.rules(LintHarness.java(MYSQL, body, true, MODELS));
		if (expectation.equals("flags")) {
			assertThat(rules).contains(rule);
		}
		else {
			assertThat(rules).doesNotContain(rule);
		}
	}

	static Arguments java(String rule, boolean dangerous, String label, Consumer<Operations> body) {
		return Arguments.of(rule, dangerous ? "flags" : "passes", label, body);
	}

}
