package dev.migrate.dialect.postgresql;

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
 * Every PostgreSQL lint rule (and the common drop/rename rule) with at least three statements it
 * flags and three safe variants it leaves alone, as SQL revisions and as Java revisions. The
 * tables {@code orders} and {@code customers} exist before the case revision (created by r1).
 */
class PostgresLintRulesTest {

	private static final PostgresDialect PG = new PostgresDialect();

	/** The models of the drop/rename cases: orders (id, name, status) and customers. */
	static final SchemaSnapshot MODELS = new SchemaSnapshot(List.of(
			Table.of(null, "orders", List.of(column("id", ColumnType.INTEGER), column("name", ColumnType.string(50)),
					column("status", ColumnType.string(20)))),
			Table.of(null, "customers", List.of(column("id", ColumnType.INTEGER), column("email", ColumnType.string(100))))));

	private static final String INDEX = "pg-index-not-concurrent";

	private static final String NOT_VALID = "pg-constraint-not-valid";

	private static final String TYPE = "pg-column-type-rewrite";

	private static final String NOT_NULL = "pg-set-not-null";

	private static final String VOLATILE = "pg-volatile-default";

	private static final String UNIQUE = "pg-unique-without-index";

	private static final String CONCURRENTLY = "pg-concurrently-in-transaction";

	private static final String REWRITE = "pg-rewrite-table";

	private static final String LOCK = "pg-lock-table";

	private static final String DML = "pg-unbounded-dml-with-ddl";

	private static final String MODELS_RULE = "drop-or-rename-in-models";

