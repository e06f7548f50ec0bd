package dev.migrate.dialect.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.migrate.operations.JdbcContext;
import dev.migrate.operations.OfflineContext;
import dev.migrate.operations.Operations;
import dev.migrate.testing.TestDatabases;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TIMESTAMP;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;

/** String server defaults are standard SQL literals: MySQL/MariaDB get their backslashes escaped. */
class MySqlServerDefaultTest {

	/** The Java string {@code a\b'c\}: a backslash, a quote and a trailing backslash. */
	private static final String TRICKY = "a\\b'c\\";

	@Test
	void stringLiteralDefaultsHaveTheirBackslashesEscaped() {
		OfflineContext context = OfflineContext.of("mariadb");
		Operations op = context.op();
		op.createTable("t", column("id", INTEGER), column("a", string(20)).defaultValue(TRICKY),
				column("b", TIMESTAMP).serverDefault("now()"), column("c", string(20)).serverDefault("'it\\'s'"));
		op.addColumn("t", column("d", string(20)).defaultValue("x\\y"));
		op.alterColumn("t", "a", (c) -> c.serverDefault("'p\\q'"));
		op.alterColumn("t", "a", (c) -> c.nullable(false).existingType(string(20)).existingServerDefault("'p\\q'"));
		assertThat(context.take()).containsExactly("""
				CREATE TABLE t (
				    id INTEGER NULL,
				    a VARCHAR(20) NULL DEFAULT 'a\\\\b''c\\\\',
				    b DATETIME NULL DEFAULT now(),
				    c VARCHAR(20) NULL DEFAULT 'it\\'s'
				)""", "ALTER TABLE t ADD COLUMN d VARCHAR(20) NULL DEFAULT 'x\\\\y'",
				"ALTER TABLE t ALTER COLUMN a SET DEFAULT 'p\\\\q'",
				"ALTER TABLE t MODIFY COLUMN a VARCHAR(20) NOT NULL DEFAULT 'p\\\\q'");
	}

	@Test
	void onlyOneWholeStandardLiteralIsRewritten() {
		assertThat(MySqlDialect.standardStringLiteralValue("'a\\b''c'")).isEqualTo("a\\b'c");
		assertThat(MySqlDialect.standardStringLiteralValue(" '' ")).isEmpty();
		assertThat(MySqlDialect.standardStringLiteralValue("'it\\'s'")).isNull();
		assertThat(MySqlDialect.standardStringLiteralValue("'a' 'b'")).isNull();
		assertThat(MySqlDialect.standardStringLiteralValue("'''")).isNull();
		assertThat(MySqlDialect.standardStringLiteralValue("_utf8mb4'x'")).isNull();
		assertThat(MySqlDialect.standardStringLiteralValue("0")).isNull();
	}

	@Test
	void mariaDbStoresTheDefaultValueExactly() throws Exception {
		TestDatabases.TestDatabase db = TestDatabases.freshMariaDb();
		try (Connection connection = db.connect(); JdbcContext context = new JdbcContext(connection, false)) {
			Operations op = context.op();
			op.createTable("t_defaults", column("id", INTEGER), column("a", string(20)).defaultValue(TRICKY));
			op.addColumn("t_defaults", column("b", string(20)).defaultValue("x\\y"));
			op.addColumn("t_defaults", column("c", string(20)));
			op.alterColumn("t_defaults", "c", (c) -> c.serverDefault("'p\\q'"));
			try (Statement s = connection.createStatement()) {
				s.execute("INSERT INTO t_defaults (id) VALUES (1)");
				try (ResultSet rs = s.executeQuery("SELECT a, b, c FROM t_defaults")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).isEqualTo(TRICKY);
					assertThat(rs.getString(2)).isEqualTo("x\\y");
					assertThat(rs.getString(3)).isEqualTo("p\\q");
				}
			}
		}
	}

}
