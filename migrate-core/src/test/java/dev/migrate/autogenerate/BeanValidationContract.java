package dev.migrate.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.autogenerate.validation.Member;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.model.Models;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bean Validation constraints as Hibernate 7 applies them to the DDL (issue 19, item 2): read from
 * the models (a provider is on this class path), created, compared with compare-type on (nothing
 * left, the database's rewritten checks match Hibernate's {@code c>=v}), enforced by the database,
 * and rendered as a Java revision that runs both ways.
 */
abstract class BeanValidationContract {

	abstract TestDatabase freshDatabase();

	abstract String dialectName();

	Dialect dialect() {
		return DialectResolver.byName(dialectName());
	}

	/** The statement that drops the check {@code name} of {@code members}, or null where there is none (SQLite). */
	String dropCheckSql(String name) {
		return "ALTER TABLE members DROP CONSTRAINT " + name;
	}

	static SchemaSnapshot models() {
		return Models.fromClasses(List.of(Member.class));
	}

	@Test
	void theModelsHaveHibernatesChecksLengthsAndPrecision() {
		Table members = models().table("members").orElseThrow();
		assertThat(members.checkConstraints()).extracting(CheckConstraint::condition)
			.containsExactlyInAnyOrder("age>=18", "age<=130", "score>=-5", "score<=5");
		assertThat(members.column("name").orElseThrow().type().toString()).isEqualTo("VARCHAR(40)");
		assertThat(members.column("code").orElseThrow().type().toString()).isEqualTo("VARCHAR(12)");
		assertThat(members.column("amount").orElseThrow().type().toString()).isEqualTo("NUMERIC(7, 2)");
	}

