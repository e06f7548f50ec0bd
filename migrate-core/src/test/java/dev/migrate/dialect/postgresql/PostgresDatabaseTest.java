package dev.migrate.dialect.postgresql;

import dev.migrate.operations.AbstractDialectDatabaseTest;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class PostgresDatabaseTest extends AbstractDialectDatabaseTest {

	private static final MigrateOperation UNSUPPORTED = new dev.migrate.operations.BatchAlterTable(null, "t", java.util.List.of(), dev.migrate.operations.BatchAlterTable.Recreate.ALWAYS, null);

	private static final String MESSAGE = "recreate ALWAYS is supported on SQLite only";

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshPostgres();
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
