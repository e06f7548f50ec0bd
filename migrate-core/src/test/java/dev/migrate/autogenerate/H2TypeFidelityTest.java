package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

class H2TypeFidelityTest extends TypeFidelityContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshH2();
	}

	@Override
	String dialectName() {
		return "h2";
	}

	@Override
	boolean arrays() {
		return true;
	}

	/** As Hibernate 7.2's H2Dialect writes it: an ENUM and no check for STRING, a check for ORDINAL. */
	@Override
	List<String> hibernateDdl() {
		return List.of("create table things (grade tinyint check ((grade between 0 and 2)), id bigint not null,"
				+ " token uuid, payload json, tags varchar(255) array, numbers integer array,"
				+ " status enum ('HAPPY','OK','SAD'), primary key (id))");
	}

}
