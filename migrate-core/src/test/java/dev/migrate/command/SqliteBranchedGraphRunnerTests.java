package dev.migrate.command;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class SqliteBranchedGraphRunnerTests extends AbstractBranchedGraphRunnerTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.freshSqlite();
	}

}
