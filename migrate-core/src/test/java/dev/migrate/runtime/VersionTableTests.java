package dev.migrate.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.graph.VersionChange;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VersionTableTests {

	@Test
	void rowsAndRowCountChecksOnH2() throws SQLException {
		TestDatabase db = TestDatabases.freshH2();
		try (Connection c = db.connect()) {
			VersionTable table = new VersionTable(DialectResolver.forConnection(c), "migrate_version", null);
			assertThat(table.exists(c)).isFalse();
			assertThat(table.read(c)).isEmpty();
			assertThat(table.exists(c)).as("reading creates nothing").isFalse();
			table.create(c);
			table.create(c);
			assertThat(table.exists(c)).isTrue();
			table.apply(c, new VersionChange.Insert("a1"));
			table.apply(c, new VersionChange.Insert("b1"));
			table.apply(c, new VersionChange.Update("a1", "a2"));
			assertThat(table.read(c)).containsExactlyInAnyOrder("a2", "b1");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> table.apply(c, new VersionChange.Delete("zz")))
				.withMessage("Online migration expected to match one row when deleting 'zz' in 'migrate_version'; 0 found");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> table.apply(c, new VersionChange.Update("a1", "a3")))
				.withMessage("Online migration expected to match one row when updating 'a1' to 'a3' in 'migrate_version'; 0 found");
			table.apply(c, new VersionChange.Delete("b1"));
			assertThat(table.read(c)).containsExactly("a2");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> table.apply(c, new VersionChange.Insert("a2")));
		}
	}

	@Test
	void alembicLayoutInAConfiguredSchemaOnPostgres() throws SQLException {
		TestDatabase db = TestDatabases.freshPostgres();
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA ops");
			Dialect dialect = DialectResolver.forConnection(c);
			VersionTable table = new VersionTable(dialect, "alembic_version", "ops");
			table.create(c);
			assertThat(new VersionTable(dialect, "alembic_version", null).exists(c)).isFalse();
			assertThat(table.exists(c)).isTrue();
			try (var rs = s.executeQuery("SELECT column_name || ' ' || data_type || ' ' || character_maximum_length || ' '"
					+ " || is_nullable FROM information_schema.columns WHERE table_schema = 'ops' AND table_name = 'alembic_version'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("version_num character varying 32 NO");
				assertThat(rs.next()).isFalse();
			}
			try (var rs = s.executeQuery("SELECT constraint_name FROM information_schema.table_constraints"
					+ " WHERE table_schema = 'ops' AND table_name = 'alembic_version' AND constraint_type = 'PRIMARY KEY'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("alembic_version_pkc");
			}
		}
	}

	@Test
	void offlineStatements() {
		VersionTable table = new VersionTable(DialectResolver.byName("postgresql"), "migrate_version", "ops");
		assertThat(table.sql(new VersionChange.Insert("a1"))).isEqualTo("INSERT INTO ops.migrate_version (version_num) VALUES ('a1')");
		assertThat(table.sql(new VersionChange.Update("a1", "b1")))
			.isEqualTo("UPDATE ops.migrate_version SET version_num='b1' WHERE version_num = 'a1'");
		assertThat(table.sql(new VersionChange.Delete("b1"))).isEqualTo("DELETE FROM ops.migrate_version WHERE version_num = 'b1'");
	}

}
