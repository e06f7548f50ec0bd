package dev.migrate.dialect.mysql;

import java.util.List;
import java.util.Map;

import dev.migrate.dialect.DatabaseServer;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.OfflineContext;
import dev.migrate.operations.Operations;
import dev.migrate.operations.Sql;
import dev.migrate.schema.ColumnType;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.operations.Ddl.unique;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TEXT;
import static dev.migrate.schema.ColumnType.TIMESTAMP;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MySQL/MariaDB SQL text, no database. */
class MySqlRenderingTest {

	private final OfflineContext context = OfflineContext.of("mariadb");

	private final Operations op = this.context.op();

	@Test
	void checkClausesReadAsSql() {
		// MySQL 8 escapes the quotes of CHECK_CLAUSE's literals and gives them their character set
		assertThat(MySqlReflector.checkClause("(`status` in (_utf8mb4\\'OPEN\\',_utf8mb4\\'CLOSED\\'))", false))
			.isEqualTo("(`status` in ('OPEN','CLOSED'))");
		assertThat(MySqlReflector.checkClause("`s2` in ('A','B')", true)).isEqualTo("`s2` in ('A','B')");
		assertThat(MySqlReflector.isJsonValid("payload", "json_valid(`payload`)", "Column")).isTrue();
		assertThat(MySqlReflector.isJsonValid("ck_payload", "json_valid(`payload`)", "Table")).isFalse();
		assertThat(MySqlReflector.isJsonValid("payload", "`payload` <> ''", "Column")).isFalse();
	}

	@Test
	void aCheckIsDroppedWithDropConstraintOffline() {
		this.op.dropConstraint("ck_a", "t", "check");
		assertThat(this.context.take()).containsExactly("ALTER TABLE t DROP CONSTRAINT ck_a");
	}

	@Test
	void createTableWithAutoIncrementInlineCommentsAndBackticks() {
		this.op.createTable("products", column("id", INTEGER).primaryKey().autoincrement(),
				column("sku", string(50)).notNull().comment("stock keeping unit"),
				column("created_at", TIMESTAMP).serverDefault("now()"), column("order", TEXT),
				foreignKey("id", "companies", "id"), unique("sku"));
		assertThat(this.context.take()).containsExactly("""
				CREATE TABLE products (
				    id INTEGER NOT NULL AUTO_INCREMENT,
				    sku VARCHAR(50) NOT NULL COMMENT 'stock keeping unit',
				    created_at DATETIME NULL DEFAULT now(),
				    `order` TEXT NULL,
				    PRIMARY KEY (id),
				    FOREIGN KEY (id) REFERENCES companies (id),
				    UNIQUE (sku)
				)""");
	}

	@Test
	void alterColumnUsesRenameSetDefaultOrModifyAndChangeWithTheExistingType() {
		this.op.alterColumn("users", "name", (c) -> c.newName("full_name"));
		this.op.alterColumn("users", "status", (c) -> c.serverDefault("'active'"));
		this.op.alterColumn("users", "status", (c) -> c.dropDefault());
		this.op.alterColumn("users", "status", (c) -> c.nullable(false).existingType(string(20))
			.existingServerDefault("'active'").existingComment("state"));
		this.op.alterColumn("users", "status", (c) -> c.newName("state").type(string(30)).existingNullable(false));
		assertThat(this.context.take()).containsExactly("ALTER TABLE users RENAME COLUMN name TO full_name",
				"ALTER TABLE users ALTER COLUMN status SET DEFAULT 'active'",
				"ALTER TABLE users ALTER COLUMN status DROP DEFAULT",
				"ALTER TABLE users MODIFY COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active' COMMENT 'state'",
				"ALTER TABLE users CHANGE COLUMN status state VARCHAR(30) NOT NULL");
	}

	@Test
	void modifyWithoutTheExistingTypeIsTheAlembicError() {
		assertThatThrownBy(() -> this.op.alterColumn("users", "status", (c) -> c.nullable(false)))
			.isInstanceOf(UnsupportedOperationOnDialectException.class)
			.hasMessageStartingWith("All MySQL CHANGE/MODIFY COLUMN operations require the existing type.");
		assertThat(this.context.statements()).isEmpty();
	}

	@Test
	void constraintsAndIndexesDropWithTheirOwnSyntax() {
		this.op.dropConstraint("fk_orders_user_id", "orders", "foreignkey");
		this.op.dropConstraint("uq_sku", "products", "unique");
		this.op.dropConstraint("ck_price", "products", "check");
		this.op.dropConstraint("pk", "products", "primary");
		this.op.dropIndex("ix_users_email", "users");
		this.op.createIndexConcurrently("ix_c", "users", List.of("email"), false);
		assertThat(this.context.take()).containsExactly("ALTER TABLE orders DROP FOREIGN KEY fk_orders_user_id",
				"ALTER TABLE products DROP INDEX uq_sku", "ALTER TABLE products DROP CONSTRAINT ck_price",
				"ALTER TABLE products DROP PRIMARY KEY", "DROP INDEX ix_users_email ON users",
				"CREATE INDEX ix_c ON users (email)");
	}

