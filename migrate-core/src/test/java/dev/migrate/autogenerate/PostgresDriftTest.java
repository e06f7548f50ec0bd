package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class PostgresDriftTest extends DriftContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

	@Override
	List<String> dropPetsPrimaryKey() {
		return List.of("ALTER TABLE pets DROP CONSTRAINT pets_pkey");
	}

}
