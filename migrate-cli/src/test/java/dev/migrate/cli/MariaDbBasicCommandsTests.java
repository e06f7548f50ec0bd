package dev.migrate.cli;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeEach;

/** The guide's basic commands against embedded MariaDB (skipped unless MIGRATE_TEST_MARIADB_URL is set). */
class MariaDbBasicCommandsTests extends AbstractBasicCommandsTests {

	private TestDatabase database;

	@BeforeEach
	void setUp() {
		this.database = TestDatabases.freshMariaDb();
	}

	@Override
	TestDatabase database() {
		return this.database;
	}

}
