package dev.migrate.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.autogenerate.objects.Bill;
import dev.migrate.autogenerate.objects.Owner;
import dev.migrate.autogenerate.objects.Visit;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.model.Models;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.CreateSequence;
import dev.migrate.operations.DropSequence;
import dev.migrate.operations.ExecuteSql;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.Operations;
import dev.migrate.operations.SetTableComment;
import dev.migrate.runtime.OnlineMigrationContext;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Sequence;
import dev.migrate.schema.Table;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.BIGINT;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Comments, sequences and generated values in autogenerate and the drift check, on one database: JPA models
 * created on an empty database and compared find nothing; one change made by hand is exactly one difference,
 * rendered, applied and reversed. Each dialect's test class supplies a fresh database.
 */
abstract class ObjectDriftContract {

	static final Set<String> IGNORED = DriftContract.IGNORED;

	/** Owner (Hibernate @Comment, named @SequenceGenerator), Visit (JPA 3.2 comments, SEQUENCE), Bill (AUTO). */
	static final SchemaSnapshot JPA = Models.fromClasses(List.of(Owner.class, Visit.class, Bill.class));

	/** Whether the database has sequences that Migrate reflects (PostgreSQL, H2, MariaDB). */
	abstract boolean hasSequences();

	abstract TestDatabase freshDatabase();

	abstract String dialectName();

	Dialect dialect() {
		return DialectResolver.byName(dialectName());
	}

	@Test
	void jpaCommentsAndSequencesAreReadAsHibernate7MapsThem() {
		Table owners = JPA.table("owners").orElseThrow();
		assertThat(owners.comment()).isEqualTo("pet owners");
		assertThat(owners.column("name").orElseThrow().comment()).isEqualTo("full name");
		Table visits = JPA.table("visits").orElseThrow();
		assertThat(visits.comment()).isEqualTo("vet visits");
		assertThat(visits.column("description").orElseThrow().comment()).isEqualTo("what happened");
		assertThat(JPA.sequences()).containsExactly(new Sequence(null, "owners_id_seq", 1, 10),
				new Sequence(null, "visits_seq", 1, 50), new Sequence(null, "bills_seq", 1, 50));
		assertThat(JPA.table("owners").orElseThrow().column("id").orElseThrow().isAutoincrement()).isFalse();
	}

	@Test
	void modelsAppliedToAnEmptyDatabaseLeaveNothingToCompare(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		SchemaDiff create = compare(db, JPA);
		if (hasSequences()) {
			assertThat(create.report()).startsWith("added sequence owners_id_seq (start 1, increment 10)",
					"added sequence visits_seq (start 1, increment 50)", "added sequence bills_seq (start 1, increment 50)");
		}
		else {
			assertThat(create.report()).noneMatch((l) -> l.contains("sequence"));
		}
		RenderedRevision java = Autogenerate.renderJava(create);
		if (hasSequences()) {
			assertThat(java.upgrade()).contains("op.createSequence(\"owners_id_seq\", 1, 10);");
			assertThat(java.downgrade()).contains("op.dropSequence(\"owners_id_seq\");");
		}
		if (dialect().supportsComments()) {
			assertThat(java.upgrade()).contains(".comment(\"full name\")");
		}
		Migration revision = RoundTripContract.compile(dir, "Objects", java);
		run(db, revision, true);
		assertThat(compare(db, JPA, DriftExtras.FAIL).differences()).isEmpty();
		run(db, revision, false);
		assertThat(compare(db, JPA, DriftExtras.FAIL).report()).isEqualTo(create.report());
		apply(db, create.upgradeOps());
		assertThat(compare(db, JPA, DriftExtras.FAIL).differences()).isEmpty();
		assertThat(Autogenerate.renderSql(create, dialect()).upgrade()).contains(hasSequences()
				? "CREATE SEQUENCE visits_seq START WITH 1 INCREMENT BY 50" : "CREATE TABLE");
	}

