package dev.migrate.cli;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeEach;

/** The guide's basic commands against SQLite. */
class SqliteBasicCommandsTests extends AbstractBasicCommandsTests {

	private TestDatabase database;

	@BeforeEach
	void setUp() {
		this.database = TestDatabases.freshSqlite();
	}

	@Override
	TestDatabase database() {
		return this.database;
	}

}