	static Stream<Arguments> sqlCases() {
		return Stream.of(
				// index without CONCURRENTLY
				flags(INDEX, true, "CREATE INDEX ix_orders_name ON orders (name)"),
				flags(INDEX, true, "CREATE UNIQUE INDEX IF NOT EXISTS ux_orders_name ON public.orders USING btree (name)"),
				flags(INDEX, true, "DROP INDEX IF EXISTS ix_orders_name"),
				passes(INDEX, false, "CREATE INDEX CONCURRENTLY ix_orders_name ON orders (name)"),
				passes(INDEX, true, "CREATE TABLE invoices (id INTEGER, total NUMERIC);\nCREATE INDEX ix_invoices_total ON invoices (total)"),
				passes(INDEX, false, "DROP INDEX CONCURRENTLY IF EXISTS ix_orders_name"),
				passes(INDEX, true, "SELECT 'CREATE INDEX ix ON orders (name)' AS text"),
				// constraint without NOT VALID
				flags(NOT_VALID, true, "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)"),
				flags(NOT_VALID, true, "ALTER TABLE orders ADD CHECK (amount > 0)"),
				flags(NOT_VALID, true, "ALTER TABLE ONLY orders ADD COLUMN paid BOOLEAN, ADD CONSTRAINT ck_amount CHECK (amount >= 0)"),
				passes(NOT_VALID, true, "ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID"),
				passes(NOT_VALID, true, "ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer"),
				passes(NOT_VALID, true, "CREATE TABLE payments (id INTEGER, order_id INTEGER);\n"
						+ "ALTER TABLE payments ADD CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id)"),
				// type change that rewrites
				flags(TYPE, true, "ALTER TABLE orders ALTER COLUMN customer_id TYPE BIGINT"),
				flags(TYPE, true, "ALTER TABLE orders ALTER COLUMN name TYPE VARCHAR(20)"),
				flags(TYPE, true, "ALTER TABLE orders ALTER COLUMN note SET DATA TYPE TEXT USING trim(note)"),
				flags(TYPE, true, "ALTER TABLE orders ALTER COLUMN amount TYPE NUMERIC(12, 4)"),
				passes(TYPE, true, "ALTER TABLE orders ALTER COLUMN name TYPE VARCHAR(200)"),
				passes(TYPE, true, "ALTER TABLE orders ALTER COLUMN name TYPE TEXT"),
				passes(TYPE, true, "ALTER TABLE orders ALTER COLUMN amount TYPE NUMERIC(12, 2)"),
				passes(TYPE, true, "ALTER TABLE orders ALTER COLUMN name TYPE CHARACTER VARYING(50)"),
				// SET NOT NULL
				flags(NOT_NULL, true, "ALTER TABLE orders ALTER COLUMN name SET NOT NULL"),
				flags(NOT_NULL, true, "ALTER TABLE orders ALTER status DROP DEFAULT, ALTER status SET NOT NULL"),
				flags(NOT_NULL, true, "ALTER TABLE orders ADD CONSTRAINT ck_name CHECK (name IS NOT NULL) NOT VALID;\n"
						+ "ALTER TABLE orders ALTER COLUMN name SET NOT NULL"),
				passes(NOT_NULL, true, "ALTER TABLE orders ADD CONSTRAINT ck_name CHECK (name IS NOT NULL) NOT VALID;\n"
						+ "ALTER TABLE orders VALIDATE CONSTRAINT ck_name;\nALTER TABLE orders ALTER COLUMN name SET NOT NULL"),
				passes(NOT_NULL, true, "ALTER TABLE orders ALTER COLUMN name DROP NOT NULL"),
				passes(NOT_NULL, true, "CREATE TABLE tags (label TEXT);\nALTER TABLE tags ALTER COLUMN label SET NOT NULL"),
				// volatile default
				flags(VOLATILE, true, "ALTER TABLE orders ADD COLUMN token UUID DEFAULT gen_random_uuid()"),
				flags(VOLATILE, true, "ALTER TABLE orders ADD COLUMN seq BIGSERIAL"),
				flags(VOLATILE, true, "ALTER TABLE orders ADD COLUMN created TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()"),
				flags(VOLATILE, true, "ALTER TABLE orders ADD COLUMN n BIGINT GENERATED ALWAYS AS IDENTITY"),
				passes(VOLATILE, true, "ALTER TABLE orders ADD COLUMN created TIMESTAMPTZ DEFAULT now()"),
				passes(VOLATILE, true, "ALTER TABLE orders ADD COLUMN flag BOOLEAN NOT NULL DEFAULT false"),
				passes(VOLATILE, true, "ALTER TABLE orders ALTER COLUMN note SET DEFAULT random()::text"),
				// unique / primary key without USING INDEX
				flags(UNIQUE, true, "ALTER TABLE orders ADD CONSTRAINT uq_orders_name UNIQUE (name)"),
				flags(UNIQUE, true, "ALTER TABLE orders ADD PRIMARY KEY (id)"),
				flags(UNIQUE, true, "ALTER TABLE orders ADD UNIQUE (name, status)"),
				passes(UNIQUE, true, "ALTER TABLE orders ADD CONSTRAINT uq_orders_name UNIQUE USING INDEX ux_orders_name"),
				passes(UNIQUE, true, "ALTER TABLE orders ADD CONSTRAINT orders_pk PRIMARY KEY USING INDEX ux_orders_id"),
				passes(UNIQUE, true, "CREATE TABLE tags (label TEXT);\nALTER TABLE tags ADD CONSTRAINT uq_tags UNIQUE (label)"),
				// CONCURRENTLY in a transaction
				flags(CONCURRENTLY, true, "CREATE INDEX CONCURRENTLY ix_orders_name ON orders (name)"),
				flags(CONCURRENTLY, true, "DROP INDEX CONCURRENTLY ix_orders_name"),
				flags(CONCURRENTLY, true, "REINDEX INDEX CONCURRENTLY ix_orders_name"),
				passes(CONCURRENTLY, false, "CREATE INDEX CONCURRENTLY ix_orders_name ON orders (name)"),
				passes(CONCURRENTLY, false, "REINDEX INDEX CONCURRENTLY ix_orders_name"),
				passes(CONCURRENTLY, true, "REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals"),
				// VACUUM FULL, CLUSTER
				flags(REWRITE, false, "VACUUM FULL orders"),
				flags(REWRITE, false, "VACUUM (FULL, ANALYZE) orders"),
				flags(REWRITE, true, "CLUSTER orders USING orders_pkey"),
				passes(REWRITE, false, "VACUUM orders"),
				passes(REWRITE, false, "VACUUM (ANALYZE) orders"),
				passes(REWRITE, true, "ANALYZE orders"),
				// LOCK TABLE
				flags(LOCK, true, "LOCK TABLE orders IN ACCESS EXCLUSIVE MODE"),
				flags(LOCK, true, "LOCK orders"),
				flags(LOCK, true, "LOCK TABLE ONLY customers IN SHARE MODE"),
				passes(LOCK, true, "COMMENT ON TABLE orders IS 'LOCK TABLE orders'"),
				passes(LOCK, true, "CREATE TABLE tags (label TEXT);\nLOCK TABLE tags"),
				passes(LOCK, true, "-- LOCK TABLE orders\nSELECT 1"),
				// UPDATE/DELETE without WHERE with DDL
				flags(DML, true, "ALTER TABLE orders ADD COLUMN paid BOOLEAN;\nUPDATE orders SET paid = false"),
				flags(DML, true, "ALTER TABLE orders ADD COLUMN x INTEGER;\nDELETE FROM customers"),
				flags(DML, true, "UPDATE orders SET status = 'new';\nALTER TABLE orders DROP COLUMN note"),
				passes(DML, true, "ALTER TABLE orders ADD COLUMN paid BOOLEAN;\nUPDATE orders SET paid = false WHERE id < 1000"),
				passes(DML, true, "UPDATE orders SET status = 'new'"),
				passes(DML, false, "ALTER TABLE orders ADD COLUMN paid BOOLEAN;\nUPDATE orders SET paid = false"),
				// drop or rename of what the models still map
				flags(MODELS_RULE, true, "ALTER TABLE orders DROP COLUMN name"),
				flags(MODELS_RULE, true, "ALTER TABLE orders RENAME COLUMN status TO state"),
				flags(MODELS_RULE, true, "DROP TABLE customers"),
				flags(MODELS_RULE, true, "ALTER TABLE orders RENAME TO purchases"),
				passes(MODELS_RULE, true, "ALTER TABLE orders DROP COLUMN note"),
				passes(MODELS_RULE, true, "ALTER TABLE orders RENAME CONSTRAINT orders_pkey TO orders_pk"),
				passes(MODELS_RULE, true, "DROP TABLE IF EXISTS legacy_audit"));
	}

