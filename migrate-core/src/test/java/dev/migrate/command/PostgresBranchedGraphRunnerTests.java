package dev.migrate.command;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class PostgresBranchedGraphRunnerTests extends AbstractBranchedGraphRunnerTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.freshPostgres();
	}

}
