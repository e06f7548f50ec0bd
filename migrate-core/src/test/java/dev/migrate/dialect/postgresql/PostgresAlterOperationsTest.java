package dev.migrate.dialect.postgresql;

import dev.migrate.operations.AbstractAlterOperationsTest;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class PostgresAlterOperationsTest extends AbstractAlterOperationsTest {

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshPostgres();
	}

	@Override
	protected TestDatabase database() {
		return db;
	}

}
