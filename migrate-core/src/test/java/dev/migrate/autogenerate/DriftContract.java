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
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.CreatePrimaryKey;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.Operations;
import dev.migrate.runtime.OnlineMigrationContext;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.primaryKey;
import static dev.migrate.schema.ColumnType.BIGINT;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;

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

		SchemaDiff drift = compare(db, MODELS);
		assertThat(drift.report()).containsExactly(
				"added primary key vet_specialties_pkey on vet_specialties (vet_id, specialty_id)",
				"removed unique constraint uq_vet_specialties on vet_specialties (vet_id, specialty_id)");
		List<MigrateOperation> ops = flatten(drift.upgradeOps());
		assertThat(ops).hasSize(2);
		assertThat(ops.get(0)).as("the new key exists before the old constraint goes").isInstanceOf(CreatePrimaryKey.class);
		assertThat(ops.get(1)).isInstanceOf(DropConstraint.class);
		apply(db, drift.upgradeOps());
		assertThat(compare(db, MODELS).report()).isEmpty();
		apply(db, drift.downgradeOps());
		assertThat(compare(db, MODELS).report()).isEqualTo(drift.report());
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
		assertThat(rendered.upgrade()).contains(".dropConstraint(").contains(".createPrimaryKey(");
		if (!dialect().alterNeedsBatch()) {
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

	@Test
	void primaryKeyTheModelsDoNotDeclareIsReported() throws SQLException {
		TestDatabase db = freshDatabase();
		SchemaSnapshot noKey = new SchemaSnapshot(List.of(Table.of(null, "pets",
				List.of(column("id", BIGINT).notNull(), column("name", string(50)).notNull()))));
		RoundTripContract.execute(db, "CREATE TABLE pets (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(50) NOT NULL)");
		SchemaDiff drift = compare(db, noKey);
		assertThat(drift.report()).singleElement().satisfies((l) -> assertThat(l).startsWith("removed primary key ")
			.endsWith("on pets (id)"));
		assertThat(Autogenerate.renderJava(drift).upgrade()).contains("less uniqueness than the database had");
	}

	SchemaDiff compare(TestDatabase db, SchemaSnapshot models) {
		return Autogenerate.compare(db.dataSource(), null, null, models, CompareOptions.strict(), IGNORED);
	}

	void apply(TestDatabase db, List<MigrateOperation> operations) {
		try (Connection c = db.connect()) {
			Operations op = new Operations(new OnlineMigrationContext(c, dialect(), Map.of(), null));
			operations.forEach(op::invoke);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void run(TestDatabase db, Migration migration, boolean upgrade) throws SQLException {
		try (Connection c = db.connect()) {
			Operations op = new Operations(new OnlineMigrationContext(c, dialect(), Map.of(), null));
			if (upgrade) {
				migration.upgrade(op);
			}
			else {
				migration.downgrade(op);
			}
		}
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
