package dev.migrate.dialect.postgresql;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.migrate.operations.AbstractGuideExamplesTest;
import dev.migrate.operations.JdbcContext;
import dev.migrate.operations.Operations;
import dev.migrate.operations.Sql;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.BINARY;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;

/** What only PostgreSQL does: CONCURRENTLY outside the transaction, partial indexes, USING, comments, bytea. */
class PostgresSpecificTest {

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshPostgres();
	}

	@Test
	void concurrentIndexRunsOutsideTheRevisionTransactionWhichKeepsGoing() throws Exception {
		try (JdbcContext ctx = new JdbcContext(db.connect(), true)) {
			Operations op = ctx.op();
			op.createTable("ci", column("id", INTEGER).primaryKey(), column("email", string(100)));
			op.createIndexConcurrently("ix_ci_email", "ci", List.of("email"), true);
			op.execute("INSERT INTO ci VALUES (1, 'a')");
			ctx.rollback();
			// the table and index were committed before the concurrent build; the insert after it was rolled back
			assertThat(rows(ctx, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_ci_email'"))
				.containsExactly("CREATE UNIQUE INDEX ix_ci_email ON public.ci USING btree (email)");
			assertThat(rows(ctx, "SELECT count(*) FROM ci")).containsExactly("0");
			op.dropIndexConcurrently("ix_ci_email", "ci");
			ctx.commit();
			assertThat(rows(ctx, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_ci_email'")).containsExactly("0");
		}
	}

	@Test
	void partialIndexUsingTypeChangeCommentsAndBinaryLiterals() throws Exception {
		try (JdbcContext ctx = new JdbcContext(db.connect(), true)) {
			Operations op = ctx.op();
			op.createTable("pt", column("id", INTEGER).primaryKey().autoincrement(), column("code", string(10)),
					column("data", BINARY));
			op.setTableComment("pt", "parts; it's a table");
			op.bulkInsert(Sql.table("pt"), List.of(Map.of("code", "12", "data", new byte[] { 0, 1, (byte) 255 })));
			op.createIndex("ix_pt_code", "pt", List.of("code"), false, "code IS NOT NULL");
			op.alterColumn("pt", "code", (c) -> c.type(INTEGER).using("code::integer"));
			ctx.commit();
			assertThat(rows(ctx, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_pt_code'"))
				.containsExactly("CREATE INDEX ix_pt_code ON public.pt USING btree (code) WHERE (code IS NOT NULL)");
			assertThat(rows(ctx, "SELECT data_type FROM information_schema.columns WHERE table_name = 'pt' AND column_name = 'code'"))
				.containsExactly("integer");
			assertThat(rows(ctx, "SELECT code + 1 || ':' || encode(data, 'hex') || ':' || id FROM pt")).containsExactly("13:0001ff:1");
			assertThat(rows(ctx, "SELECT obj_description('pt'::regclass, 'pg_class')")).containsExactly("parts; it's a table");
			assertThat(rows(ctx, "SELECT column_default FROM information_schema.columns WHERE table_name = 'pt' AND column_name = 'id'"))
				.singleElement().asString().startsWith("nextval(");
		}
	}

	private static List<String> rows(JdbcContext ctx, String sql) throws SQLException {
		return AbstractGuideExamplesTest.stringsOf(ctx.connection(), sql);
	}

}
