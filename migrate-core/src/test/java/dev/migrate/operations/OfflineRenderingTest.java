package dev.migrate.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.schema.Column;
import dev.migrate.schema.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TIMESTAMP;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Offline mode: every operation renders on every dialect without a connection — written the way a
 * portable revision writes it (typed drops and table names for MySQL, batch mode with
 * {@code copyFrom} for SQLite) — and what cannot be rendered offline fails with a message.
 */
class OfflineRenderingTest {

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "sqlite", "mysql" })
	void everyOperationRendersWithoutAConnection(String dialectName) {
		OfflineContext ctx = OfflineContext.of(dialectName);
		Operations op = ctx.op();
		boolean sqlite = dialectName.equals("sqlite");
		Table orders = Table.of(null, "orders", List.of(column("id", INTEGER).primaryKey(), column("total", numeric(10, 2)),
				column("status", string(20)), column("user_id", INTEGER)));
		List<Consumer<Operations>> steps = new ArrayList<>();
		steps.add((o) -> o.createTable("users", column("id", INTEGER).primaryKey().autoincrement(),
				column("email", string(255)).notNull(), column("created_at", TIMESTAMP)));
		steps.add((o) -> o.createTable("orders", column("id", INTEGER).primaryKey(), column("total", numeric(10, 2)),
				column("user_id", INTEGER), foreignKey("user_id", "users", "id")));
		steps.add((o) -> o.addColumn("orders", column("status", string(20)).serverDefault("'new'")));
		steps.add((o) -> o.alterColumn("users", "email", (a) -> a.newName("mail")));
		steps.add((o) -> o.createIndex("ix_users_mail", "users", List.of("mail"), true));
		steps.add((o) -> o.createIndexConcurrently("ix_orders_total", "orders", List.of("total"), false));
		steps.add((o) -> o.dropIndex("ix_orders_total", "orders"));
		steps.add((o) -> o.execute(Sql.table("orders").update().set("status", "paid").where("id", 1)));
		steps.add((o) -> o.execute(Sql.table("orders").delete().where("status", "void")));
		steps.add((o) -> o.bulkInsert(Sql.table("orders"), List.of(Map.of("id", 1, "status", "it's"))));
		steps.add((o) -> o.execute("UPDATE orders SET total = 0 WHERE total IS NULL"));
		steps.add((o) -> o.renameTable("orders", "purchases"));
		steps.add((o) -> o.renameTable("purchases", "orders"));
		if (sqlite) {
			steps.add((o) -> o.batchAlterTable("orders", BatchAlterTable.Recreate.AUTO, orders, (b) -> {
				b.alterColumn("status", (a) -> a.nullable(false).type(string(30)));
				b.createUniqueConstraint("uq_orders_status", "status", "id");
				b.createCheckConstraint("ck_total", "total >= 0");
				b.createForeignKey("fk_orders_user", "users", List.of("user_id"), List.of("id"));
				b.dropColumn("total");
			}));
		}
		else {
			steps.add((o) -> o.alterColumn("orders", "status", (a) -> a.nullable(false).type(string(30))
				.existingType(string(20))));
			steps.add((o) -> o.createUniqueConstraint("uq_orders_status", "orders", "status", "id"));
			steps.add((o) -> o.createCheckConstraint("ck_total", "orders", "total >= 0"));
			steps.add((o) -> o.createForeignKey("fk_orders_user", "orders", "users", List.of("user_id"), List.of("id"),
					"CASCADE", null));
			steps.add((o) -> o.dropConstraint("fk_orders_user", "orders", "foreignkey"));
			steps.add((o) -> o.dropConstraint("ck_total", "orders", "check"));
			steps.add((o) -> o.dropConstraint("uq_orders_status", "orders", "unique"));
			steps.add((o) -> o.batchAlterTable("orders", (b) -> b.dropColumn("total")));
		}
		steps.add((o) -> o.dropColumn("orders", "status"));
		steps.add((o) -> o.dropTable("orders"));
		for (Consumer<Operations> step : steps) {
			int before = ctx.statements().size();
			step.accept(op);
			assertThat(ctx.statements().size()).as("statements of a step").isGreaterThan(before);
		}
		assertThat(ctx.statements()).allSatisfy((s) -> assertThat(s).isNotBlank());
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "sqlite", "mysql" })
	void literalsAreEscapedForTheDialect(String dialectName) {
		Dialect d = DialectResolver.byName(dialectName);
		String hostile = "'); DROP TABLE users; -- \\";
		String literal = d.literal(hostile);
		// PostgreSQL writes a string with a backslash as E'...' (backslashes doubled), which means
		// the same whatever standard_conforming_strings is
		boolean escapeString = dialectName.equals("postgresql");
		assertThat(literal).startsWith(escapeString ? "E'" : "'").endsWith("'");
		String inner = literal.substring(escapeString ? 2 : 1, literal.length() - 1);
		// no unescaped quote inside: every quote comes in pairs (or is backslash-escaped on MySQL)
		String withoutPairs = inner.replace("''", "");
		if (escapeString) {
			withoutPairs = withoutPairs.replace("\\\\", "");
			assertThat(literal).isEqualTo("E'''); DROP TABLE users; -- \\\\'");
		}
		else if (dialectName.equals("mysql")) {
			withoutPairs = withoutPairs.replace("\\\\", "");
			assertThat(literal).isEqualTo("'''); DROP TABLE users; -- \\\\'");
		}
		else {
			assertThat(literal).isEqualTo("'''); DROP TABLE users; -- \\'");
		}
		assertThat(withoutPairs).doesNotContain("'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "sqlite", "mysql" })
	void badNamesAreRefusedBeforeRendering(String dialectName) {
		Operations op = OfflineContext.of(dialectName).op();
		assertThatThrownBy(() -> op.dropTable("")).hasMessageContaining("empty");
		assertThatThrownBy(() -> op.dropTable("a\0b")).hasMessageContaining("NUL");
		assertThatThrownBy(() -> op.addColumn("t", new Column("c", INTEGER, true, null, false, false, null).withName("")))
			.hasMessageContaining("empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mysql", "sqlite" })
	void whatNeedsTheDatabaseFailsOfflineWithAMessage(String dialectName) {
		Operations op = OfflineContext.of(dialectName).op();
		if (dialectName.equals("mysql")) {
			assertThatThrownBy(() -> op.dropConstraint("fk", "t")).isInstanceOf(UnsupportedOperationOnDialectException.class);
			assertThatThrownBy(() -> op.dropIndex("ix")).isInstanceOf(UnsupportedOperationOnDialectException.class);
		}
		else {
			assertThatThrownBy(() -> op.batchAlterTable("t", (b) -> b.dropColumn("c")))
				.isInstanceOf(UnsupportedOperationOnDialectException.class)
				.hasMessageContaining("copyFrom");
		}
	}

	static List<String> unused() {
		return List.of(primaryKey("x").toString());
	}

}
