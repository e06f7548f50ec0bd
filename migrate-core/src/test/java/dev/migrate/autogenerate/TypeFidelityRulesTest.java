package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.model.Models;
import dev.migrate.operations.CreateEnumType;
import dev.migrate.operations.DropEnumType;
import dev.migrate.reflect.TypeNames;
import dev.migrate.runtime.OfflineMigrationContext;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.JSON;
import static dev.migrate.schema.ColumnType.JSONB;
import static dev.migrate.schema.ColumnType.TEXT;
import static dev.migrate.schema.ColumnType.array;
import static dev.migrate.schema.ColumnType.enumOf;
import static dev.migrate.schema.ColumnType.namedEnum;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Arrays, jsonb, enums and enum types: read from catalogs, written per dialect, compared (no database). */
class TypeFidelityRulesTest {

	static Dialect dialect(String name) {
		return DialectResolver.byName(name);
	}

	@Test
	void catalogTypeNamesAreRead() {
		assertThat(TypeNames.parse("text[]")).isEqualTo(array(TEXT));
		assertThat(TypeNames.parse("character varying(255)[]")).isEqualTo(array(string(255)));
		assertThat(TypeNames.parse("integer[][]")).isEqualTo(array(INTEGER));
		assertThat(TypeNames.parse("varchar(255) array")).isEqualTo(array(string(255)));
		assertThat(TypeNames.parse("jsonb")).isEqualTo(JSONB);
		assertThat(TypeNames.parse("json")).isEqualTo(JSON);
		assertThat(TypeNames.parse("enum('HAPPY','O''K','SAD')")).isEqualTo(enumOf("HAPPY", "O'K", "SAD"));
		assertThat(TypeNames.parse("ENUM ('A', 'B')")).isEqualTo(enumOf("A", "B"));
		// MySQL's SET and PostgreSQL's citext stay as written
		assertThat(TypeNames.parse("set('a','b')")).isEqualTo(ColumnType.raw("set('a','b')"));
		assertThat(TypeNames.parse("citext")).isEqualTo(ColumnType.raw("citext"));
		assertThat(TypeNames.parse("tsvector[]")).isEqualTo(ColumnType.raw("tsvector[]"));
	}

	@Test
	void eachDialectWritesTheTypesAsHibernate7Does() {
		Dialect pg = dialect("postgresql");
		assertThat(pg.typeSql(array(string(255)))).isEqualTo("VARCHAR(255)[]");
		assertThat(pg.typeSql(array(INTEGER))).isEqualTo("INTEGER[]");
		assertThat(pg.typeSql(JSONB)).isEqualTo("JSONB");
		assertThat(pg.typeSql(JSON)).isEqualTo("JSON");
		assertThat(pg.typeSql(enumOf(20, "A", "B"))).isEqualTo("VARCHAR(20)");
		assertThat(pg.typeSql(namedEnum("mood", "A", "B"))).isEqualTo("mood");
		Dialect h2 = dialect("h2");
		assertThat(h2.typeSql(array(string(255)))).isEqualTo("VARCHAR(255) ARRAY");
		assertThat(h2.typeSql(enumOf(20, "A", "O'K"))).isEqualTo("ENUM('A', 'O''K')");
		assertThat(h2.typeSql(JSONB)).isEqualTo("JSON");
		Dialect mysql = dialect("mysql");
		assertThat(mysql.typeSql(enumOf(255, "A", "B"))).isEqualTo("ENUM('A', 'B')");
		assertThat(mysql.typeSql(JSONB)).isEqualTo("JSON");
		assertThat(mysql.typeSql(array(INTEGER))).isEqualTo("JSON");
		assertThat(dialect("sqlite").typeSql(enumOf(20, "A"))).isEqualTo("VARCHAR(20)");
		for (String name : List.of("h2", "mysql", "sqlite")) {
			assertThatThrownBy(() -> dialect(name).typeSql(namedEnum("mood", "A")))
				.isInstanceOf(UnsupportedOperationOnDialectException.class)
				.hasMessageContaining("Enum type 'mood' (namedEnum) exists only on PostgreSQL");
		}
		assertThatThrownBy(() -> dialect("sqlite").typeSql(array(INTEGER)))
			.isInstanceOf(UnsupportedOperationOnDialectException.class);
	}

