package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class H2DriftTest extends DriftContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshH2();
	}

	@Override
	String dialectName() {
		return "h2";
	}

	@Override
	List<String> dropPetsPrimaryKey() {
		return List.of("ALTER TABLE pets DROP PRIMARY KEY");
	}

}