	@Test
	void offlineDropsThatNeedTheCatalogSayWhatToGive() {
		assertThatThrownBy(() -> this.op.dropConstraint("fk", "orders"))
			.isInstanceOf(UnsupportedOperationOnDialectException.class)
			.hasMessageStartingWith("No generic 'DROP CONSTRAINT' in MySQL - please specify constraint type");
		assertThatThrownBy(() -> this.op.dropIndex("ix_users_email"))
			.hasMessage("MySQL needs the table to drop index ix_users_email; use dropIndex(\"ix_users_email\", table)");
		assertThatThrownBy(() -> this.op.createIndex("ix", "t", List.of("a"), false, "a > 1"))
			.hasMessageContaining("partial indexes (WHERE) are not supported by the mysql dialect");
	}

	@Test
	void stringLiteralsEscapeBackslashesAndQuotes() {
		var t = Sql.table("t", Sql.column("a"));
		this.op.bulkInsert(t, List.of(Map.of("a", "it's \\' a \\\\ test")));
		assertThat(this.context.take()).containsExactly("INSERT INTO t (a) VALUES ('it''s \\\\'' a \\\\\\\\ test')");
	}

	@Test
	void typeMapping() {
		MySqlDialect d = new MySqlDialect();
		assertThat(List.of(INTEGER, ColumnType.BIGINT, ColumnType.SMALLINT, string(20), TEXT, numeric(10, 2),
				ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIME, TIMESTAMP, ColumnType.TIMESTAMPTZ,
				ColumnType.UUID, ColumnType.JSON, ColumnType.BINARY, ColumnType.binary(16), ColumnType.FLOAT,
				ColumnType.DOUBLE, ColumnType.raw("MEDIUMTEXT"))
			.stream()
			.map(d::typeSql)).containsExactly("INTEGER", "BIGINT", "SMALLINT", "VARCHAR(20)", "TEXT", "NUMERIC(10, 2)",
					"BOOL", "DATE", "TIME", "DATETIME", "DATETIME", "BINARY(16)", "JSON", "LONGBLOB", "VARBINARY(16)",
					"FLOAT", "DOUBLE", "MEDIUMTEXT");
		assertThatThrownBy(() -> d.typeSql(string())).hasMessageContaining("VARCHAR requires a length");
	}

	/** A UUID as Hibernate 7 expects it per server: uuid on MariaDB 10.7 and later, BINARY(16) before and on MySQL. */
	@Test
	void uuidColumnsPerServerAndOption() {
		MySqlDialect d = new MySqlDialect();
		assertThat(d.forServer(new DatabaseServer("MariaDB", "10.11.19-MariaDB-0+deb12u1")).typeSql(ColumnType.UUID))
			.isEqualTo("UUID");
		assertThat(d.forServer(new DatabaseServer("MariaDB", "10.7.1-MariaDB")).typeSql(ColumnType.UUID)).isEqualTo("UUID");
		assertThat(d.forServer(new DatabaseServer("MySQL", "5.5.5-11.4.2-MariaDB")).typeSql(ColumnType.UUID))
			.isEqualTo("UUID");
		assertThat(d.forServer(new DatabaseServer("MariaDB", "10.6.18-MariaDB")).typeSql(ColumnType.UUID))
			.isEqualTo("BINARY(16)");
		assertThat(d.forServer(new DatabaseServer("MySQL", "8.0.36")).typeSql(ColumnType.UUID)).isEqualTo("BINARY(16)");
		assertThat(d.forServer(null)).isSameAs(d);
		Dialect chosen = DialectResolver.byName("mysql", "uuid=char");
		assertThat(chosen.typeSql(ColumnType.UUID)).isEqualTo("CHAR(36)");
		assertThat(chosen.forServer(new DatabaseServer("MariaDB", "10.11.19-MariaDB")).typeSql(ColumnType.UUID))
			.isEqualTo("CHAR(36)");
		assertThat(DialectResolver.byName("mysql", "uuid=uuid,no_backslash_escapes=true").typeSql(ColumnType.UUID))
			.isEqualTo("UUID");
		assertThatThrownBy(() -> DialectResolver.byName("mysql", "uuid=text"))
			.hasMessage("Invalid dialect option uuid='text': use uuid (MariaDB 10.7 and later), binary (BINARY(16)) or char (CHAR(36))");
	}

	@Test
	void renameInASchemaStaysInIt() {
		OfflineContext ctx = new OfflineContext(new MySqlDialect(), "billing");
		ctx.op().renameTable("a", "b");
		assertThat(ctx.take()).containsExactly("ALTER TABLE billing.a RENAME TO billing.b");
	}

	@Test
	void hostileNames() {
		this.op.createTable("x`; DROP TABLE users; --", column("key", INTEGER), primaryKey("key"));
		this.op.dropTable("x`; DROP TABLE users; --");
		assertThat(this.context.take()).containsExactly("""
				CREATE TABLE `x``; DROP TABLE users; --` (
				    `key` INTEGER NOT NULL,
				    PRIMARY KEY (`key`)
				)""", "DROP TABLE `x``; DROP TABLE users; --`");
	}

}
