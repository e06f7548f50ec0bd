package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class MariaDbTypeFidelityTest extends TypeFidelityContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshMariaDb();
	}

	@Override
	String dialectName() {
		return "mysql";
	}

	@Override
	boolean arrays() {
		return false;
	}

	/** As Hibernate 7.2's MariaDBDialect (10.7 and later) writes it: ENUM, uuid, json. */
	@Override
	List<String> hibernateDdl() {
		return List.of("create table things (grade tinyint check ((grade between 0 and 2)), id bigint not null,"
				+ " token uuid, payload json, status enum ('HAPPY','OK','SAD'), primary key (id)) engine=InnoDB");
	}

}
