package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Migrate's own tables: by the configured names and by their shape. */
class OwnTablesTests {

	@Test
	void namesAreTheVersionTableItsLockAndChecksumTablesAndTheLogTableInLowerCase() {
		assertThat(OwnTables.names("Schema_Rev", "App", "Ops_Log")).containsExactly("schema_rev", "schema_rev_lock",
				"schema_rev_checksums", "app_schema_rev_lock", "ops_log");
		assertThat(OwnTables.names("migrate_version", null, null)).containsExactly("migrate_version",
				"migrate_version_lock", "migrate_version_checksums");
		assertThat(OwnTables.named(OwnTables.names("v", null, "log"), "LOG")).isTrue();
	}

	@Test
	void recognisesEachOfMigratesTablesByItsColumnsWhateverItIsCalled() {
		assertThat(OwnTables.recognise(table("anything", "version_num"))).isEqualTo("version table");
		assertThat(OwnTables.recognise(table("audit", "REVISION", "direction", "started_at", "duration_ms", "success",
				"error", "installed_by", "hostname"))).isEqualTo("log table");
		assertThat(OwnTables.recognise(table("x_lock", "lock_id", "locked_at", "owner", "token", "expires_at")))
			.isEqualTo("lock table");
		assertThat(OwnTables.recognise(table("x_lock", "lock_id", "locked_at"))).isEqualTo("lock table");
		assertThat(OwnTables.recognise(table("old_checksums", "revision", "checksum", "recorded_at")))
			.isEqualTo("checksum table");
	}

	@Test
	void aTableWithOneColumnMoreOrLessIsNotMigrates() {
		assertThat(OwnTables.recognise(table("audit", "revision", "direction", "started_at", "duration_ms", "success",
				"error", "installed_by"))).isNull();
		assertThat(OwnTables.recognise(table("v", "version_num", "note"))).isNull();
		assertThat(OwnTables.recognise(table("products", "id", "sku"))).isNull();
	}

	private static Table table(String name, String... columns) {
		List<Object> elements = new ArrayList<>();
		for (String column : columns) {
			elements.add(Column.of(column, ColumnType.TEXT));
		}
		return Table.of(null, name, elements);
	}

}
