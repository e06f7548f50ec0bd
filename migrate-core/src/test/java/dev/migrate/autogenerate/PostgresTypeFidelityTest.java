package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static dev.migrate.operations.Ddl.column;

class PostgresTypeFidelityTest extends TypeFidelityContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshPostgres();
	}

	@Override
	String dialectName() {
		return "postgresql";
	}

	@Override
	boolean arrays() {
		return true;
	}

	@Override
	boolean enumTypes() {
		return true;
	}

	@Override
	List<Column> extraColumns() {
		return List.of(column("email", ColumnType.raw("citext")));
	}

	@Override
	List<String> setup() {
		return List.of("CREATE EXTENSION IF NOT EXISTS citext");
	}

	/** As Hibernate 7.2's PostgreSQLDialect writes it (schema export). */
	@Override
	List<String> hibernateDdl() {
		return List.of("create type mood as enum ('HAPPY','OK','SAD')",
				"create table things (grade smallint check ((grade between 0 and 2)), id bigint not null, token uuid,"
						+ " status varchar(255) check ((status in ('HAPPY','SAD','OK'))), email citext, payload jsonb,"
						+ " tags varchar(255) array, numbers integer array, mood mood, primary key (id))");
	}

}