	@Test
	void createdFromTheModelsThenNothingToCompareAndTheChecksHold(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		SchemaDiff create = compare(db, models(), DriftExtras.FAIL);
		RenderedRevision rendered = Autogenerate.renderJava(create);
		assertThat(rendered.upgrade()).contains("check(null, \"age>=18\")").contains("check(null, \"score>=-5\")");
		assertThat(Autogenerate.renderSql(create, dialect()).upgrade()).contains("CHECK (age<=130)");
		Migration revision = RoundTripContract.compile(dir, "CreateMembers", rendered);
		run(db, revision, true);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();
		assertThat(compare(db, models(), DriftExtras.REPORT).extras()).isEmpty();
		// each check the database has is one of the models' (read back as the database rewrote it)
		List<String> modelChecks = models().tables().get(0).checkConstraints().stream()
			.map((ck) -> SchemaComparator.condition(ck.condition())).toList();
		try (Connection c = db.connect()) {
			Table members = dialect().reflector().reflect(c, null).table("members").orElseThrow();
			assertThat(members.checkConstraints()).hasSize(4);
			for (CheckConstraint ck : members.checkConstraints()) {
				assertThat(modelChecks).as(ck.condition()).contains(SchemaComparator.condition(ck.condition()));
			}
		}
		try (Connection c = db.connect(); Statement st = c.createStatement()) {
			st.execute("INSERT INTO members (id, age, score, name, code, amount) VALUES (1, 18, -5, 'a', 'b', 12345.67)");
			assertThatThrownBy(() -> st.execute("INSERT INTO members (id, age, score) VALUES (2, 17, 0)"))
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> st.execute("INSERT INTO members (id, age, score) VALUES (3, 20, 6)"))
				.isInstanceOf(SQLException.class);
			st.execute("DELETE FROM members");
		}
		run(db, revision, false);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEqualTo(create.report());
	}

	/**
	 * A table without Hibernate's checks: where the dialect compares unnamed checks (PostgreSQL) each
	 * missing one is reported and added under the name the database would give it, and then nothing
	 * is left; elsewhere an unnamed check that matches none is not reported (the database may spell
	 * it in a way the comparison does not read back), and so not added.
	 */
	@Test
	void aTableWithoutTheChecksGetsThemWhereUnnamedChecksAreCompared(@TempDir Path dir) throws Exception {
		TestDatabase db = freshDatabase();
		try (Connection c = db.connect(); Statement st = c.createStatement()) {
			st.execute("CREATE TABLE members (id BIGINT NOT NULL PRIMARY KEY, age INTEGER, score INTEGER NOT NULL,"
					+ " name VARCHAR(40), code VARCHAR(12), amount NUMERIC(7, 2), rank INTEGER)");
		}
		SchemaDiff drift = compare(db, models(), DriftExtras.FAIL);
		if (!dialect().comparesUnnamedChecks()) {
			assertThat(drift.report()).isEmpty();
			return;
		}
		assertThat(drift.report()).containsExactlyInAnyOrder("added check constraint members_age_check on members (age>=18)",
				"added check constraint members_age_check1 on members (age<=130)",
				"added check constraint members_score_check on members (score>=-5)",
				"added check constraint members_score_check1 on members (score<=5)");
		Migration revision = RoundTripContract.compile(dir, "AddChecks", Autogenerate.renderJava(drift));
		run(db, revision, true);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();
		try (Connection c = db.connect(); Statement st = c.createStatement()) {
			assertThatThrownBy(() -> st.execute("INSERT INTO members (id, age, score) VALUES (1, 17, 0)"))
				.isInstanceOf(SQLException.class);
		}
		run(db, revision, false);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEqualTo(drift.report());
		// one of them dropped by hand: exactly that one, under a name the table does not have yet
		run(db, revision, true);
		if (dropCheckSql("members_age_check") == null) {
			return;
		}
		try (Connection c = db.connect(); Statement st = c.createStatement()) {
			st.execute(dropCheckSql("members_age_check"));
		}
		assertThat(compare(db, models(), DriftExtras.FAIL).report())
			.containsExactly("added check constraint members_age_check on members (age>=18)");
	}

	/** Hibernate 7.2's DDL for {@link Member} (the same on PostgreSQL, H2 and MariaDB): a column's checks joined in one. */
	static final String HIBERNATE_DDL = "create table members (age integer check ((age<=130) and (age>=18)),"
			+ " amount numeric(7,2), rank integer, score integer not null check ((score>=-5) and (score<=5)),"
			+ " id bigint not null, code varchar(12), name varchar(40), primary key (id))";

	/**
	 * A table as Hibernate creates it, each column's {@code @Min}/{@code @Max} in one check: nothing to report,
	 * no extras; without one of those checks, where unnamed checks are compared, exactly its two parts are added.
	 */
	@Test
	void aHibernateBuiltTableWithAColumnsChecksInOneHasNoDrift() throws SQLException {
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, HIBERNATE_DDL);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();
		assertThat(compare(db, models(), DriftExtras.REPORT).extras()).isEmpty();

		TestDatabase missing = freshDatabase();
		RoundTripContract.execute(missing, HIBERNATE_DDL.replace(" check ((age<=130) and (age>=18))", ""));
		SchemaDiff drift = compare(missing, models(), DriftExtras.FAIL);
		if (!dialect().comparesUnnamedChecks()) {
			assertThat(drift.report()).isEmpty();
			return;
		}
		assertThat(drift.report()).containsExactlyInAnyOrder("added check constraint members_age_check on members (age>=18)",
				"added check constraint members_age_check1 on members (age<=130)");
		apply(missing, drift.upgradeOps());
		assertThat(compare(missing, models(), DriftExtras.FAIL).report()).isEmpty();
	}

	/**
	 * One check changed (the database has {@code age>=16} where the models have {@code age>=18}): the models' is
	 * added, the database's is an extra (dropped with {@code drift-extras: fail}); SQLite's unnamed checks have no
	 * name to drop them by and are left.
	 */
	@Test
	void aChangedCheckIsTheModelsAddedAndTheDatabasesAnExtra() throws SQLException {
		TestDatabase db = freshDatabase();
		RoundTripContract.execute(db, "CREATE TABLE members (id BIGINT NOT NULL PRIMARY KEY, age INTEGER, score INTEGER"
				+ " NOT NULL, name VARCHAR(40), code VARCHAR(12), amount NUMERIC(7, 2), rank INTEGER, CHECK (age>=16),"
				+ " CHECK (age<=130), CHECK (score>=-5), CHECK (score<=5))");
		SchemaDiff drift = compare(db, models(), DriftExtras.REPORT);
		// under a name the table does not have (PostgreSQL's members_age_check and ..._check1 are the database's)
		assertThat(drift.report()).singleElement().asString().startsWith("added check constraint members_age_check")
			.endsWith(" on members (age>=18)");
		boolean named = !dialectName().equals("sqlite");
		if (named) {
			assertThat(drift.extras()).singleElement().asString().startsWith("check constraint ").contains("16")
				.endsWith(" in the database only");
		}
		else {
			assertThat(drift.extras()).isEmpty();
		}
		apply(db, compare(db, models(), DriftExtras.FAIL).upgradeOps());
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();
		try (Connection c = db.connect(); Statement st = c.createStatement()) {
			st.execute("INSERT INTO members (id, age, score) VALUES (1, 18, 0)");
			assertThatThrownBy(() -> st.execute("INSERT INTO members (id, age, score) VALUES (2, 17, 0)"))
				.isInstanceOf(SQLException.class);
		}
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
