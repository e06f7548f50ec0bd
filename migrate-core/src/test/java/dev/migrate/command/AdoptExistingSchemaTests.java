package dev.migrate.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.migrate.ConfigurationException;
import dev.migrate.runtime.UnversionedSchemaException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Taking over a PostgreSQL database that already has tables but no version table: refused by
 * default with what to do, nothing changed; {@code baselineRevision} stamps once and upgrades from
 * there; {@code baselineOnMigrate} stamps the base revision; {@code stamp} then {@code upgrade}
 * (the command line's way) works; an empty schema and a schema shared with another revision graph
 * upgrade as before.
 */
class AdoptExistingSchemaTests {

	private static final String ADOPT = "classpath:dev/migrate/testrevs/adopt";

	private static final String PETCLINIC = "classpath:dev/migrate/testrevs/petclinic";

	private static Migrator migrator(DataSource ds, String location, MigrateConfig.Builder builder) {
		return Migrator.create(builder.dataSource(ds).locations(location).build());
	}

	private static DataSource handMade() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		DbState.execute(ds, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)");
		DbState.execute(ds, "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id))");
		DbState.execute(ds, "INSERT INTO customers VALUES (1, 'Acme')");
		return ds;
	}

	@Test
	void aHandMadeSchemaIsRefusedWithWhatToDoAndNothingChanges() {
		DataSource ds = handMade();
		Migrator migrator = migrator(ds, ADOPT, MigrateConfig.builder());
		assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOfSatisfying(UnversionedSchemaException.class, (ex) -> {
			assertThat(ex.getMessage()).isEqualTo("Schema 'public' already has 2 tables (customers, orders) but no version"
					+ " table 'migrate_version', so it is not known which revisions it holds; nothing was changed. If it"
					+ " matches revision <rev>, run 'migrate stamp <rev>' (or set baseline-revision=<rev>) and upgrade"
					+ " from there; baseline-revision=base applies every revision anyway");
			assertThat(ex.tables()).containsExactly("customers", "orders");
			assertThat(ex.bases()).containsExactly("ad01");
		});
		assertThat(DbState.exists(ds, "migrate_version")).isFalse();
		assertThat(DbState.exists(ds, "invoices")).isFalse();
		assertThat(DbState.query(ds, "SELECT name FROM customers")).containsExactly("Acme");
	}

	@Test
	void baselineRevisionStampsOnceThenUpgradesFromThere() {
		DataSource ds = handMade();
		Migrator migrator = migrator(ds, ADOPT, MigrateConfig.builder().baselineRevision("ad02").logTable("migrate_log"));
		MigrationResult first = migrator.upgrade("head");
		assertThat(first.headsBefore()).isEmpty();
		assertThat(first.headsAfter()).containsExactly("ad03");
		assertThat(first.steps()).extracting(StepResult::revision).containsExactly("ad02", "ad03");
		assertThat(first.steps()).extracting(StepResult::message).containsExactly("stamp", "create invoices");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("ad03");
		assertThat(DbState.exists(ds, "invoices")).isTrue();
		assertThat(DbState.query(ds, "SELECT revision || ' ' || direction FROM migrate_log ORDER BY started_at"))
			.containsExactly("ad02 stamp", "ad03 upgrade");
		// the next start is an ordinary one: at head, nothing stamped again
		assertThat(migrator.upgrade("head").nothingToDo()).isTrue();
		assertThat(DbState.query(ds, "SELECT name FROM customers")).containsExactly("Acme");
	}

	@Test
	void stampThenUpgradeIsTheCommandLineWay() {
		DataSource ds = handMade();
		Migrator migrator = migrator(ds, ADOPT, MigrateConfig.builder());
		migrator.stamp(List.of("ad02"), false);
		assertThat(migrator.upgrade("head").headsAfter()).containsExactly("ad03");
		assertThat(DbState.exists(ds, "invoices")).isTrue();
	}

	@Test
	void baselineRevisionBaseAppliesEveryRevisionNextToUnrelatedTables() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		DbState.execute(ds, "CREATE TABLE legacy_audit (id INTEGER)");
		Migrator refusing = migrator(ds, ADOPT, MigrateConfig.builder());
		assertThatThrownBy(() -> refusing.upgrade("head")).isInstanceOf(UnversionedSchemaException.class)
			.hasMessageContaining("(legacy_audit)");
		Migrator migrator = migrator(ds, ADOPT, MigrateConfig.builder().baselineRevision("base"));
		assertThat(migrator.upgrade("head").steps()).hasSize(3);
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("ad03");
	}

	@Test
	void aPetclinicSchemaSqlDatabaseIsAdoptedWithBaselineOnMigrate() throws IOException {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		try (InputStream in = getClass().getResourceAsStream("/dev/migrate/adopt/petclinic-schema.sql")) {
			DbState.execute(ds, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		DbState.execute(ds, "INSERT INTO owners (first_name, last_name) VALUES ('George', 'Franklin')");
		assertThatThrownBy(() -> migrator(ds, PETCLINIC, MigrateConfig.builder()).upgrade("head"))
			.isInstanceOf(UnversionedSchemaException.class)
			.hasMessageContaining("already has 7 tables (owners, pets, specialties, types, vet_specialties and 2 more)");
		Migrator migrator = migrator(ds, PETCLINIC, MigrateConfig.builder().baselineOnMigrate(true));
		MigrationResult result = migrator.upgrade("head");
		assertThat(result.steps()).extracting(StepResult::revision).containsExactly("pc01", "pc02");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("pc02");
		assertThat(DbState.query(ds, "SELECT last_name || ':' || coalesce(email, '-') FROM owners"))
			.containsExactly("Franklin:-");
	}

	@Test
	void anEmptySchemaUpgradesFromBaseWhateverTheBaseline() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		Migrator migrator = migrator(ds, ADOPT, MigrateConfig.builder().baselineRevision("ad02"));
		assertThat(migrator.upgrade("head").steps()).extracting(StepResult::revision).containsExactly("ad01", "ad02", "ad03");
	}

	@Test
	void aSchemaSharedWithAnotherRevisionGraphIsNotRefused() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		migrator(ds, PETCLINIC, MigrateConfig.builder()).upgrade("head");
		Migrator second = migrator(ds, ADOPT, MigrateConfig.builder().versionTable("adopt_version"));
		assertThat(second.upgrade("head").headsAfter()).containsExactly("ad03");
	}

	@Test
	void anUnknownBaselineRevisionFailsWhenTheMigratorIsCreated() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		assertThatThrownBy(() -> migrator(ds, ADOPT, MigrateConfig.builder().baselineRevision("nosuch")))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageStartingWith("Invalid baseline revision 'nosuch' (baseline-revision): ");
	}

	@Test
	void createSchemasOffRefusesAMissingSchema() {
		DataSource ds = TestDatabases.freshPostgres().dataSource();
		Migrator migrator = migrator(ds, ADOPT, MigrateConfig.builder().schema("meta_missing").createSchemas(false));
		assertThatThrownBy(() -> migrator.upgrade("head")).isInstanceOf(ConfigurationException.class)
			.hasMessage("Schema 'meta_missing' does not exist and create-schemas is off: create it (or have it"
					+ " created), or turn create-schemas on");
		assertThat(DbState.exists(ds, "customers")).isFalse();
		DbState.execute(ds, "CREATE SCHEMA meta_missing");
		assertThat(migrator.upgrade("head").headsAfter()).containsExactly("ad03");
	}

}
