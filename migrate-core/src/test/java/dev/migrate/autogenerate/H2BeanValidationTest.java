package dev.migrate.autogenerate;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class H2BeanValidationTest extends BeanValidationContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshH2();
	}

	@Override
	String dialectName() {
		return "h2";
	}

}
