package dev.migrate.operations;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.schema.ColumnType;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.TEXT;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real-database checks every dialect must pass: hostile and reserved names are quoted, values are
 * escaped, every portable type maps to a type the database accepts, and an operation the dialect
 * cannot do fails before it changes anything.
 */
public abstract class AbstractDialectDatabaseTest {

	protected static final String HOSTILE = "x\"; DROP TABLE users; --";

	protected abstract TestDatabase database();

	protected boolean transactional() {
		return true;
	}

	protected JdbcContext open() throws SQLException {
		return new JdbcContext(database().connect(), transactional());
	}

	@Test
	void hostileAndReservedNamesAreCreatedAndDroppedAsThemselvesAndNothingElse() throws Exception {
		List<String> names = List.of(HOSTILE, "x`; DROP TABLE users; --", "order", "Mixed Case", "a'b", "select");
		try (JdbcContext ctx = open()) {
			Operations op = ctx.op();
			op.createTable("users", column("id", INTEGER).primaryKey());
			op.bulkInsert(Sql.table("users"), List.of(Map.of("id", 1)));
			ctx.commit();
			for (String name : names) {
				op.createTable(name, column("select", INTEGER).primaryKey(), column("Mixed Case", string(50)),
						column("it's", TEXT), column("back`tick\"", string(20)));
				op.createIndex("ix " + name, name, List.of("Mixed Case"), true);
				ctx.commit();
				assertThat(tableNames(ctx.connection())).as(name).contains(name).anyMatch("users"::equalsIgnoreCase);

				Sql.TableRef ref = Sql.table(name, Sql.column("select"), Sql.column("Mixed Case"), Sql.column("it's"),
						Sql.column("back`tick\""));
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("select", 1);
				row.put("Mixed Case", "O'Reilly \\' \"; DROP TABLE users; --");
				row.put("it's", "back\\slash\\\\ and 'quotes'');--");
				row.put("back`tick\"", "`\"");
				op.bulkInsert(ref, List.of(row));
				op.execute(ref.update().set("back`tick\"", "ok\\").where("Mixed Case", row.get("Mixed Case")));
				ctx.commit();
				try (PreparedStatement ps = ctx.connection().prepareStatement("SELECT "
						+ ctx.dialect().quote("Mixed Case") + ", " + ctx.dialect().quote("it's") + ", "
						+ ctx.dialect().quote("back`tick\"") + " FROM " + ctx.dialect().quote(name));
						ResultSet rs = ps.executeQuery()) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).isEqualTo(row.get("Mixed Case"));
					assertThat(rs.getString(2)).isEqualTo(row.get("it's"));
					assertThat(rs.getString(3)).isEqualTo("ok\\");
				}
				op.execute(ref.delete().where("it's", row.get("it's")));
				op.dropIndex("ix " + name, name);
				op.dropTable(name);
				ctx.commit();
				assertThat(tableNames(ctx.connection())).as(name).doesNotContain(name).anyMatch("users"::equalsIgnoreCase);
			}
			assertThat(AbstractGuideExamplesTest.strings(ctx.connection(), "SELECT id FROM users")).containsExactly("1");
			op.dropTable("users");
			ctx.commit();
		}
	}

	@Test
	void everyPortableTypeIsAcceptedAndRoundTripsValues() throws Exception {
		List<ColumnType> types = typesToCreate();
		try (JdbcContext ctx = open()) {
			List<Object> elements = new ArrayList<>();
			elements.add(column("id", INTEGER).primaryKey().autoincrement());
			for (int i = 0; i < types.size(); i++) {
				elements.add(column("c" + i, types.get(i)));
			}
			ctx.op().createTable("all_types", elements.toArray());
			ctx.commit();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("c0", 42);
			row.put("c3", "it's");
			row.put("c5", new BigDecimal("12.34"));
			row.put("c7", true);
			row.put("c9", java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5));
			ctx.op().bulkInsert(Sql.table("all_types"), List.of(row));
			ctx.commit();
			try (var s = ctx.connection().createStatement();
					ResultSet rs = s.executeQuery("SELECT id, c0, c3, c5, c7, c9 FROM all_types")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getInt(1)).as("autoincrement id").isEqualTo(1);
				assertThat(rs.getInt(2)).isEqualTo(42);
				assertThat(rs.getString(3)).isEqualTo("it's");
				assertThat(rs.getBigDecimal(4)).isEqualByComparingTo("12.34");
				assertThat(rs.getBoolean(5)).isTrue();
				assertThat(rs.getString(6)).startsWith("2024-01-02 03:04:05");
			}
			ctx.op().dropTable("all_types");
			ctx.commit();
		}
	}

	/** c0 INTEGER, c3 VARCHAR, c5 NUMERIC(10,2), c7 BOOLEAN and c9 TIMESTAMP are filled by the test. */
	protected List<ColumnType> typesToCreate() {
		return List.of(INTEGER, ColumnType.BIGINT, ColumnType.SMALLINT, string(40), TEXT, ColumnType.numeric(10, 2),
				ColumnType.numeric(), ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.TIMESTAMPTZ,
				ColumnType.TIME, ColumnType.UUID, ColumnType.JSON, ColumnType.BINARY, ColumnType.binary(16),
				ColumnType.FLOAT, ColumnType.DOUBLE);
	}

	@Test
	void anUnsupportedOperationFailsBeforeAnythingRuns() throws Exception {
		try (JdbcContext ctx = open()) {
			int before = ctx.executed().size();
			assertThatThrownBy(() -> ctx.op().invoke(unsupportedOperation()))
				.isInstanceOf(UnsupportedOperationOnDialectException.class)
				.hasMessageContaining(unsupportedMessage());
			assertThat(ctx.executed()).hasSize(before);
		}
	}

	/** An operation this dialect cannot do. */
	protected abstract MigrateOperation unsupportedOperation();

	/** A part of the error message of {@link #unsupportedOperation()}. */
	protected abstract String unsupportedMessage();

	@Test
	void aFailingStatementNamesItself() throws Exception {
		try (JdbcContext ctx = open()) {
			assertThatThrownBy(() -> ctx.op().dropTable("no_such_table_here")).isInstanceOf(MigrateException.class)
				.hasMessageContaining("no_such_table_here");
			ctx.rollback();
		}
	}

	protected static List<String> tableNames(Connection c) throws SQLException {
		List<String> names = new ArrayList<>();
		String product = c.getMetaData().getDatabaseProductName();
		String schema = switch (product) {
			case "PostgreSQL" -> "public";
			case "H2" -> "PUBLIC";
			default -> null;
		};
		String catalog = (product.equals("MariaDB") || product.equals("MySQL")) ? c.getCatalog() : null;
		try (ResultSet rs = c.getMetaData().getTables(catalog, schema, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				names.add(rs.getString("TABLE_NAME"));
			}
		}
		return names;
	}

}