	@ParameterizedTest(name = "{0} {1}: {3}")
	@MethodSource("sqlCases")
	void sqlRevision(String rule, String expectation, boolean transactional, String sql) {
		List<String> rules = LintHarness.rules(LintHarness.sql(PG, sql, transactional, MODELS));
		if (expectation.equals("flags")) {
			assertThat(rules).contains(rule);
		}
		else {
			assertThat(rules).doesNotContain(rule);
		}
	}

	static Stream<Arguments> javaCases() {
		return Stream.of(
				java(INDEX, true, true, "createIndex", (op) -> op.createIndex("ix_orders_name", "orders", "name")),
				java(INDEX, true, true, "createIndex unique", (op) -> op.createIndex("ux", "orders", List.of("name"), true)),
				java(INDEX, true, true, "dropIndex", (op) -> op.dropIndex("ix_orders_name")),
				java(INDEX, false, true, "createIndexConcurrently",
						(op) -> op.createIndexConcurrently("ix_orders_name", "orders", List.of("name"), false)),
				java(INDEX, false, true, "index on a new table", (op) -> {
					op.createTable("invoices", column("id", ColumnType.INTEGER), column("total", ColumnType.numeric()));
					op.createIndex("ix_invoices_total", "invoices", "total");
				}),
				java(INDEX, false, true, "dropIndexConcurrently", (op) -> op.dropIndexConcurrently("ix_orders_name", "orders")),
				java(NOT_VALID, true, true, "createForeignKey", (op) -> op.createForeignKey("fk_orders_customer", "orders",
						"customers", List.of("customer_id"), List.of("id"))),
				java(NOT_VALID, true, true, "createCheckConstraint", (op) -> op.createCheckConstraint("ck", "orders", "amount > 0")),
				java(NOT_VALID, true, true, "createForeignKey on delete", (op) -> op.createForeignKey("fk", "orders", "customers",
						List.of("customer_id"), List.of("id"), "CASCADE", null)),
				java(NOT_VALID, false, true, "NOT VALID", (op) -> op.execute(
						"ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID")),
				java(NOT_VALID, false, true, "VALIDATE", (op) -> op.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk")),
				java(NOT_VALID, false, true, "foreign key of a new table", (op) -> {
					op.createTable("payments", column("id", ColumnType.INTEGER), column("order_id", ColumnType.INTEGER));
					op.createForeignKey("fk_payments_order", "payments", "orders", List.of("order_id"), List.of("id"));
				}),
				java(TYPE, true, true, "integer to bigint", (op) -> op.alterColumn("orders", "customer_id", (c) -> c.type(ColumnType.BIGINT))),
				java(TYPE, true, true, "narrowing", (op) -> op.alterColumn("orders", "name", (c) -> c.type(ColumnType.string(20)))),
				java(TYPE, true, true, "USING", (op) -> op.alterColumn("orders", "note",
						(c) -> c.type(ColumnType.INTEGER).using("note::integer"))),
				java(TYPE, false, true, "widening", (op) -> op.alterColumn("orders", "name", (c) -> c.type(ColumnType.string(200)))),
				java(TYPE, false, true, "to text", (op) -> op.alterColumn("orders", "name", (c) -> c.type(ColumnType.TEXT))),
				java(TYPE, false, true, "more precision", (op) -> op.alterColumn("orders", "amount",
						(c) -> c.type(ColumnType.numeric(14, 2)))),
				java(NOT_NULL, true, true, "nullable false", (op) -> op.alterColumn("orders", "name", (c) -> c.nullable(false))),
				java(NOT_NULL, true, true, "nullable false status", (op) -> op.alterColumn("orders", "status",
						(c) -> c.nullable(false).existingType(ColumnType.string(20)))),
				java(NOT_NULL, true, true, "check not validated", (op) -> {
					op.execute("ALTER TABLE orders ADD CONSTRAINT ck_note CHECK (note IS NOT NULL) NOT VALID");
					op.alterColumn("orders", "note", (c) -> c.nullable(false));
				}),
				java(NOT_NULL, false, true, "validated check first", (op) -> {
					op.execute("ALTER TABLE orders ADD CONSTRAINT ck_name CHECK (name IS NOT NULL) NOT VALID");
					op.execute("ALTER TABLE orders VALIDATE CONSTRAINT ck_name");
					op.alterColumn("orders", "name", (c) -> c.nullable(false));
				}),
				java(NOT_NULL, false, true, "nullable true", (op) -> op.alterColumn("orders", "name", (c) -> c.nullable(true))),
				java(NOT_NULL, false, true, "new table", (op) -> {
					op.createTable("tags", column("label", ColumnType.TEXT));
					op.alterColumn("tags", "label", (c) -> c.nullable(false));
				}),
				java(VOLATILE, true, true, "gen_random_uuid", (op) -> op.addColumn("orders",
						column("token", ColumnType.UUID).serverDefault("gen_random_uuid()"))),
				java(VOLATILE, true, true, "autoincrement", (op) -> op.addColumn("orders",
						column("seq", ColumnType.BIGINT).autoincrement())),
				java(VOLATILE, true, true, "clock_timestamp", (op) -> op.addColumn("orders",
						column("created", ColumnType.TIMESTAMPTZ).notNull().serverDefault("clock_timestamp()"))),
				java(VOLATILE, false, true, "now()", (op) -> op.addColumn("orders",
						column("created", ColumnType.TIMESTAMPTZ).serverDefault("now()"))),
				java(VOLATILE, false, true, "constant", (op) -> op.addColumn("orders",
						column("flag", ColumnType.BOOLEAN).notNull().serverDefault("false"))),
				java(VOLATILE, false, true, "set default", (op) -> op.alterColumn("orders", "note",
						(c) -> c.serverDefault("random()::text"))),
				java(UNIQUE, true, true, "createUniqueConstraint", (op) -> op.createUniqueConstraint("uq", "orders", "name")),
				java(UNIQUE, true, true, "createPrimaryKey", (op) -> op.createPrimaryKey("orders_pk", "orders", "id")),
				java(UNIQUE, true, true, "two columns", (op) -> op.createUniqueConstraint("uq2", "orders", "name", "status")),
				java(UNIQUE, false, true, "USING INDEX", (op) -> {
					op.createIndexConcurrently("ux_orders_name", "orders", List.of("name"), true);
					op.execute("ALTER TABLE orders ADD CONSTRAINT uq UNIQUE USING INDEX ux_orders_name");
				}),
				java(UNIQUE, false, true, "new table", (op) -> {
					op.createTable("tags", column("label", ColumnType.TEXT));
					op.createUniqueConstraint("uq_tags", "tags", "label");
				}),
				java(UNIQUE, false, true, "primary key using index",
						(op) -> op.execute("ALTER TABLE orders ADD CONSTRAINT pk PRIMARY KEY USING INDEX ux")),
				java(CONCURRENTLY, true, true, "execute CREATE INDEX CONCURRENTLY",
						(op) -> op.execute("CREATE INDEX CONCURRENTLY ix ON orders (name)")),
				java(CONCURRENTLY, true, true, "execute DROP INDEX CONCURRENTLY", (op) -> op.execute("DROP INDEX CONCURRENTLY ix")),
				java(CONCURRENTLY, true, true, "execute REINDEX", (op) -> op.execute("REINDEX TABLE CONCURRENTLY orders")),
				java(CONCURRENTLY, false, true, "createIndexConcurrently (autocommit block)",
						(op) -> op.createIndexConcurrently("ix", "orders", List.of("name"), false)),
				java(CONCURRENTLY, false, true, "dropIndexConcurrently", (op) -> op.dropIndexConcurrently("ix", "orders")),
				java(CONCURRENTLY, false, false, "no-transaction revision",
						(op) -> op.execute("CREATE INDEX CONCURRENTLY ix ON orders (name)")),
				java(REWRITE, true, false, "VACUUM FULL", (op) -> op.execute("VACUUM FULL orders")),
				java(REWRITE, true, false, "VACUUM (FULL)", (op) -> op.execute("VACUUM (FULL) orders")),
				java(REWRITE, true, true, "CLUSTER", (op) -> op.execute("CLUSTER orders")),
				java(REWRITE, false, false, "VACUUM", (op) -> op.execute("VACUUM orders")),
				java(REWRITE, false, false, "VACUUM (ANALYZE)", (op) -> op.execute("VACUUM (ANALYZE, VERBOSE) orders")),
				java(REWRITE, false, true, "ANALYZE", (op) -> op.execute("ANALYZE orders")),
				java(LOCK, true, true, "LOCK TABLE", (op) -> op.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")),
				java(LOCK, true, true, "LOCK", (op) -> op.execute("LOCK orders")),
				java(LOCK, true, true, "LOCK ONLY", (op) -> op.execute("LOCK TABLE ONLY customers IN SHARE MODE")),
				java(LOCK, false, true, "comment", (op) -> op.setTableComment("orders", "LOCK TABLE orders")),
				java(LOCK, false, true, "new table", (op) -> {
					op.createTable("tags", column("label", ColumnType.TEXT));
					op.execute("LOCK TABLE tags");
				}),
				java(LOCK, false, true, "select", (op) -> op.execute("SELECT 1 AS lock")),
				java(DML, true, true, "UPDATE after ADD COLUMN", (op) -> {
					op.addColumn("orders", column("paid", ColumnType.BOOLEAN));
					op.execute("UPDATE orders SET paid = false");
				}),
				java(DML, true, true, "DELETE after ADD COLUMN", (op) -> {
					op.addColumn("orders", column("x", ColumnType.INTEGER));
					op.execute("DELETE FROM customers");
				}),
				java(DML, true, true, "UPDATE before DROP COLUMN", (op) -> {
					op.execute("UPDATE orders SET status = 'new'");
					op.dropColumn("orders", "note");
				}),
				java(DML, false, true, "UPDATE with WHERE", (op) -> {
					op.addColumn("orders", column("paid", ColumnType.BOOLEAN));
					op.execute("UPDATE orders SET paid = false WHERE id < 1000");
				}),
				java(DML, false, true, "UPDATE alone", (op) -> op.execute("UPDATE orders SET status = 'new'")),
				java(DML, false, false, "no-transaction revision", (op) -> {
					op.addColumn("orders", column("paid", ColumnType.BOOLEAN));
					op.execute("UPDATE orders SET paid = false");
				}),
				java(MODELS_RULE, true, true, "dropColumn", (op) -> op.dropColumn("orders", "name")),
				java(MODELS_RULE, true, true, "rename column", (op) -> op.alterColumn("orders", "status", (c) -> c.newName("state"))),
				java(MODELS_RULE, true, true, "dropTable", (op) -> op.dropTable("customers")),
				java(MODELS_RULE, true, true, "renameTable", (op) -> op.renameTable("orders", "purchases")),
				java(MODELS_RULE, false, true, "dropColumn not in models", (op) -> op.dropColumn("orders", "note")),
				java(MODELS_RULE, false, true, "dropTable not in models", (op) -> op.dropTable("legacy_audit")),
				java(MODELS_RULE, false, true, "renameTable not in models", (op) -> op.renameTable("legacy", "legacy_old")));
	}

	@ParameterizedTest(name = "{0} {1}: {3}")
	@MethodSource("javaCases")
	void javaRevision(String rule, String expectation, boolean transactional, String label, Consumer<Operations> body) {
		List<String> rules = LintHarness.rules(LintHarness.java(PG, body, transactional, MODELS));
		if (expectation.equals("flags")) {
			assertThat(rules).contains(rule);
		}
		else {
			assertThat(rules).doesNotContain(rule);
		}
	}

	static Arguments flags(String rule, boolean transactional, String sql) {
		return Arguments.of(rule, "flags", transactional, sql);
	}

	static Arguments passes(String rule, boolean transactional, String sql) {
		return Arguments.of(rule, "passes", transactional, sql);
	}

	static Arguments java(String rule, boolean dangerous, boolean transactional, String label, Consumer<Operations> body) {
		return Arguments.of(rule, dangerous ? "flags" : "passes", transactional, label, body);
	}

}
