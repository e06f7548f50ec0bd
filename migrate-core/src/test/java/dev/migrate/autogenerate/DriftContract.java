package dev.migrate.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.model.Models;
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.CreatePrimaryKey;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.Operations;
import dev.migrate.runtime.OnlineMigrationContext;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrate.operations.Ddl.check;
import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.schema.ColumnType.BIGINT;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drift check's blind spots, on one database: primary keys dropped, added or changed in the
 * database are found, rendered and, applied, leave nothing to compare. Each dialect's test class
 * supplies a fresh database and the SQL that drops a primary key.
 */
abstract class DriftContract {

	static final Set<String> IGNORED = Set.of("migrate_version");

	/** pets (id) and the join table vet_specialties (vet_id, specialty_id), as JPA would map them. */
	static final SchemaSnapshot MODELS = new SchemaSnapshot(List.of(
			Table.of(null, "pets", List.of(column("id", BIGINT).primaryKey(), column("name", string(50)).notNull())),
			Table.of(null, "vet_specialties", List.of(column("vet_id", BIGINT).notNull(),
					column("specialty_id", BIGINT).notNull(), primaryKey("vet_id", "specialty_id")))));

	abstract TestDatabase freshDatabase();

	abstract String dialectName();

	/** The statements that drop the primary key of {@code pets}, as a person would on this database. */
	abstract List<String> dropPetsPrimaryKey();

	Dialect dialect() {
		return DialectResolver.byName(dialectName());
	}

	@Test
	void droppedPrimaryKeyIsFoundRenderedAndRestored(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		apply(db, compare(db, MODELS).upgradeOps());
		assertThat(compare(db, MODELS).report()).isEmpty();
		for (String sql : dropPetsPrimaryKey()) {
			RoundTripContract.execute(db, sql);
		}

		SchemaDiff drift = compare(db, MODELS);
		assertThat(drift.report()).containsExactly("added primary key pets_pkey on pets (id)");
		assertThat(flatten(drift.upgradeOps())).singleElement().isInstanceOf(CreatePrimaryKey.class);
		RenderedRevision rendered = Autogenerate.renderJava(drift);
		assertThat(rendered.upgrade()).contains(".createPrimaryKey(\"pets_pkey\", ");
		assertThat(rendered.downgrade()).contains(".dropConstraint(\"pets_pkey\", ");
		Migration revision = RoundTripContract.compile(dir, "RestorePk", rendered);
		run(db, revision, true);
		assertThat(compare(db, MODELS).report()).isEmpty();
		run(db, revision, false);
		assertThat(compare(db, MODELS).report()).containsExactly("added primary key pets_pkey on pets (id)");
		apply(db, drift.upgradeOps());
		assertThat(compare(db, MODELS).report()).isEmpty();
	}

	@Test
	void uniqueInsteadOfCompositePrimaryKeyGetsTheKeyBeforeTheUniqueGoes() throws SQLException {
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, "CREATE TABLE pets (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)");
		RoundTripContract.execute(db, "CREATE TABLE vet_specialties (vet_id BIGINT NOT NULL, specialty_id BIGINT NOT NULL,"
				+ " CONSTRAINT uq_vet_specialties UNIQUE (vet_id, specialty_id))");

		// drift-extras: report (the default): the key is added, the unique stays (reported, rendered commented out)
		SchemaDiff kept = compare(db, MODELS);
		assertThat(kept.report()).containsExactly(
				"added primary key vet_specialties_pkey on vet_specialties (vet_id, specialty_id)");
		assertThat(kept.extras()).containsExactly(
				"unique constraint uq_vet_specialties on vet_specialties (vet_id, specialty_id) in the database only");
		assertThat(flatten(kept.upgradeOps())).singleElement().isInstanceOf(CreatePrimaryKey.class);

