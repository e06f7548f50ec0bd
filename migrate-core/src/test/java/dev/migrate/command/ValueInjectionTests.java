package dev.migrate.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.testing.AbstractDataSource;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testrevs.injection.I1Values;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values of built statements ({@code update()/delete()/bulkInsert}) cannot become SQL, whatever
 * the server's string settings: online they are bound, offline they are escaped for the setting
 * the dialect is told about (safe by default). Each case asserts {@code victim} survives and the
 * value is stored exactly.
 */
class ValueInjectionTests {

	private static final String LOCATION = "classpath:dev/migrate/testrevs/injection";

	// ---------------------------------------------------------------- PostgreSQL

	@Test
	void postgresOnlineWithStandardConformingStringsOffForTheDatabase() throws SQLException {
		var db = TestDatabases.freshPostgres();
		execute(db.dataSource(), "ALTER DATABASE " + db.name() + " SET standard_conforming_strings = off");
		prepare(db.dataSource());
		assertThat(DbState.query(db.dataSource(), "SHOW standard_conforming_strings")).containsExactly("off");
		online(db.dataSource()).upgrade("head");
		assertIntact(db.dataSource(), I1Values.PAYLOAD);
	}

	@Test
	void postgresOnlineWithStandardConformingStringsOffForTheSession() throws SQLException {
		DataSource ds = withSession(TestDatabases.freshPostgres().dataSource(), "SET standard_conforming_strings = off");
		prepare(ds);
		assertThat(DbState.query(ds, "SHOW standard_conforming_strings")).containsExactly("off");
		online(ds).upgrade("head");
		assertIntact(ds, I1Values.PAYLOAD);
	}

	@Test
	void postgresOfflineSqlMeansTheSameWithStandardConformingStringsOnAndOff() throws SQLException {
		String sql = offline("postgresql", Map.of());
		assertThat(sql).contains("E'y\\\\''; DROP TABLE victim; --'");
		for (String setting : List.of("off", "on")) {
			DataSource ds = withSession(TestDatabases.freshPostgres().dataSource(),
					"SET standard_conforming_strings = " + setting);
			prepare(ds);
			runScript(ds, sql);
			assertIntact(ds, I1Values.PAYLOAD);
		}
	}

	// ---------------------------------------------------------------- MariaDB/MySQL

	@Test
	void mariaDbOnlineWithAndWithoutNoBackslashEscapes() throws SQLException {
		for (String mode : List.of("SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')",
				"SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")) {
			DataSource ds = withSession(TestDatabases.freshMariaDb().dataSource(), mode);
			prepare(ds);
			online(ds).upgrade("head");
			assertIntact(ds, I1Values.PAYLOAD);
		}
	}

	@Test
	void mariaDbOfflineSqlIsSafeInBothModesAndExactWithTheMatchingOption() throws SQLException {
		String escaping = "SET SESSION sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')";
		String noEscapes = "SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')";
		String safe = offline("mysql", Map.of());
		String plain = offline("mysql", Map.of("no_backslash_escapes", "true"));
		assertThat(safe).contains("'y\\\\''; DROP TABLE victim; --'");
		assertThat(plain).contains("'y\\''; DROP TABLE victim; --'");

		DataSource ds = withSession(TestDatabases.freshMariaDb().dataSource(), escaping);
		prepare(ds);
		runScript(ds, safe);
		assertIntact(ds, I1Values.PAYLOAD);

		ds = withSession(TestDatabases.freshMariaDb().dataSource(), noEscapes);
		prepare(ds);
		runScript(ds, plain);
		assertIntact(ds, I1Values.PAYLOAD);

		// the default form on a NO_BACKSLASH_ESCAPES server: backslashes doubled, but nothing runs as SQL
		ds = withSession(TestDatabases.freshMariaDb().dataSource(), noEscapes);
		prepare(ds);
		runScript(ds, safe);
		assertIntact(ds, I1Values.PAYLOAD.replace("\\", "\\\\"));
	}

	// ---------------------------------------------------------------- helpers

	private static Migrator online(DataSource ds) {
		// the tables exist before the first revision runs: adopt the schema at base
		return Migrator.create(MigrateConfig.builder().dataSource(ds).locations(LOCATION).baselineRevision("base").build());
	}

	private static String offline(String dialect, Map<String, String> options) {
		Dialect d = DialectResolver.byName(dialect).withOptions(options);
		StringBuilder out = new StringBuilder();
		Migrator.create(MigrateConfig.builder().dialect(d).locations(LOCATION).build()).upgradeSql("head", out);
		return out.toString();
	}

	private static void prepare(DataSource ds) throws SQLException {
		execute(ds, "CREATE TABLE notes (id INTEGER PRIMARY KEY, v VARCHAR(100))");
		execute(ds, "CREATE TABLE victim (id INTEGER)");
	}

	private static void assertIntact(DataSource ds, String expected) {
		assertThat(DbState.tables(ds, "victim")).containsExactly("victim");
		assertThat(DbState.query(ds, "SELECT v FROM notes ORDER BY id")).containsExactly(expected, expected);
	}

	/** Runs offline output statement by statement (each ends with ";" and a blank line). */
	private static void runScript(DataSource ds, String sql) throws SQLException {
		try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
			for (String statement : sql.split(";\n\n")) {
				if (!statement.isBlank()) {
					s.execute(statement);
				}
			}
		}
	}

	private static void execute(DataSource ds, String sql) throws SQLException {
		try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	/** Every connection first runs {@code init} (a session setting). */
	private static DataSource withSession(DataSource delegate, String init) {
		return new AbstractDataSource() {

			@Override
			public Connection getConnection() throws SQLException {
				Connection c = delegate.getConnection();
				try (Statement s = c.createStatement()) {
					s.execute(init);
				}
				return c;
			}

		};
	}

}
