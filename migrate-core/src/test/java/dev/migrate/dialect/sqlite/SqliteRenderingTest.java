package dev.migrate.dialect.sqlite;

import java.util.List;

import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.OfflineContext;
import dev.migrate.operations.Operations;
import dev.migrate.schema.ColumnType;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TEXT;
import static dev.migrate.schema.ColumnType.TIMESTAMP;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite SQL text, no database. */
class SqliteRenderingTest {

	private final OfflineContext context = OfflineContext.of("sqlite");

	private final Operations op = this.context.op();

	@Test
	void autoincrementIsAnInlineIntegerPrimaryKeyAndCommentsAreIgnored() {
		this.op.createTable("t", column("id", INTEGER).primaryKey().autoincrement(), column("n", TEXT).comment("x"));
		this.op.setTableComment("t", "ignored");
		assertThat(this.context.take()).containsExactly("""
				CREATE TABLE t (
				    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
				    n TEXT
				)""");
	}

	@Test
	void autoincrementOnACompositeKeyIsRefused() {
		assertThatThrownBy(() -> this.op.createTable("t", column("a", INTEGER).autoincrement(), column("b", INTEGER),
				primaryKey("a", "b"))).isInstanceOf(UnsupportedOperationOnDialectException.class)
			.hasMessageContaining("single INTEGER primary key");
	}

	@Test
	void whatSqliteCanAlterDirectly() {
		this.op.addColumn("t", column("c", string(5)).notNull().serverDefault("'x'"));
		this.op.dropColumn("t", "c");
		this.op.alterColumn("t", "a", (c) -> c.newName("b"));
		this.op.renameTable("t", "u");
		this.op.createIndex("ix", "u", List.of("b"), false, "b IS NOT NULL");
		assertThat(this.context.take()).containsExactly("ALTER TABLE t ADD COLUMN c VARCHAR(5) DEFAULT 'x' NOT NULL",
				"ALTER TABLE t DROP COLUMN c", "ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE t RENAME TO u",
				"CREATE INDEX ix ON u (b) WHERE b IS NOT NULL");
	}

	@Test
	void everythingElseSaysToUseBatchMode() {
		for (Runnable r : List.<Runnable>of(() -> this.op.createUniqueConstraint("uq", "t", "a"),
				() -> this.op.createCheckConstraint("ck", "t", "a > 0"), () -> this.op.createPrimaryKey("pk", "t", "a"),
				() -> this.op.dropConstraint("uq", "t"),
				() -> this.op.createForeignKey("fk", "t", "u", List.of("a"), List.of("id")))) {
			assertThatThrownBy(r::run).isInstanceOf(UnsupportedOperationOnDialectException.class)
				.hasMessageContaining("Please refer to the batch mode feature");
		}
		assertThatThrownBy(() -> this.op.addColumn("t", column("at", TIMESTAMP).serverDefault("CURRENT_TIMESTAMP")))
			.hasMessageContaining("with the non-constant default CURRENT_TIMESTAMP");
		assertThatThrownBy(() -> this.op.alterColumn("t", "a", (c) -> c.type(INTEGER)))
			.hasMessageContaining("SQLite cannot ALTER COLUMN t.a");
		assertThat(this.context.statements()).isEmpty();
	}

	@Test
	void typeMapping() {
		SqliteDialect d = new SqliteDialect();
		assertThat(List.of(INTEGER, string(20), TEXT, numeric(10, 2), ColumnType.BOOLEAN, TIMESTAMP,
				ColumnType.TIMESTAMPTZ, ColumnType.UUID, ColumnType.JSON, ColumnType.BINARY, ColumnType.binary(8),
				ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.DATE, ColumnType.TIME)
			.stream()
			.map(d::typeSql)).containsExactly("INTEGER", "VARCHAR(20)", "TEXT", "NUMERIC(10, 2)", "BOOLEAN", "DATETIME",
					"DATETIME", "CHAR(36)", "JSON", "BLOB", "BLOB", "FLOAT", "DOUBLE", "DATE", "TIME");
	}

}
