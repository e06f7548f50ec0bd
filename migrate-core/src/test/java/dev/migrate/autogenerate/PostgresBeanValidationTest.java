package dev.migrate.autogenerate;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class PostgresBeanValidationTest extends BeanValidationContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

}
