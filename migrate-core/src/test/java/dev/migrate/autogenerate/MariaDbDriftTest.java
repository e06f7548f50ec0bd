package dev.migrate.autogenerate;

import java.util.List;
import java.util.Set;

import dev.migrate.schema.ColumnType;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.BOOLEAN;
import static dev.migrate.schema.ColumnType.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

class MariaDbDriftTest extends DriftContract {

	@Override
	TestDatabase freshDatabase() {
		return TestDatabases.freshMariaDb();
	}

	@Override
	String dialectName() {
		return "mysql";
	}

	@Override
	List<String> dropPetsPrimaryKey() {
		return List.of("ALTER TABLE pets DROP PRIMARY KEY");
	}

	@Override
	List<List<String>> generatedIdTables() {
		return List.of(List.of("CREATE TABLE pets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL)"),
				// (SERIAL is BIGINT UNSIGNED here: a type of its own with compare-type on)
				List.of("CREATE TABLE pets (id BIGINT NOT NULL AUTO_INCREMENT, name VARCHAR(50) NOT NULL, PRIMARY KEY (id))"));
	}

	@Test
	void displayWidthsGoTinyintOneIsBooleanAndUnsignedIsAType() throws Exception {
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, "CREATE TABLE counters (id INT(11) NOT NULL PRIMARY KEY, active TINYINT(1) NOT NULL,"
				+ " hits INT(4) UNSIGNED NOT NULL, total BIGINT(20) UNSIGNED NOT NULL)");
		SchemaSnapshot models = new SchemaSnapshot(List.of(Table.of(null, "counters",
				List.of(column("id", INTEGER).primaryKey(), column("active", BOOLEAN).notNull(),
						column("hits", INTEGER).notNull(), column("total", ColumnType.raw("BIGINT UNSIGNED")).notNull()))));

		SchemaDiff diff = compare(db, models, DriftExtras.FAIL);
		assertThat(diff.report()).containsExactly("type of counters.hits: INT UNSIGNED in database, INTEGER in models");
		assertThat(Autogenerate.compare(db.dataSource(), null, null, models,
				new CompareOptions(false, true, Set.of(), Set.of()), IGNORED).report()).as("compare-type off").isEmpty();

		apply(db, diff.upgradeOps());
		assertThat(compare(db, models, DriftExtras.FAIL).report()).isEmpty();
		apply(db, diff.downgradeOps());
		assertThat(compare(db, models, DriftExtras.FAIL).report()).isEqualTo(diff.report());
	}

}