		SchemaDiff drift = compare(db, MODELS, DriftExtras.FAIL);
		assertThat(drift.report()).containsExactly(
				"added primary key vet_specialties_pkey on vet_specialties (vet_id, specialty_id)",
				"removed unique constraint uq_vet_specialties on vet_specialties (vet_id, specialty_id)");
		List<MigrateOperation> ops = flatten(drift.upgradeOps());
		assertThat(ops).hasSize(2);
		assertThat(ops.get(0)).as("the new key exists before the old constraint goes").isInstanceOf(CreatePrimaryKey.class);
		assertThat(ops.get(1)).isInstanceOf(DropConstraint.class);
		apply(db, drift.upgradeOps());
		assertThat(compare(db, MODELS, DriftExtras.FAIL).report()).isEmpty();
		apply(db, drift.downgradeOps());
		assertThat(compare(db, MODELS, DriftExtras.FAIL).report()).isEqualTo(drift.report());
	}

	@Test
	void changedPrimaryKeyColumnsAndOrder(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, "CREATE TABLE pets (id BIGINT NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id, name))");
		RoundTripContract.execute(db, "CREATE TABLE vet_specialties (vet_id BIGINT NOT NULL, specialty_id BIGINT NOT NULL,"
				+ " PRIMARY KEY (specialty_id, vet_id))");

		SchemaDiff drift = compare(db, MODELS);
		assertThat(drift.report()).containsExactly("primary key of pets: (id, name) in database, (id) in models",
				"primary key of vet_specialties: (specialty_id, vet_id) in database, (vet_id, specialty_id) in models");
		RenderedRevision rendered = Autogenerate.renderJava(drift);
		if (dialect().replacePrimaryKeySql("t", List.of("a")) != null) {
			// MySQL/MariaDB: one statement, never a table without a key
			assertThat(rendered.upgrade()).contains("DROP PRIMARY KEY, ADD PRIMARY KEY").doesNotContain(".dropConstraint(");
		}
		else {
			assertThat(rendered.upgrade()).contains(".dropConstraint(").contains(".createPrimaryKey(");
		}
		if (!dialect().alterNeedsBatch() && dialect().replacePrimaryKeySql("t", List.of("a")) == null) {
			assertThat(rendered.upgrade().indexOf(".dropConstraint(")).isLessThan(rendered.upgrade().indexOf(".createPrimaryKey("));
			assertThat(rendered.upgrade().contains("has none between these two statements"))
				.as("a note where DDL is not transactional").isEqualTo(!dialect().transactionalDdl());
		}
		Migration revision = RoundTripContract.compile(dir, "ChangePk", rendered);
		run(db, revision, true);
		assertThat(compare(db, MODELS).report()).isEmpty();
		run(db, revision, false);
		assertThat(compare(db, MODELS).report()).isEqualTo(drift.report());
		apply(db, drift.upgradeOps());
		assertThat(compare(db, MODELS).report()).isEmpty();
	}

	/**
	 * A key that holds a generated id changes (MySQL refuses to drop such a key on its own: "there
	 * can be only one auto column and it must be defined as a key"): made, undone and made again,
	 * and the ids are still generated. Not on SQLite, where AUTOINCREMENT is only for a one-column
	 * INTEGER PRIMARY KEY.
	 */
	@Test
	void aKeyHoldingAGeneratedIdChanges(@TempDir Path dir) throws Exception {
		org.junit.jupiter.api.Assumptions.assumeFalse(dialectName().equals("sqlite"), "SQLite: AUTOINCREMENT keys are one column");
		TestDatabase db = freshDatabase();
		SchemaSnapshot one = new SchemaSnapshot(List.of(Table.of(null, "tickets",
				List.of(column("id", BIGINT).primaryKey().autoincrement(), column("shop", BIGINT).notNull()))));
		Migration create = RoundTripContract.compile(dir, "CreateTickets",
				Autogenerate.renderJava(compare(db, one, DriftExtras.FAIL)));
		run(db, create, true);
		RoundTripContract.execute(db, "INSERT INTO tickets (shop) VALUES (7)");
		assertThat(compare(db, one, DriftExtras.FAIL).report()).isEmpty();

		SchemaSnapshot two = new SchemaSnapshot(List.of(Table.of(null, "tickets",
				List.of(column("id", BIGINT).notNull().autoincrement(), column("shop", BIGINT).notNull(),
						primaryKey("id", "shop")))));
		SchemaDiff drift = compare(db, two, DriftExtras.FAIL);
		assertThat(drift.report()).containsExactly("primary key of tickets: (id) in database, (id, shop) in models");
		Migration change = RoundTripContract.compile(dir, "TicketsKey", Autogenerate.renderJava(drift));
		run(db, change, true);
		assertThat(compare(db, two, DriftExtras.FAIL).report()).isEmpty();
		RoundTripContract.execute(db, "INSERT INTO tickets (shop) VALUES (8)");
		run(db, change, false);
		assertThat(compare(db, one, DriftExtras.FAIL).report()).isEmpty();
		RoundTripContract.execute(db, "INSERT INTO tickets (shop) VALUES (9)");
		apply(db, drift.upgradeOps());
		assertThat(compare(db, two, DriftExtras.FAIL).report()).isEmpty();
		assertThat(RoundTripContract.query(db, "SELECT COUNT(DISTINCT id) FROM tickets")).isEqualTo("3");
	}

	@Test
	void columnsJoiningTheKeyAreMadeNotNullFirstAndLeavingItNullableAfter() throws SQLException {
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, "CREATE TABLE vet_specialties (vet_id BIGINT, specialty_id BIGINT)");
		SchemaSnapshot models = new SchemaSnapshot(List.of(MODELS.tables().get(1), Table.of(null, "pets",
				List.of(column("id", BIGINT).primaryKey(), column("name", string(50))))));
		RoundTripContract.execute(db, "CREATE TABLE pets (id BIGINT NOT NULL, name VARCHAR(50) NOT NULL, PRIMARY KEY (id, name))");
		SchemaDiff diff = compare(db, models);
		assertThat(diff.report()).containsExactly("nullability of vet_specialties.vet_id: NULL in database, NOT NULL in models",
				"nullability of vet_specialties.specialty_id: NULL in database, NOT NULL in models",
				"added primary key vet_specialties_pkey on vet_specialties (vet_id, specialty_id)",
				"primary key of pets: (id, name) in database, (id) in models",
				"nullability of pets.name: NOT NULL in database, NULL in models");
		apply(db, diff.upgradeOps());
		assertThat(compare(db, models).differences()).isEmpty();
		apply(db, diff.downgradeOps());
		assertThat(compare(db, models).report()).isEqualTo(diff.report());
	}

	@Test
	void primaryKeyTheModelsDoNotDeclareIsReported() throws SQLException {
		TestDatabase db = freshDatabase();
		SchemaSnapshot noKey = new SchemaSnapshot(List.of(Table.of(null, "pets",
				List.of(column("id", BIGINT).notNull(), column("name", string(50)).notNull()))));
		RoundTripContract.execute(db, "CREATE TABLE pets (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)");
		SchemaDiff drift = compare(db, noKey, DriftExtras.FAIL);
		assertThat(drift.report()).singleElement().satisfies((l) -> assertThat(l).startsWith("removed primary key ")
			.endsWith("on pets (id)"));
		assertThat(Autogenerate.renderJava(drift).upgrade()).contains("less uniqueness than the database had");
		assertThat(compare(db, noKey).extras()).singleElement().satisfies((l) -> assertThat(l)
			.startsWith("primary key ").endsWith("on pets (id) in the database only"));
		apply(db, drift.upgradeOps());
		assertThat(compare(db, noKey, DriftExtras.FAIL).differences()).isEmpty();
	}

	@Test
	void extrasAreReportedAndRenderedCommentedOutUnlessAskedOtherwise(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		apply(db, compare(db, MODELS).upgradeOps());
		RoundTripContract.execute(db, "CREATE INDEX ix_pets_name ON pets (name)");
		RoundTripContract.execute(db, "CREATE TABLE legacy_audit (id INTEGER NOT NULL PRIMARY KEY)");

		SchemaDiff report = compare(db, MODELS);
		assertThat(report.isEmpty()).as("extras do not fail the drift check").isTrue();
		assertThat(report.report()).isEmpty();
		assertThat(report.extras()).containsExactlyInAnyOrder("index ix_pets_name on pets (name) in the database only",
				"table legacy_audit in the database only");
		assertThat(report.upgradeOps()).isEmpty();
		RenderedRevision java = Autogenerate.renderJava(report);
		assertThat(java.upgrade()).contains("// index ix_pets_name on pets (name) in the database only, not in the models: uncomment to drop it",
				"// op.dropIndex(\"ix_pets_name\", \"pets\");", "// op.dropTable(\"legacy_audit\");")
			.doesNotContain("\t\top.drop");
		assertThat(java.downgrade()).contains("// op.createIndex(\"ix_pets_name\", \"pets\", List.of(\"name\"), false);");
		Migration revision = RoundTripContract.compile(dir, "Extras", java);
		run(db, revision, true);
		assertThat(compare(db, MODELS).extras()).hasSize(2);
		assertThat(Autogenerate.renderSql(report, dialect()).upgrade()).containsPattern("(?m)^-- DROP INDEX .*ix_pets_name")
			.containsPattern("(?m)^-- DROP TABLE legacy_audit");

		assertThat(compare(db, MODELS, DriftExtras.IGNORE).differences()).isEmpty();

		SchemaDiff fail = compare(db, MODELS, DriftExtras.FAIL);
		assertThat(fail.report()).containsExactlyInAnyOrder("removed index ix_pets_name on pets (name)",
				"removed table legacy_audit");
		assertThat(fail.extras()).isEmpty();
		apply(db, fail.upgradeOps());
		assertThat(compare(db, MODELS, DriftExtras.FAIL).differences()).isEmpty();
	}

	@Test
	void aDropAndAnAddOfTheSameTypeSuggestARename() throws SQLException {
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, "CREATE TABLE pets (id BIGINT NOT NULL PRIMARY KEY, nickname VARCHAR(50) NOT NULL)");
		RoundTripContract.execute(db, "CREATE TABLE vet_specialties (vet_id BIGINT NOT NULL, specialty_id BIGINT NOT NULL,"
				+ " PRIMARY KEY (vet_id, specialty_id))");
		SchemaDiff diff = compare(db, MODELS);
		assertThat(diff.report()).containsExactly("added column pets.name VARCHAR(50) NOT NULL",
				"removed column pets.nickname VARCHAR(50)");
		String rename = dialect().alterNeedsBatch() ? "// batch.alterColumn(\"nickname\", (c) -> c.newName(\"name\"));"
				: "// op.alterColumn(\"pets\", \"nickname\", (c) -> c.newName(\"name\"));";
		RenderedRevision java = Autogenerate.renderJava(diff);
		assertThat(java.upgrade()).contains("// a rename of pets.nickname to name (same type)?", rename);
		assertThat(java.downgrade()).contains("// a rename of pets.name to nickname (same type)?");
		// what the suggestion does, applied: the models match and the data stays
		RoundTripContract.execute(db, "INSERT INTO pets (id, nickname) VALUES (1, 'Rex')");
		try (Connection c = db.connect()) {
			new Operations(new OnlineMigrationContext(c, dialect(), Map.of(), null))
				.alterColumn("pets", "nickname", (spec) -> spec.newName("name"));
			try (var rs = c.createStatement().executeQuery("SELECT name FROM pets")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("Rex");
			}
		}
		assertThat(compare(db, MODELS).differences()).isEmpty();
	}

	@Test
	void namedCheckConstraintsAreComparedByName(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(dialect().reflectsCheckConstraints(), "the dialect does not reflect check constraints");
		SchemaSnapshot models = new SchemaSnapshot(List.of(Table.of(null, "products", List.of(
				column("id", BIGINT).primaryKey(), column("price", ColumnType.numeric(10, 2)).notNull(),
				check("ck_products_price", "price > 0")))));
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, "CREATE TABLE products (id BIGINT NOT NULL PRIMARY KEY, price NUMERIC(10, 2) NOT NULL,"
				+ " CONSTRAINT ck_products_old CHECK (price < 1000000))");

		SchemaDiff report = compare(db, models);
		assertThat(report.report()).containsExactly("added check constraint ck_products_price on products (price > 0)");
		assertThat(report.extras()).singleElement().satisfies((l) -> assertThat(l)
			.startsWith("check constraint ck_products_old on products (").endsWith(") in the database only"));
		SchemaDiff fail = compare(db, models, DriftExtras.FAIL);
		assertThat(fail.report()).hasSize(2).anyMatch((l) -> l.startsWith("removed check constraint ck_products_old"));
		RenderedRevision java = Autogenerate.renderJava(fail);
		assertThat(java.upgrade()).contains(".createCheckConstraint(\"ck_products_price\", ").contains("\"price > 0\");")
			.contains(".dropConstraint(\"ck_products_old\"");
		Migration revision = RoundTripContract.compile(dir, "Checks", java);
		run(db, revision, true);
		assertThat(compare(db, models, DriftExtras.FAIL).differences()).isEmpty();
		assertThatThrownBy(() -> RoundTripContract.execute(db, "INSERT INTO products (id, price) VALUES (1, -1)"))
			.isInstanceOf(SQLException.class);
		RoundTripContract.execute(db, "INSERT INTO products (id, price) VALUES (1, 2000000)");
		RoundTripContract.execute(db, "DELETE FROM products");
		run(db, revision, false);
		assertThat(compare(db, models, DriftExtras.FAIL).report()).isEqualTo(fail.report());
		apply(db, report.upgradeOps());
		assertThat(compare(db, models).report()).isEmpty();
	}

	@Test
	void aModelTableThatIsAViewIsReportedNotCreated() throws SQLException {
		TestDatabase db = freshDatabase();
		apply(db, compare(db, MODELS).upgradeOps());
		RoundTripContract.execute(db, "CREATE VIEW pet_names AS SELECT id, name FROM pets");
		List<Table> tables = new ArrayList<>(MODELS.tables());
		tables.add(Table.of(null, "pet_names", List.of(column("id", BIGINT).primaryKey(), column("name", string(50)))));
		SchemaSnapshot models = new SchemaSnapshot(tables);
		SchemaDiff diff = compare(db, models);
		assertThat(diff.report()).isEmpty();
		assertThat(diff.extras()).containsExactly("table pet_names of the models is a view in the database: not compared");
		assertThat(diff.upgradeOps()).isEmpty();
		assertThat(Autogenerate.renderJava(diff).upgrade())
			.contains("// table pet_names of the models is a view in the database: not compared: nothing generated")
			.doesNotContain("createTable");
		assertThat(compare(db, models, DriftExtras.FAIL).report())
			.containsExactly("table pet_names of the models is a view in the database: not compared");
		assertThat(compare(db, models, DriftExtras.IGNORE).differences()).isEmpty();
	}

	/**
	 * Ways to create {@code pets (id, name VARCHAR(50) NOT NULL)} with an id the database generates, as a person
	 * or another tool does on this database (SERIAL, an owned sequence's nextval default, identity,
	 * AUTO_INCREMENT): each list of statements is run on its own fresh database.
	 */
	abstract List<List<String>> generatedIdTables();

	/** A query answering {@code YES} when {@code pets.id} is an identity column, or null where there is none. */
	String isIdentityQuery() {
		return null;
	}

	@Test
	void serialAndIdentityIdsAreTheSameToTheDriftCheck(@TempDir Path dir) throws Exception {
		SchemaSnapshot identity = new SchemaSnapshot(List.of(Table.of(null, "pets",
				List.of(column("id", BIGINT).primaryKey().identity(), column("name", string(50)).notNull()))));
		SchemaSnapshot autoincrement = new SchemaSnapshot(List.of(Table.of(null, "pets",
				List.of(column("id", BIGINT).primaryKey().autoincrement(), column("name", string(50)).notNull()))));
		for (List<String> statements : generatedIdTables()) {
			TestDatabase db = freshDatabase();
			for (String sql : statements) {
				RoundTripContract.execute(db, sql);
			}
			for (SchemaSnapshot models : List.of(identity, autoincrement)) {
				// compare-type and compare-server-default on (strict)
				SchemaDiff diff = compare(db, models, DriftExtras.FAIL);
				assertThat(diff.differences()).as("%s against %s", statements, models).isEmpty();
			}
		}

		// the models' identity id, created: as Hibernate 7 creates it where it writes identity columns
		TestDatabase db = freshDatabase();
		SchemaDiff create = compare(db, identity);
		RenderedRevision rendered = Autogenerate.renderJava(create);
		assertThat(rendered.upgrade()).contains("column(\"id\", BIGINT).primaryKey().identity()");
		Migration revision = RoundTripContract.compile(dir, "CreatePets", rendered);
		run(db, revision, true);
		assertThat(compare(db, identity, DriftExtras.FAIL).differences()).isEmpty();
		assertThat(compare(db, autoincrement, DriftExtras.FAIL).differences()).isEmpty();
		RoundTripContract.execute(db, "INSERT INTO pets (name) VALUES ('Rex')");
		RoundTripContract.execute(db, "INSERT INTO pets (name) VALUES ('Tom')");
		try (Connection c = db.connect(); java.sql.Statement st = c.createStatement()) {
			try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(DISTINCT id) FROM pets")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getInt(1)).as("generated ids").isEqualTo(2);
			}
			if (isIdentityQuery() != null) {
				try (java.sql.ResultSet rs = st.executeQuery(isIdentityQuery())) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).as("pets.id is an identity column").isEqualTo("YES");
				}
			}
		}

		// a JPA id with @GeneratedValue(strategy = IDENTITY) is such an identity column
		Table companies = Models.fromClasses(List.of(dev.migrate.autogenerate.shop.v1.Company.class)).tables().stream()
			.filter((t) -> t.name().equals("companies")).findFirst().orElseThrow();
		assertThat(companies.column("id").orElseThrow().isIdentity()).isTrue();
	}

	SchemaDiff compare(TestDatabase db, SchemaSnapshot models) {
		return compare(db, models, DriftExtras.REPORT);
	}

	SchemaDiff compare(TestDatabase db, SchemaSnapshot models, DriftExtras extras) {
		return OnlineOps.compare(db, models, extras);
	}

	void apply(TestDatabase db, List<MigrateOperation> operations) {
		OnlineOps.apply(db, dialect(), operations);
	}

	void run(TestDatabase db, Migration migration, boolean upgrade) throws SQLException {
		OnlineOps.run(db, dialect(), migration, upgrade);
	}

	static List<MigrateOperation> flatten(List<MigrateOperation> operations) {
		List<MigrateOperation> flat = new ArrayList<>();
		for (MigrateOperation op : operations) {
			if (op instanceof BatchAlterTable batch) {
				flat.addAll(flatten(batch.operations()));
			}
			else {
				flat.add(op);
			}
		}
		return flat;
	}

}
