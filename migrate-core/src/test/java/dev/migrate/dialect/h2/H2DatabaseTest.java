package dev.migrate.dialect.h2;

import dev.migrate.operations.AbstractDialectDatabaseTest;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class H2DatabaseTest extends AbstractDialectDatabaseTest {

	private static final MigrateOperation UNSUPPORTED = new dev.migrate.operations.CreateIndex(null, new dev.migrate.schema.Index("ix", "t", java.util.List.of("a"), false, "a > 0", false), false);

	private static final String MESSAGE = "partial indexes (WHERE) are not supported by the h2 dialect";

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshH2();
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
