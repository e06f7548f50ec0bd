package dev.migrate.autogenerate;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class MariaDbBeanValidationTest extends BeanValidationContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshMariaDb();
	}

	@Override
	String dialectName() {
		return "mysql";
	}

}
