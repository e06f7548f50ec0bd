package dev.migrate.command;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured schema of the version table: reads of a missing schema report no rows and create
 * nothing; the first run creates it (PostgreSQL, H2), then the version and log tables in it.
 */
class SchemaCreationTests {

	private static final String SCHEMAS = "SELECT schema_name FROM information_schema.schemata WHERE lower(schema_name) = 'migrate_meta'";

	@Test
	void postgresCreatesTheMissingSchemaOnTheFirstRun() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		createsTheMissingSchemaOnTheFirstRun(ds);
		// a second service with its own schema name that already exists: nothing to create, no error
		DbState.execute(ds, "CREATE SCHEMA \"Other_Meta\"");
		Migrator other = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/counting")
			.schema("Other_Meta")
			.build());
		assertThat(other.upgrade("c01").headsAfter()).containsExactly("c01");
		assertThat(DbState.query(ds, "SELECT version_num FROM \"Other_Meta\".migrate_version")).containsExactly("c01");
	}

	@Test
	void h2CreatesTheMissingSchemaOnTheFirstRun() {
		createsTheMissingSchemaOnTheFirstRun(TestDatabases.freshH2().dataSource());
	}

	private void createsTheMissingSchemaOnTheFirstRun(DataSource ds) {
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(ds)
			.locations("classpath:dev/migrate/testrevs/failing")
			.schema("migrate_meta")
			.logTable("migrate_log")
			.build());
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.status().pending()).hasSize(10);
		assertThat(migrator.log()).isEmpty();
		assertThat(DbState.query(ds, SCHEMAS)).as("reads create nothing").isEmpty();

		assertThat(migrator.upgrade("r02").headsAfter()).containsExactly("r02");
		assertThat(DbState.query(ds, SCHEMAS)).hasSize(1);
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_meta.migrate_version")).containsExactly("r02");
		assertThat(DbState.query(ds, "SELECT count(*) FROM migrate_meta.migrate_log")).containsExactly("2");
		assertThat(migrator.current()).containsExactly("r02");
		// the revisions' own unqualified tables stay in the connection's schema
		assertThat(DbState.tables(ds, "t_r")).containsExactly("t_r01", "t_r02");

		assertThat(migrator.downgrade("base").headsAfter()).isEmpty();
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.stamp(List.of("r01"), false).headsAfter()).containsExactly("r01");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_meta.migrate_version")).containsExactly("r01");
	}

}
