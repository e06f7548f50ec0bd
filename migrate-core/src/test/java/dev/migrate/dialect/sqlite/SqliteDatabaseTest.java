package dev.migrate.dialect.sqlite;

import dev.migrate.operations.AbstractDialectDatabaseTest;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class SqliteDatabaseTest extends AbstractDialectDatabaseTest {

	private static final MigrateOperation UNSUPPORTED = new dev.migrate.operations.CreateUniqueConstraint(null, "t", new dev.migrate.schema.UniqueConstraint("uq", java.util.List.of("a")));

	private static final String MESSAGE = "No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature";

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
	protected MigrateOperation unsupportedOperation() {
		return UNSUPPORTED;
	}

	@Override
	protected String unsupportedMessage() {
		return MESSAGE;
	}

}