	@Test
	void changedAddedAndRemovedCommentsAreDifferences(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		apply(db, compare(db, JPA).upgradeOps());
		if (!dialect().supportsComments()) {
			RoundTripContract.execute(db, "DROP TABLE owners");
			RoundTripContract.execute(db, "CREATE TABLE owners (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(80) NOT NULL)");
			assertThat(compare(db, JPA, DriftExtras.FAIL).differences()).as("SQLite has no comments").isEmpty();
			return;
		}
		try (Connection c = db.connect()) {
			Operations op = new Operations(new OnlineMigrationContext(c, dialect(), Map.of(), null));
			op.setTableComment("owners", "people");
			op.alterColumn("visits", "description", (spec) -> spec.comment("").existingType(string(200))
				.existingNullable(true).existingComment("what happened"));
			op.alterColumn("bills", "amount", (spec) -> spec.comment("in cents").existingType(JPA.table("bills")
				.orElseThrow().column("amount").orElseThrow().type()).existingNullable(true));
		}
		SchemaDiff diff = compare(db, JPA);
		assertThat(diff.report()).containsExactly("comment of table owners: 'people' in database, 'pet owners' in models",
				"added comment of column visits.description: 'what happened'");
		assertThat(diff.extras()).containsExactly("comment of column bills.amount: 'in cents' in the database only");
		assertThat(diff.upgradeOps()).hasSize(2);
		assertThat(diff.upgradeOps().get(0)).isInstanceOf(SetTableComment.class);
		assertThat(diff.upgradeOps().get(1)).isInstanceOf(AlterColumn.class);
		RenderedRevision java = Autogenerate.renderJava(diff);
		assertThat(java.upgrade()).contains("op.setTableComment(\"owners\", \"pet owners\");",
				"op.alterColumn(\"visits\", \"description\", (c) -> c.comment(\"what happened\")",
				"// op.alterColumn(\"bills\", \"amount\", (c) -> c.comment(\"\")");
		assertThat(java.downgrade()).contains("op.setTableComment(\"owners\", \"people\");",
				"op.alterColumn(\"visits\", \"description\", (c) -> c.comment(\"\")");
		Migration revision = RoundTripContract.compile(dir, "Comments", java);
		run(db, revision, true);
		assertThat(compare(db, JPA).report()).isEmpty();
		run(db, revision, false);
		assertThat(compare(db, JPA).report()).isEqualTo(diff.report());

		SchemaDiff fail = compare(db, JPA, DriftExtras.FAIL);
		assertThat(fail.report()).contains("removed comment of column bills.amount: 'in cents'");
		apply(db, fail.upgradeOps());
		assertThat(compare(db, JPA, DriftExtras.FAIL).differences()).isEmpty();
		apply(db, fail.downgradeOps());
		assertThat(compare(db, JPA, DriftExtras.FAIL).report()).isEqualTo(fail.report());
	}

	@Test
	void sequencesMissingExtraOrWithAnotherIncrementAreFound() throws Exception {
		Assumptions.assumeTrue(hasSequences(), "no sequences on this database");
		TestDatabase db = freshDatabase();
		apply(db, compare(db, JPA).upgradeOps());
		RoundTripContract.execute(db, "DROP SEQUENCE visits_seq");
		RoundTripContract.execute(db, "ALTER SEQUENCE owners_id_seq INCREMENT BY 1");
		RoundTripContract.execute(db, "CREATE SEQUENCE legacy_seq START WITH 1 INCREMENT BY 1");

		SchemaDiff diff = compare(db, JPA);
		assertThat(diff.report()).containsExactly("added sequence visits_seq (start 1, increment 50)",
				"increment of sequence owners_id_seq: 1 in database, 10 in models");
		assertThat(diff.extras()).containsExactly("sequence legacy_seq (start 1, increment 1) in the database only");
		assertThat(diff.upgradeOps()).hasSize(2);
		assertThat(diff.upgradeOps().get(0)).isInstanceOf(CreateSequence.class);
		assertThat(diff.upgradeOps().get(1)).isInstanceOf(ExecuteSql.class);
		RenderedRevision java = Autogenerate.renderJava(diff);
		assertThat(java.upgrade()).contains("op.execute(\"ALTER SEQUENCE owners_id_seq INCREMENT BY 10\");",
				"// op.dropSequence(\"legacy_seq\");");
		assertThat(java.downgrade()).contains("op.execute(\"ALTER SEQUENCE owners_id_seq INCREMENT BY 1\");",
				"op.dropSequence(\"visits_seq\");", "// op.createSequence(\"legacy_seq\", 1, 1);");
		apply(db, diff.upgradeOps());
		assertThat(compare(db, JPA).report()).isEmpty();
		apply(db, diff.downgradeOps());
		assertThat(compare(db, JPA).report()).isEqualTo(diff.report());

		SchemaDiff fail = compare(db, JPA, DriftExtras.FAIL);
		assertThat(fail.report()).contains("removed sequence legacy_seq (start 1, increment 1)");
		apply(db, fail.upgradeOps());
		assertThat(compare(db, JPA, DriftExtras.FAIL).differences()).isEmpty();
		assertThat(compare(db, JPA, DriftExtras.IGNORE).differences()).isEmpty();
	}

	@Test
	void sequenceOperationsRunWhereTheDatabaseHasSequencesAndAreRefusedElsewhere() throws Exception {
		TestDatabase db = freshDatabase();
		try (Connection c = db.connect()) {
			Operations op = new Operations(new OnlineMigrationContext(c, dialect(), Map.of(), null));
			if (!hasSequences()) {
				assertThatThrownBy(() -> op.createSequence("orders_seq", 1, 50))
					.isInstanceOf(UnsupportedOperationOnDialectException.class)
					.hasMessageContaining("has no sequences: cannot create sequence orders_seq");
				assertThatThrownBy(() -> op.dropSequence("orders_seq"))
					.isInstanceOf(UnsupportedOperationOnDialectException.class);
				return;
			}
			op.createSequence("orders_seq", 100, 5);
		}
		SchemaSnapshot reflected;
		try (Connection c = db.connect()) {
			reflected = dialect().reflector().reflect(c, null);
		}
		assertThat(reflected.sequences()).containsExactly(new Sequence(null, "orders_seq", 100, 5));
		CreateSequence create = new CreateSequence(new Sequence(null, "orders_seq", 100, 5));
		assertThat(create.reverse()).isEqualTo(new DropSequence(null, "orders_seq", create.sequence()));
		try (Connection c = db.connect()) {
			new Operations(new OnlineMigrationContext(c, dialect(), Map.of(), null)).dropSequence("orders_seq");
			assertThat(dialect().reflector().reflect(c, null).sequences()).isEmpty();
		}
	}

