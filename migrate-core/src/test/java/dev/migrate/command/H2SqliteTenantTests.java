package dev.migrate.command;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenants on H2 (schemas) and SQLite (a database file per tenant; schemas refused per tenant). */
class H2SqliteTenantTests {

	private static final String LOCATION = "classpath:dev/migrate/testrevs/tenants";

	@Test
	void h2SchemasGetTheirOwnTablesAndVersionTables() {
		DataSource ds = TestDatabases.freshH2().dataSource();
		TenantMigrator tenants = TenantMigrator.builder(MigrateConfig.builder().dataSource(ds).locations(LOCATION).build())
			.schemas(List.of("h_1", "h_2", "h_3", "h_4", "h_5"))
			.parallelism(2)
			.build();
		TenantReport report = tenants.upgrade("head");
		assertThat(report.ok()).as(report.summary() + report.failed()).isTrue();
		for (String schema : List.of("h_1", "h_2", "h_3", "h_4", "h_5")) {
			assertThat(DbState.query(ds, "SELECT version_num FROM " + schema + ".migrate_version")).containsExactly("t05");
			assertThat(DbState.query(ds, "SELECT count(*) FROM " + schema + ".applied")).containsExactly("5");
		}
		assertThat(DbState.tables(ds, "")).as("nothing in the connection's schema").isEmpty();
		assertThat(DbState.query(ds, "SELECT current_schema()")).containsExactly("PUBLIC");

		TenantReport down = tenants.downgrade("base");
		assertThat(down.ok()).as(down.summary()).isTrue();
		assertThat(down.results()).allSatisfy((r) -> assertThat(r.to()).isEmpty());
		assertThat(tenants.status().results()).allSatisfy((r) -> assertThat(r.status().pending()).hasSize(5));
	}

	@Test
	void sqliteTenantsAreDatabaseFiles() {
		DataSource one = TestDatabases.freshSqlite().dataSource();
		DataSource two = TestDatabases.freshSqlite().dataSource();
		TenantMigrator tenants = TenantMigrator.builder(MigrateConfig.builder().locations(LOCATION).build())
			.tenant(Tenant.database("one", one))
			.tenant(Tenant.database("two", two))
			.tenant(new Tenant("three", two, "s3"))
			.build();
		TenantReport report = tenants.upgrade("head");
		assertThat(report.result("one").to()).containsExactly("t05");
		assertThat(report.result("two").to()).containsExactly("t05");
		assertThat(report.result("three").error())
			.isEqualTo("SQLite has no schemas (tenant schema 's3'): give each tenant a database file of its own (a DataSource per tenant)");
		assertThat(report.summary()).startsWith("3 tenants: 2 ok, 1 failed (three)");
		assertThat(DbState.query(two, "SELECT count(*) FROM applied")).containsExactly("5");
	}

}
