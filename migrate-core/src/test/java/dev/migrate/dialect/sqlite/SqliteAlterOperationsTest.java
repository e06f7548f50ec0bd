package dev.migrate.dialect.sqlite;

import dev.migrate.operations.AbstractAlterOperationsTest;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class SqliteAlterOperationsTest extends AbstractAlterOperationsTest {

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshSqlite();
	}

	@Override
	protected TestDatabase database() {
		return db;
	}

	@Override
	protected boolean sqlite() {
		return true;
	}

}
