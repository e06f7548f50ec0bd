package dev.migrate.dialect.mysql;

import dev.migrate.operations.AbstractAlterOperationsTest;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class MariaDbAlterOperationsTest extends AbstractAlterOperationsTest {

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshMariaDb();
	}

	@Override
	protected TestDatabase database() {
		return db;
	}

	@Override
	protected boolean mysql() {
		return true;
	}

}