	@Test
	void enumTypesAreCreatedOnPostgresqlAndRefusedElsewhere() {
		CreateEnumType create = new CreateEnumType(null, "mood", List.of("HAPPY", "O'K"));
		assertThat(dialect("postgresql").render(create, new OfflineMigrationContext(new StringBuilder(), dialect("postgresql"), java.util.Map.of(), null)))
			.containsExactly("CREATE TYPE mood AS ENUM ('HAPPY', 'O''K')");
		assertThat(dialect("postgresql").render(create.reverse(), new OfflineMigrationContext(new StringBuilder(), dialect("postgresql"), java.util.Map.of(), null)))
			.containsExactly("DROP TYPE mood");
		assertThat(create.reverse().reverse()).isEqualTo(create);
		assertThatThrownBy(() -> new DropEnumType(null, "mood", List.of()).reverse())
			.isInstanceOf(dev.migrate.operations.IrreversibleOperationException.class);
		for (String name : List.of("h2", "mysql", "sqlite")) {
			assertThatThrownBy(() -> dialect(name).render(create, new OfflineMigrationContext(new StringBuilder(), dialect(name), java.util.Map.of(), null)))
				.isInstanceOf(UnsupportedOperationOnDialectException.class)
				.hasMessageContaining("exist only on PostgreSQL");
		}
	}

	@Test
	void compareTypeTellsTheseTypesApart() {
		Dialect pg = dialect("postgresql");
		assertThat(TypeComparison.equivalent(JSONB, JSON, pg)).isFalse();
		assertThat(TypeComparison.equivalent(JSONB, JSON, dialect("h2"))).isTrue();
		assertThat(TypeComparison.equivalent(JSONB, TypeNames.parse("longtext"), dialect("mysql"))).isTrue();
		assertThat(TypeComparison.equivalent(enumOf(255, "A", "B"), string(255), pg)).isTrue();
		assertThat(TypeComparison.equivalent(enumOf(255, "A", "B"), string(20), pg)).isFalse();
		Dialect mysql = dialect("mysql");
		assertThat(TypeComparison.equivalent(enumOf(255, "A", "B"), enumOf("B", "A"), mysql)).isTrue();
		assertThat(TypeComparison.equivalent(enumOf(255, "A", "B"), enumOf("A", "B", "C"), mysql)).isFalse();
		assertThat(TypeComparison.equivalent(enumOf(255, "A"), string(255), mysql)).isFalse();
		assertThat(TypeComparison.equivalent(array(string(255)), TypeNames.parse("character varying(255)[]"), pg)).isTrue();
		assertThat(TypeComparison.equivalent(array(string(255)), TypeNames.parse("text[]"), pg)).isFalse();
		assertThat(TypeComparison.equivalent(namedEnum("mood", "A"), namedEnum("MOOD", "A"), pg)).isTrue();
		assertThat(TypeComparison.equivalent(namedEnum("mood", "A"), namedEnum("feeling", "A"), pg)).isFalse();
		assertThat(TypeComparison.equivalent(ColumnType.raw("citext"), TypeNames.parse("citext"), pg)).isTrue();
		assertThat(TypeComparison.equivalent(ColumnType.raw("citext"), TypeNames.parse("text"), pg)).isFalse();
	}

	@Test
	void hibernateChecksAsPostgresqlRewritesThemMatchTheModels() {
		assertThat(SchemaComparator.condition(
				"((status)::text = ANY ((ARRAY['HAPPY'::character varying, 'SAD'::character varying])::text[]))"))
			.isEqualTo(SchemaComparator.condition("status in ('HAPPY','SAD')"));
		assertThat(SchemaComparator.condition("((grade >= 0) AND (grade <= 2))"))
			.isEqualTo(SchemaComparator.condition("grade between 0 and 2"));
		assertThat(SchemaComparator.condition("((grade >= 0) AND (other <= 2))"))
			.isNotEqualTo(SchemaComparator.condition("grade between 0 and 2"));
	}

	@Test
	void hibernateChecksAsMariaDbAndMySqlKeepThemMatchTheModels() {
		assertThat(SchemaComparator.condition("`s2` in ('B','A')")).isEqualTo(SchemaComparator.condition("s2 in ('A','B')"));
		assertThat(SchemaComparator.condition("`grade` between 0 and 2"))
			.isEqualTo(SchemaComparator.condition("grade between 0 and 2"));
		assertThat(SchemaComparator.condition("`score` >= -5")).isEqualTo(SchemaComparator.condition("score>=-5"));
		// MySQL 8's CHECK_CLAUSE as the reflector reads it (MySqlRenderingTest)
		String mysql = "(`status` in ('OPEN','CLOSED'))";
		assertThat(SchemaComparator.condition(mysql)).isEqualTo(SchemaComparator.condition("status in ('CLOSED','OPEN')"));
	}

	@Test
	void hibernateChecksAsH2KeepsThemMatchTheModels() {
		assertThat(SchemaComparator.condition("\"S3\" IN('HAPPY', 'OK', 'SAD')"))
			.isEqualTo(SchemaComparator.condition("s3 in ('SAD','HAPPY','OK')"));
		assertThat(SchemaComparator.condition("\"D\" > CAST(0 AS NUMERIC(1))")).isEqualTo(SchemaComparator.condition("d > 0"));
		assertThat(SchemaComparator.condition("\"D\" >= CAST(-2.5 AS NUMERIC(2, 1))"))
			.isEqualTo(SchemaComparator.condition("d>=-2.5"));
		assertThat(SchemaComparator.conjuncts("(\"AGE\" <= 130)\n       AND (\"AGE\" >= 18)"))
			.containsExactly("age<=130", "age>=18");
	}

