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

}
