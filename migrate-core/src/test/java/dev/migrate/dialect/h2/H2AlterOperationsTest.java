package dev.migrate.dialect.h2;

import dev.migrate.operations.AbstractAlterOperationsTest;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class H2AlterOperationsTest extends AbstractAlterOperationsTest {

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshH2();
	}

	@Override
	protected TestDatabase database() {
		return db;
	}

}
