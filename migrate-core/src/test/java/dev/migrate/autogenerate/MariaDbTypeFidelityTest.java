package dev.migrate.autogenerate;

import java.sql.SQLException;
import java.util.List;

import dev.migrate.schema.ColumnType;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

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

	/**
	 * On MariaDB 10.7 and later a {@code java.util.UUID} is a {@code uuid} column, as Hibernate 7 validates it: an
	 * existing {@code CHAR(36)} or {@code BINARY(16)} is a type difference (the ALTER makes it {@code uuid}), unless
	 * the models say that is what it is ({@code @JdbcTypeCode(SqlTypes.CHAR)}: {@code CHAR(36)}, which Hibernate
	 * writes as {@code varchar(36)} here and validates either way; {@code SqlTypes.BINARY}: {@code BINARY(16)}).
	 */
	@Test
	void aUuidIsMariaDbsUuidUnlessTheModelsSayText() throws SQLException {
		TestDatabase db = prepared();
		RoundTripContract.execute(db, "CREATE TABLE ids (id BIGINT NOT NULL PRIMARY KEY, a CHAR(36), b BINARY(16),"
				+ " c UUID, d VARCHAR(36), e CHAR(36))");
		SchemaSnapshot uuids = new SchemaSnapshot(List.of(Table.of(null, "ids", List.of(
				column("id", ColumnType.BIGINT).primaryKey(), column("a", ColumnType.UUID), column("b", ColumnType.UUID),
				column("c", ColumnType.UUID), column("d", ColumnType.raw("CHAR(36)")),
				column("e", ColumnType.raw("CHAR(36)"))))));
		SchemaDiff drift = compare(db, uuids, DriftExtras.FAIL);
		assertThat(drift.report()).hasSize(2)
			.anySatisfy((l) -> assertThat(l).startsWith("type of ids.a: CHAR(36) in database, UUID in models"))
			.anySatisfy((l) -> assertThat(l).startsWith("type of ids.b: BINARY(16) in database, UUID in models"));
		apply(db, drift.upgradeOps());
		assertThat(compare(db, uuids, DriftExtras.FAIL).report()).isEmpty();

		TestDatabase text = prepared();
		RoundTripContract.execute(text, "CREATE TABLE ids (id BIGINT NOT NULL PRIMARY KEY, a CHAR(36), b BINARY(16),"
				+ " c UUID, d VARCHAR(36), e CHAR(36))");
		SchemaSnapshot asStored = new SchemaSnapshot(List.of(Table.of(null, "ids", List.of(
				column("id", ColumnType.BIGINT).primaryKey(), column("a", ColumnType.raw("CHAR(36)")),
				column("b", ColumnType.binary(16)), column("c", ColumnType.UUID), column("d", ColumnType.raw("CHAR(36)")),
				column("e", ColumnType.string(36))))));
		assertThat(compare(text, asStored, DriftExtras.FAIL).report()).isEmpty();
	}

}
