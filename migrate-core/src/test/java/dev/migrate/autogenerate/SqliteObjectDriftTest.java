package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class SqliteObjectDriftTest extends ObjectDriftContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshSqlite();
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

	@Override
	boolean hasSequences() {
		return false;
	}

	@Override
	List<String> tablesOwningSequences() {
		return List.of("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT)");
	}

}
