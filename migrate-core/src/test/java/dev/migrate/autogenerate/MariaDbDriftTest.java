package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class MariaDbDriftTest extends DriftContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshMariaDb();
	}

	@Override
	String dialectName() {
		return "mysql";
	}

	@Override
	List<String> dropPetsPrimaryKey() {
		return List.of("ALTER TABLE pets DROP PRIMARY KEY");
	}

	@Override
	List<List<String>> generatedIdTables() {
		return List.of(List.of("CREATE TABLE pets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL)"),
				List.of("CREATE TABLE pets (id SERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL)"));
	}
}
