package dev.migrate.autogenerate;

import java.sql.SQLException;
import java.util.List;

import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.check;
import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.BIGINT;
import static dev.migrate.schema.ColumnType.SMALLINT;
import static dev.migrate.schema.ColumnType.enumOf;
import static org.assertj.core.api.Assertions.assertThat;

class SqliteBeanValidationTest extends BeanValidationContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshSqlite();
	}

	@Override
	String dialectName() {
		return "sqlite";
	}

	/** SQLite drops a check only by recreating the table. */
	@Override
	String dropCheckSql(String name) {
		return null;
	}

	/**
	 * Hibernate's enum checks on SQLite (its generic ones: no ENUM type there): a table with them has no drift; one
	 * without the ordinal check gets exactly that one, added in a batch (the table recreated).
	 */
	@Test
	void hibernatesEnumChecksAreComparedUnnamed() throws SQLException {
		SchemaSnapshot models = new SchemaSnapshot(List.of(Table.of(null, "things", List.of(
				column("id", BIGINT).primaryKey(), column("status", enumOf(255, "HAPPY", "OK", "SAD")),
				column("grade", SMALLINT), check(null, "status in ('HAPPY','SAD','OK')"),
				check(null, "grade between 0 and 2")))));
		String ddl = "create table things (grade tinyint check ((grade between 0 and 2)), id bigint not null,"
				+ " status varchar(255) check ((status in ('HAPPY','SAD','OK'))), primary key (id))";
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, ddl);
		assertThat(compare(db, models, DriftExtras.FAIL).report()).isEmpty();

		TestDatabase missing = freshDatabase();
		RoundTripContract.execute(missing, ddl.replace(" check ((grade between 0 and 2))", ""));
		SchemaDiff drift = compare(missing, models, DriftExtras.FAIL);
		assertThat(drift.report())
			.containsExactly("added check constraint things_grade_check on things (grade between 0 and 2)");
		apply(missing, drift.upgradeOps());
		assertThat(compare(missing, models, DriftExtras.FAIL).report()).isEmpty();
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> RoundTripContract.execute(missing, "INSERT INTO things (id, grade) VALUES (1, 3)"))
			.isInstanceOf(SQLException.class);
	}

}
