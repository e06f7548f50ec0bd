package dev.migrate.dialect.mysql;

import dev.migrate.operations.AbstractDialectDatabaseTest;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class MariaDbDatabaseTest extends AbstractDialectDatabaseTest {

	private static final MigrateOperation UNSUPPORTED = dev.migrate.operations.AlterColumn.builder(null, "t", "a").nullable(false).build();

	private static final String MESSAGE = "All MySQL CHANGE/MODIFY COLUMN operations require the existing type.";

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
	protected boolean transactional() {
		return false;
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
