package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class SqliteDriftTest extends DriftContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshSqlite();
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

	@Override
	List<String> dropPetsPrimaryKey() {
		return List.of("CREATE TABLE pets_copy (id BIGINT NOT NULL, name VARCHAR(50) NOT NULL)",
				"INSERT INTO pets_copy SELECT id, name FROM pets", "DROP TABLE pets", "ALTER TABLE pets_copy RENAME TO pets");
	}

	@Override
	List<List<String>> generatedIdTables() {
		return List.of(List.of("CREATE TABLE pets (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(50) NOT NULL)"));
	}
}
