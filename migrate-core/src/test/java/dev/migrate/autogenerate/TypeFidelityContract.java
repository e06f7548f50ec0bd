package dev.migrate.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migrate.operations.Ddl.check;
import static dev.migrate.operations.Ddl.column;
import static dev.migrate.schema.ColumnType.BIGINT;
import static dev.migrate.schema.ColumnType.JSONB;
import static dev.migrate.schema.ColumnType.SMALLINT;
import static dev.migrate.schema.ColumnType.TEXT;
import static dev.migrate.schema.ColumnType.UUID;
import static dev.migrate.schema.ColumnType.array;
import static dev.migrate.schema.ColumnType.enumOf;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dialect type fidelity (issue 19, item 3): enums (a column's own and, on PostgreSQL, enum types),
 * JSON/jsonb, UUID, arrays and Hibernate's generated enum checks, each created from the models,
 * compared with compare-type on (nothing left), changed once (exactly the expected operation) and
 * rendered as a Java revision that runs both ways. Each dialect's class says which kinds it has.
 */
abstract class TypeFidelityContract {

	abstract TestDatabase freshDatabase();

	abstract String dialectName();

	/** Whether the dialect has SQL arrays (PostgreSQL, H2). */
	abstract boolean arrays();

	/** Whether the dialect has enum types (PostgreSQL). */
	boolean enumTypes() {
		return false;
	}

	/** Columns only this dialect has (citext on PostgreSQL). */
	List<Column> extraColumns() {
		return List.of();
	}

	/** Statements run on a fresh database first (extensions). */
	List<String> setup() {
		return List.of();
	}

	/** Hibernate 7's own DDL for {@link #models()}'s table, where it differs from Migrate's. */
	abstract List<String> hibernateDdl();

	Dialect dialect() {
		return DialectResolver.byName(dialectName());
	}

	/** The table {@code things} as the JPA reader reads an entity with these attributes. */
	SchemaSnapshot models() {
		List<Object> elements = new ArrayList<>();
		elements.add(column("id", BIGINT).primaryKey());
		elements.add(column("status", enumOf(255, "HAPPY", "OK", "SAD")));
		elements.add(column("grade", SMALLINT));
		elements.add(column("token", UUID));
		elements.add(column("payload", JSONB));
		if (arrays()) {
			elements.add(column("tags", array(string(255))));
			elements.add(column("numbers", array(ColumnType.INTEGER)));
		}
		if (enumTypes()) {
			elements.add(column("mood", ColumnType.namedEnum("mood", "HAPPY", "OK", "SAD")));
		}
		elements.addAll(extraColumns());
		elements.add(check(null, "status in ('HAPPY','SAD','OK')"));
		elements.add(check(null, "grade between 0 and 2"));
		return new SchemaSnapshot(List.of(Table.of(null, "things", elements)));
	}

	TestDatabase prepared() throws SQLException {
		TestDatabase db = freshDatabase();
		for (String sql : setup()) {
			RoundTripContract.execute(db, sql);
		}
		return db;
	}

	@Test
	void createdFromTheModelsThenNothingToCompareAndTheRevisionRunsBothWays(@TempDir Path dir) throws Exception {
		TestDatabase db = prepared();
		SchemaDiff create = compare(db, models());
		RenderedRevision rendered = Autogenerate.renderJava(create);
		assertThat(rendered.upgrade()).contains("enumOf(255, \"HAPPY\", \"OK\", \"SAD\")").contains("JSONB")
			.contains("check(null, \"status in ('HAPPY','SAD','OK')\")");
		if (arrays()) {
			assertThat(rendered.upgrade()).contains("array(string(255))").contains("array(INTEGER)");
		}
		if (enumTypes()) {
			assertThat(rendered.upgrade()).contains("op.createEnumType(\"mood\", \"HAPPY\", \"OK\", \"SAD\");");
			assertThat(rendered.upgrade().indexOf("createEnumType")).isLessThan(rendered.upgrade().indexOf("createTable"));
			assertThat(rendered.downgrade()).contains("op.dropEnumType(\"mood\", \"HAPPY\", \"OK\", \"SAD\");");
			assertThat(rendered.downgrade().indexOf("dropTable")).isLessThan(rendered.downgrade().indexOf("dropEnumType"));
			assertThat(Autogenerate.renderSql(create, dialect()).upgrade())
				.contains("CREATE TYPE mood AS ENUM ('HAPPY', 'OK', 'SAD')");
		}
		Migration revision = RoundTripContract.compile(dir, "CreateThings", rendered);
		run(db, revision, true);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();
		run(db, revision, false);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEqualTo(create.report());
		// and once more, now that a downgrade dropped the enum type
		run(db, revision, true);
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();
	}

	@Test
	void hibernateBuiltTableHasNoDriftAndItsChecksAreNotExtras() throws SQLException {
		TestDatabase db = prepared();
		for (String sql : hibernateDdl()) {
			RoundTripContract.execute(db, sql);
		}
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();
		assertThat(compare(db, models(), DriftExtras.REPORT).extras()).isEmpty();
		// each check Hibernate created is one of the models' (read back as the database rewrote it)
		List<String> modelChecks = models().tables().get(0).checkConstraints().stream()
			.map((c) -> SchemaComparator.condition(c.condition())).toList();
		try (Connection c = db.connect()) {
			Table things = dialect().reflector().reflect(c, null).table("things").orElseThrow();
			// Hibernate's ordinal check, without MariaDB's json_valid(payload)
			assertThat(things.checkConstraints()).isNotEmpty();
			for (dev.migrate.schema.CheckConstraint ck : things.checkConstraints()) {
				assertThat(modelChecks).as(ck.condition()).contains(SchemaComparator.condition(ck.condition()));
			}
		}
	}

	/**
	 * Where unnamed checks are compared (PostgreSQL, MariaDB), each of Hibernate's checks (an enum's, of its values
	 * where the enum is a VARCHAR, of its ordinals everywhere) missing from a Hibernate-built table is reported
	 * (and added under a name the table does not have); the same labels in another order are the same check.
	 */
	@Test
	void aMissingEnumCheckIsReportedAndReorderedLabelsAreTheSame() throws SQLException {
		org.junit.jupiter.api.Assumptions.assumeTrue(dialect().comparesUnnamedChecks(), "unnamed checks not compared here");
		String ddl = String.join("\n", hibernateDdl());
		List<String> checks = java.util.stream.Stream
			.of(" check ((status in ('HAPPY','SAD','OK')))", " check ((grade between 0 and 2))")
			.filter(ddl::contains)
			.toList();
		assertThat(checks).contains(" check ((grade between 0 and 2))");
		for (String check : checks) {
			String column = check.substring(" check ((".length(), check.indexOf(' ', " check ((".length()));
			TestDatabase missing = prepared();
			for (String sql : hibernateDdl()) {
				RoundTripContract.execute(missing, sql.replace(check, ""));
			}
			SchemaDiff drift = compare(missing, models(), DriftExtras.FAIL);
			assertThat(drift.report()).singleElement().asString()
				.startsWith("added check constraint things_" + column + "_check on things (" + column + " ");
			apply(missing, drift.upgradeOps());
			assertThat(compare(missing, models(), DriftExtras.FAIL).report()).isEmpty();
		}

		TestDatabase reordered = prepared();
		for (String sql : hibernateDdl()) {
			RoundTripContract.execute(reordered, sql.replace("('HAPPY','SAD','OK')", "('OK','HAPPY','SAD')"));
		}
		assertThat(compare(reordered, models(), DriftExtras.FAIL).report()).isEmpty();
	}

	@Test
	void oneChangedTypeIsExactlyOneAlterColumn() throws SQLException {
		TestDatabase db = prepared();
		apply(db, compare(db, models()).upgradeOps());
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();

		// a new enum value
		SchemaSnapshot moreValues = replace(models(), "status", enumOf(255, "HAPPY", "OK", "SAD", "ANGRY"));
		SchemaDiff values = compare(db, moreValues, DriftExtras.FAIL);
		if (dialect().comparableType(enumOf(255, "A")).kind() == ColumnType.Kind.ENUM) {
			assertThat(values.report()).singleElement().asString().startsWith("type of things.status");
			assertThat(DriftContract.flatten(values.upgradeOps())).singleElement().isInstanceOf(AlterColumn.class);
			apply(db, values.upgradeOps());
			assertThat(compare(db, moreValues, DriftExtras.FAIL).report()).isEmpty();
			apply(db, values.downgradeOps());
		}
		else {
			assertThat(values.report()).as("a VARCHAR on this dialect: the values are its check's").isEmpty();
		}
		assertThat(compare(db, models(), DriftExtras.FAIL).report()).isEmpty();

		if (arrays()) {
			SchemaSnapshot textTags = replace(models(), "tags", array(TEXT));
			SchemaDiff tags = compare(db, textTags, DriftExtras.FAIL);
			assertThat(tags.report()).singleElement().asString().startsWith("type of things.tags");
			assertThat(DriftContract.flatten(tags.upgradeOps())).singleElement().isInstanceOf(AlterColumn.class);
			apply(db, tags.upgradeOps());
			assertThat(compare(db, textTags, DriftExtras.FAIL).report()).isEmpty();
		}
	}

	static SchemaSnapshot replace(SchemaSnapshot models, String column, ColumnType type) {
		Table t = models.tables().get(0);
		List<Object> elements = new ArrayList<>();
		for (Column c : t.columns()) {
			elements.add(c.name().equals(column) ? new Column(c.name(), type, c.nullable(), c.serverDefault(),
					c.isPrimaryKey(), c.isAutoincrement(), c.comment()) : c);
		}
		elements.addAll(t.checkConstraints());
		return new SchemaSnapshot(List.of(Table.of(null, t.name(), elements)));
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
