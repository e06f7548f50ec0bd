package dev.migrate.dialect.h2;

import dev.migrate.operations.AbstractGuideExamplesTest;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

class H2GuideExamplesTest extends AbstractGuideExamplesTest {

	private static TestDatabase db;

	@BeforeAll
	static void database_() {
		db = TestDatabases.freshH2();
	}

	@Override
	protected TestDatabase database() {
		return db;
	}

}
