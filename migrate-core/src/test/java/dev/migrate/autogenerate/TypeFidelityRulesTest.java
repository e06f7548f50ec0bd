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
