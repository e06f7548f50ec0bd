package dev.migrate.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.AddEnumValue;
import dev.migrate.operations.Operations;
import dev.migrate.runtime.OnlineMigrationContext;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The values of PostgreSQL enum types: added in the models → {@code ALTER TYPE ... ADD VALUE}
 * (placed to keep the models' order, outside the revision's transaction); only in the database →
 * an extra, which PostgreSQL cannot drop (a note); another order → reported, not changed.
 */
class PostgresEnumValuesTest {

	static final Dialect PG = DialectResolver.byName("postgresql");

	static SchemaSnapshot models(String... values) {
		return new SchemaSnapshot(List.of(Table.of(null, "feelings",
				List.of(column("id", BIGINT).primaryKey(), column("mood", ColumnType.namedEnum("mood", values))))));
	}

	static TestDatabase database(String labels) throws SQLException {
		TestDatabase db = TestDatabases.freshPostgres();
		RoundTripContract.execute(db, "CREATE TYPE mood AS ENUM (" + labels + ")");
		RoundTripContract.execute(db, "CREATE TABLE feelings (id BIGINT PRIMARY KEY, mood mood)");
		return db;
	}

	static SchemaDiff compare(TestDatabase db, SchemaSnapshot models, DriftExtras extras) {
		return OnlineOps.compare(db, models, extras);
	}

	static List<String> labels(TestDatabase db) throws SQLException {
		List<String> labels = new ArrayList<>();
		try (Connection c = db.connect(); Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("SELECT unnest(enum_range(NULL::mood))::text")) {
			while (rs.next()) {
				labels.add(rs.getString(1));
			}
		}
		return labels;
	}

	@Test
	void valuesAddedInTheModelsAreAddedInTheirPlaceAndTheDowngradeSaysItCannotDropThem(@TempDir Path dir)
			throws Exception {
		TestDatabase db = database("'HAPPY', 'SAD'");
		SchemaSnapshot models = models("ANGRY", "HAPPY", "OK", "SAD", "ZEN");
		SchemaDiff diff = compare(db, models, DriftExtras.FAIL);
		assertThat(diff.report()).containsExactly("added value 'ANGRY' to enum type mood",
				"added value 'OK' to enum type mood", "added value 'ZEN' to enum type mood");
		assertThat(diff.upgradeOps()).containsExactly(new AddEnumValue(null, "mood", "ANGRY", "HAPPY", null),
				new AddEnumValue(null, "mood", "OK", "SAD", null), new AddEnumValue(null, "mood", "ZEN", null, "SAD"));
		assertThat(diff.downgradeOps()).isEmpty();
		RenderedRevision java = Autogenerate.renderJava(diff);
		assertThat(java.upgrade()).contains("op.addEnumValueBefore(\"mood\", \"ANGRY\", \"HAPPY\");")
			.contains("op.addEnumValueAfter(\"mood\", \"ZEN\", \"SAD\");");
		assertThat(java.downgrade()).contains("// note: PostgreSQL cannot drop the value 'ANGRY' of enum type mood");
		RenderedRevision sql = Autogenerate.renderSql(diff, PG);
		assertThat(sql.upgrade()).contains("ALTER TYPE mood ADD VALUE 'ANGRY' BEFORE 'HAPPY'")
			.contains("ALTER TYPE mood ADD VALUE 'ZEN' AFTER 'SAD'");
		assertThat(sql.downgrade()).contains("-- note: PostgreSQL cannot drop the value 'ZEN' of enum type mood");

		Migration revision = RoundTripContract.compile(dir, "AddMoods", java);
		try (Connection c = db.connect()) {
			// inside a transaction, as a revision runs: the values are added outside it and usable at once
			c.setAutoCommit(false);
			Operations op = new Operations(new OnlineMigrationContext(c, PG, Map.of(), null));
			revision.upgrade(op);
			try (Statement st = c.createStatement()) {
				st.execute("INSERT INTO feelings VALUES (1, 'OK')");
			}
			c.commit();
		}
		assertThat(labels(db)).containsExactly("ANGRY", "HAPPY", "OK", "SAD", "ZEN");
		assertThat(compare(db, models, DriftExtras.FAIL).report()).isEmpty();
		try (Connection c = db.connect()) {
			revision.downgrade(new Operations(new OnlineMigrationContext(c, PG, Map.of(), null)));
		}
		assertThat(labels(db)).as("PostgreSQL cannot drop them").hasSize(5);
	}

	@Test
	void aValueOnlyTheDatabaseHasIsAnExtra() throws SQLException {
		TestDatabase db = database("'HAPPY', 'LEGACY', 'SAD'");
		SchemaSnapshot models = models("HAPPY", "SAD");
		SchemaDiff report = compare(db, models, DriftExtras.REPORT);
		assertThat(report.report()).isEmpty();
		assertThat(report.extras()).containsExactly("value 'LEGACY' of enum type mood in the database only");
		assertThat(Autogenerate.renderJava(report).upgrade()).contains("PostgreSQL cannot drop the value 'LEGACY'");
		assertThat(compare(db, models, DriftExtras.IGNORE).report()).isEmpty();
		assertThat(compare(db, models, DriftExtras.IGNORE).extras()).isEmpty();
		SchemaDiff fail = compare(db, models, DriftExtras.FAIL);
		assertThat(fail.report()).containsExactly("removed value 'LEGACY' of enum type mood");
		assertThat(fail.upgradeOps()).isEmpty();
	}

	@Test
	void anotherOrderIsReportedNotChanged() throws SQLException {
		TestDatabase db = database("'SAD', 'HAPPY'");
		SchemaDiff diff = compare(db, models("HAPPY", "SAD"), DriftExtras.FAIL);
		assertThat(diff.report()).containsExactly(
				"order of the values of enum type mood: ('SAD', 'HAPPY') in database, ('HAPPY', 'SAD') in models");
		assertThat(diff.upgradeOps()).isEmpty();
		assertThat(Autogenerate.renderJava(diff).upgrade()).contains(
				"// note: order of the values of enum type mood: ('SAD', 'HAPPY') in database, ('HAPPY', 'SAD') in models:"
						+ " not changed by Migrate (PostgreSQL cannot reorder the values of an enum type)");
		assertThat(Autogenerate.renderSql(diff, PG).upgrade()).contains("-- note: order of the values of enum type mood");
	}

	@Test
	void sameValuesNothingToCompare() throws SQLException {
		TestDatabase db = database("'HAPPY', 'OK', 'SAD'");
		assertThat(compare(db, models("HAPPY", "OK", "SAD"), DriftExtras.FAIL).report()).isEmpty();
	}

	@Test
	void otherDialectsRefuseTheOperation() {
		assertThatThrownBy(() -> DialectResolver.byName("h2")
			.render(new AddEnumValue(null, "mood", "X", null, null), null))
			.isInstanceOf(UnsupportedOperationOnDialectException.class)
			.hasMessageContaining("enum types exist only on PostgreSQL");
		assertThatThrownBy(() -> new AddEnumValue(null, "mood", "X", "A", "B")).isInstanceOf(IllegalArgumentException.class);
	}

}
