package dev.migrate.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Consumer;

import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Constraint and column alterations on a real database, each checked in the catalog: primary key,
 * unique and check constraints created and dropped, type, nullability, default, comment and name
 * changed. SQLite runs the same changes through batch mode.
 */
public abstract class AbstractAlterOperationsTest {

	protected abstract TestDatabase database();

	protected boolean sqlite() {
		return false;
	}

	protected boolean mysql() {
		return false;
	}

	/** Runs {@code plain} directly, or on SQLite the batch equivalent. */
	private void change(Operations op, Consumer<Operations> plain, Consumer<BatchOperations> batch) {
		if (sqlite()) {
			op.batchAlterTable("acct", batch);
		}
		else {
			plain.accept(op);
		}
	}

	@Test
	void constraintsAndColumnAlterationsShowInTheCatalog() throws Exception {
		try (JdbcContext ctx = new JdbcContext(database().connect(), !mysql())) {
			Operations op = ctx.op();
			Connection c = ctx.connection();
			op.createTable("acct", column("id", INTEGER).notNull(), column("code", string(10)),
					column("amount", numeric(8, 2)), column("note", string(20)));
			op.execute("INSERT INTO acct (id, code, amount, note) VALUES (1, 'a', 1.5, 'n')");
			ctx.commit();

			change(op, (o) -> o.createPrimaryKey("pk_acct", "acct", "id"), (b) -> b.createPrimaryKey("pk_acct", "id"));
			change(op, (o) -> o.createUniqueConstraint("uq_acct_code", "acct", "code"),
					(b) -> b.createUniqueConstraint("uq_acct_code", "code"));
			change(op, (o) -> o.createCheckConstraint("ck_acct_amount", "acct", "amount >= 0"),
					(b) -> b.createCheckConstraint("ck_acct_amount", "amount >= 0"));
			ctx.commit();
			CatalogSnapshot.TableInfo acct = CatalogSnapshot.read(c).table("acct");
			assertThat(acct.primaryKey()).containsExactly("id");
			assertThat(acct.indexes()).contains("unique code");
			assertThatThrownBy(() -> op.execute("INSERT INTO acct (id, code, amount) VALUES (2, 'b', -1)"))
				.as("check constraint").hasMessageContaining("acct");
			ctx.rollback();
			assertThatThrownBy(() -> op.execute("INSERT INTO acct (id, code, amount) VALUES (3, 'a', 1)"))
				.as("unique constraint").hasMessageContaining("acct");
			ctx.rollback();

			change(op, (o) -> o.alterColumn("acct", "amount", (a) -> a.type(numeric(12, 3)).existingType(numeric(8, 2))),
					(b) -> b.alterColumn("amount", (a) -> a.type(numeric(12, 3))));
			change(op, (o) -> o.alterColumn("acct", "code", (a) -> a.nullable(false).existingType(string(10))),
					(b) -> b.alterColumn("code", (a) -> a.nullable(false)));
			change(op, (o) -> o.alterColumn("acct", "code", (a) -> a.serverDefault("'zz'")),
					(b) -> b.alterColumn("code", (a) -> a.serverDefault("'zz'")));
			change(op, (o) -> o.alterColumn("acct", "note", (a) -> a.comment("the note").existingType(string(20))),
					(b) -> b.alterColumn("note", (a) -> a.comment("the note")));
			change(op, (o) -> o.alterColumn("acct", "note", (a) -> a.newName("memo").type(string(40))
				.existingType(string(20)).existingComment("the note").comment("the note")),
					(b) -> b.alterColumn("note", (a) -> a.newName("memo").type(string(40))));
			ctx.commit();
			acct = CatalogSnapshot.read(c).table("acct");
			assertThat(acct.column("amount").type()).matches("(numeric|decimal)\\(12,3\\)");
			assertThat(acct.column("code").nullable()).isFalse();
			assertThat(acct.column("code").defaultValue()).contains("zz");
			assertThat(acct.columns()).containsKey("memo").doesNotContainKey("note");
			assertThat(acct.column("memo").type()).matches("(character varying|varchar)\\(40\\)");
			if (!sqlite()) {
				assertThat(remarks(c, "memo")).isEqualTo("the note");
			}
			assertThat(AbstractGuideExamplesTest.strings(c, "SELECT memo FROM acct")).containsExactly("n");
			op.execute("INSERT INTO acct (id, amount) VALUES (5, 2)");
			assertThat(AbstractGuideExamplesTest.strings(c, "SELECT code FROM acct WHERE id = 5")).containsExactly("zz");
			ctx.commit();

			change(op, (o) -> o.dropConstraint("ck_acct_amount", "acct", "check"), (b) -> b.dropConstraint("ck_acct_amount"));
			change(op, (o) -> o.dropConstraint("uq_acct_code", "acct"), (b) -> b.dropConstraint("uq_acct_code"));
			change(op, (o) -> o.dropConstraint("pk_acct", "acct", "primary"), (b) -> b.dropConstraint("pk_acct", "primary"));
			ctx.commit();
			acct = CatalogSnapshot.read(c).table("acct");
			assertThat(acct.primaryKey()).isEmpty();
			assertThat(acct.indexes()).noneMatch((ix) -> ix.startsWith("unique"));
			op.execute("INSERT INTO acct (id, code, amount) VALUES (1, 'a', -1)");
			ctx.commit();
			assertThat(AbstractGuideExamplesTest.strings(c, "SELECT count(*) FROM acct")).containsExactly("3");
			op.dropTable("acct");
			ctx.commit();
		}
	}

	private static String remarks(Connection c, String column) throws SQLException {
		String product = c.getMetaData().getDatabaseProductName();
		String schema = product.equals("PostgreSQL") ? "public" : product.equals("H2") ? "PUBLIC" : null;
		String catalog = (schema == null) ? c.getCatalog() : null;
		String table = product.equals("H2") ? "ACCT" : "acct";
		try (ResultSet rs = c.getMetaData().getColumns(catalog, schema, table, "%")) {
			while (rs.next()) {
				if (rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT).equals(column)) {
					return rs.getString("REMARKS");
				}
			}
		}
		return null;
	}

}
