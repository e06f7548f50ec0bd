package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class MariaDbObjectDriftTest extends ObjectDriftContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshMariaDb();
	}

	@Override
	String dialectName() {
		return "mysql";
	}

	@Override
	boolean hasSequences() {
		return true;
	}

	@Override
	List<String> tablesOwningSequences() {
		return List.of("CREATE TABLE a (id BIGINT AUTO_INCREMENT PRIMARY KEY)");
	}

}