	@Test
	void oneCheckOfAColumnsJoinedChecksIsTheirs() {
		// Hibernate 7 writes @Min(18) @Max(130) of a column as one check
		assertThat(SchemaComparator.conjuncts("((age<=130) and (age>=18))")).containsExactly("age<=130", "age>=18");
		assertThat(SchemaComparator.conjuncts("`age` <= 130 and `age` >= 18")).containsExactly("age<=130", "age>=18");
		assertThat(SchemaComparator.conjuncts("((age <= 130) AND (age >= 18))")).containsExactly("age<=130", "age>=18");
		assertThat(SchemaComparator.conjuncts("grade between 0 and 2 and x > 1")).containsExactly("grade<=2", "grade>=0",
				"x>1");
		assertThat(SchemaComparator.conjuncts("brand = 'a and b'")).hasSize(1);
		assertThat(SchemaComparator.sameCondition("((grade >= 0) AND (grade <= 2))", "grade between 0 and 2")).isTrue();
		Table model = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("age", INTEGER),
				dev.migrate.operations.Ddl.check(null, "age>=18"), dev.migrate.operations.Ddl.check(null, "age<=130")));
		Table db = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("age", INTEGER),
				dev.migrate.operations.Ddl.check("age", "`age` <= 130 and `age` >= 18")));
		SchemaDiff diff = Autogenerate.compare(new SchemaSnapshot(List.of(model)), new SchemaSnapshot(List.of(db)),
				dialect("mysql"), CompareOptions.strict().withDriftExtras(DriftExtras.FAIL), java.util.Set.of());
		assertThat(diff.report()).isEmpty();
		Table half = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("age", INTEGER),
				dev.migrate.operations.Ddl.check("age", "`age` >= 18")));
		assertThat(Autogenerate.compare(new SchemaSnapshot(List.of(model)), new SchemaSnapshot(List.of(half)),
				dialect("mysql"), CompareOptions.strict().withDriftExtras(DriftExtras.FAIL), java.util.Set.of()).report())
			.containsExactly("added check constraint m_age_check on m (age<=130)");
	}

	@Test
	void checksOfADatabaseWhoseChecksAreNotKnownAreNotCompared() {
		Table model = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("age", INTEGER),
				dev.migrate.operations.Ddl.check(null, "age>=18"), dev.migrate.operations.Ddl.check("ck_m", "age<=130")));
		Table db = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("age", INTEGER)));
		assertThat(Autogenerate.compare(new SchemaSnapshot(List.of(model)), new SchemaSnapshot(List.of(db)),
				dialect("mysql"), CompareOptions.strict(), java.util.Set.of()).report()).hasSize(2);
		assertThat(Autogenerate.compare(new SchemaSnapshot(List.of(model)),
				new SchemaSnapshot(List.of(db)).withChecksUnknown(), dialect("mysql"), CompareOptions.strict(),
				java.util.Set.of()).report()).isEmpty();
	}

	@Test
	void theModelsEnumCheckIsNotMissedWhereTheEnumIsAColumnType() {
		Table model = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("status", enumOf(255, "A", "B")),
				dev.migrate.operations.Ddl.check(null, "status in ('A','B')")));
		Table db = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("status", enumOf("A", "B"))));
		assertThat(Autogenerate.compare(new SchemaSnapshot(List.of(model)), new SchemaSnapshot(List.of(db)),
				dialect("mysql"), CompareOptions.strict(), java.util.Set.of()).report()).isEmpty();
		Table pgDb = Table.of(null, "m", List.of(dev.migrate.operations.Ddl.column("status", string(255))));
		assertThat(Autogenerate.compare(new SchemaSnapshot(List.of(model)), new SchemaSnapshot(List.of(pgDb)),
				dialect("postgresql"), CompareOptions.strict(), java.util.Set.of()).report())
			.containsExactly("added check constraint m_status_check on m (status in ('A','B'))");
	}

	@Entity
	static class Tagged {

		@Id
		Long id;

		String[] tags;

		Integer[] numbers;

		byte[] data;

	}

	@Test
	void basicArraysOfEntitiesAreSqlArrays() {
		Table t = Models.fromClasses(List.of(Tagged.class)).tables().get(0);
		assertThat(t.column("tags").orElseThrow().type()).isEqualTo(array(string(255)));
		assertThat(t.column("numbers").orElseThrow().type()).isEqualTo(array(INTEGER));
		assertThat(t.column("data").orElseThrow().type()).isEqualTo(ColumnType.binary(255));
	}

}
