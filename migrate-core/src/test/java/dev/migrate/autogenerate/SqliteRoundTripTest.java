package dev.migrate.autogenerate;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class SqliteRoundTripTest extends RoundTripContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshSqlite();
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

}
