package dev.migrate.command;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class H2BranchedGraphRunnerTests extends AbstractBranchedGraphRunnerTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.freshH2();
	}

}
