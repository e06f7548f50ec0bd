package dev.migrate.dialect.mysql;

import dev.migrate.operations.AbstractGuideExamplesTest;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class MariaDbGuideExamplesTest extends AbstractGuideExamplesTest {

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshMariaDb();
	}

	@Override
	protected TestDatabase database() {
		return db;
	}

	/** MySQL's default collation compares case-insensitively, so the comparison must be binary. */
	@Override
	protected String lowerCaseEmailsSql() {
		return """
				UPDATE users
				SET email = LOWER(email)
				WHERE BINARY email != LOWER(email)
				""";
	}

	@Override
	protected boolean mysql() {
		return true;
	}

}