	/** Tables whose ids own a sequence (SERIAL, identity, AUTO_INCREMENT) on this database, one per statement. */
	abstract List<String> tablesOwningSequences();

	@Test
	void aSequenceAColumnOwnsIsNeverAnExtra() throws Exception {
		TestDatabase db = freshDatabase();
		for (String sql : tablesOwningSequences()) {
			RoundTripContract.execute(db, sql);
		}
		SchemaDiff diff = compare(db, new SchemaSnapshot(List.of()), DriftExtras.FAIL);
		assertThat(diff.report()).isNotEmpty().noneMatch((l) -> l.contains("sequence"));
	}

	static final SchemaSnapshot PLAIN = new SchemaSnapshot(List.of(Table.of(null, "pets",
			List.of(column("id", BIGINT).primaryKey(), column("name", string(50)).notNull()))));

	static final SchemaSnapshot GENERATED = new SchemaSnapshot(List.of(Table.of(null, "pets",
			List.of(column("id", BIGINT).primaryKey().identity(), column("name", string(50)).notNull()))));

	@Test
	void anIdGeneratedOnOneSideOnlyIsADifferenceWithCompareType(@TempDir Path dir) throws Exception {
		Assumptions.assumeTrue(dialect().comparesGeneratedValues(), "generated values are not compared here");
		TestDatabase db = freshDatabase();
		apply(db, compare(db, PLAIN).upgradeOps());
		RoundTripContract.execute(db, "INSERT INTO pets (id, name) VALUES (7, 'Rex')");
		SchemaDiff diff = compare(db, GENERATED);
		assertThat(diff.report()).containsExactly("generated values of pets.id: none in database, identity in models");
		assertThat(Autogenerate.compare(db.dataSource(), null, null, GENERATED,
				new CompareOptions(false, false, Set.of(), Set.of()), IGNORED).report()).as("compare-type off").isEmpty();
		RenderedRevision java = Autogenerate.renderJava(diff);
		if (diff.upgradeOps().isEmpty()) {
			assertThat(java.upgrade()).contains("// generated values of pets.id: none in database, identity in models:"
					+ " not changed by Migrate on " + dialect().name());
			return;
		}
		switch (dialectName()) {
			case "postgresql" -> {
				assertThat(java.upgrade()).contains("op.execute(\"ALTER TABLE pets ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY\");",
						"op.execute(\"SELECT setval(pg_get_serial_sequence('pets', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM pets\");");
				assertThat(java.downgrade()).contains("op.execute(\"ALTER TABLE pets ALTER COLUMN id DROP IDENTITY\");");
			}
			case "h2" -> {
				assertThat(java.upgrade()).contains("op.execute(\"ALTER TABLE pets ALTER COLUMN id SET GENERATED BY DEFAULT\");",
						"op.execute(\"ALTER TABLE pets ALTER COLUMN id RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM pets)\");");
				assertThat(java.downgrade()).contains("op.execute(\"ALTER TABLE pets ALTER COLUMN id DROP IDENTITY\");");
			}
			default -> {
				assertThat(java.upgrade()).contains("op.execute(\"ALTER TABLE pets MODIFY id BIGINT NOT NULL AUTO_INCREMENT\");");
				assertThat(java.downgrade()).contains("op.execute(\"ALTER TABLE pets MODIFY id BIGINT NOT NULL\");");
			}
		}
		Migration revision = RoundTripContract.compile(dir, "Generated", java);
		run(db, revision, true);
		assertThat(compare(db, GENERATED, DriftExtras.FAIL).differences()).isEmpty();
		RoundTripContract.execute(db, "INSERT INTO pets (name) VALUES ('Tom')"); // above the existing 7
		SchemaDiff back = compare(db, PLAIN);
		assertThat(back.report()).singleElement().satisfies((l) -> assertThat(l)
			.matches("generated values of pets.id: (identity|autoincrement) in database, none in models"));
		run(db, revision, false);
		assertThat(compare(db, PLAIN, DriftExtras.FAIL).differences()).isEmpty();
		apply(db, back.downgradeOps());
		assertThat(compare(db, GENERATED, DriftExtras.FAIL).differences()).isEmpty();
		RoundTripContract.execute(db, "INSERT INTO pets (name) VALUES ('Max')");
		apply(db, back.upgradeOps());
		assertThat(compare(db, PLAIN, DriftExtras.FAIL).differences()).isEmpty();
		assertThatThrownBy(() -> RoundTripContract.execute(db, "INSERT INTO pets (name) VALUES ('Bob')"))
			.as("no longer generated").isInstanceOf(SQLException.class);
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

}
