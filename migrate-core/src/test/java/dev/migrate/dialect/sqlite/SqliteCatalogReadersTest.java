package dev.migrate.dialect.sqlite;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch mode's {@link SqliteTableReader} and the autogenerate {@link SqliteReflector} read constraint
 * names and partial index conditions from the stored SQL the same way ({@link SqlParsing}).
 */
class SqliteCatalogReadersTest {

	@Test
	void bothReadersFindTheSameNamesAndIndexConditions() throws Exception {
		try (Connection c = TestDatabases.freshSqlite().connect(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE owners (id INTEGER PRIMARY KEY)");
			s.execute("""
					CREATE TABLE "Pets" (id INTEGER PRIMARY KEY, "Owner Id" INTEGER, tag TEXT, kind TEXT,
					  CONSTRAINT "fk pets, owner" FOREIGN KEY ("OWNER ID") REFERENCES owners (id),
					  CONSTRAINT [uq_pets_tag] UNIQUE (TAG, kind))""");
			s.execute("CREATE INDEX \"ix where\" ON \"Pets\" (kind)");
			s.execute("CREATE INDEX ix_pets_tagged ON \"Pets\" (tag) WHERE (tag IS NOT NULL) AND kind IN ('a', 'b')");

			Table batch = new SqliteTableReader(new SqliteDialect(), c, null).read("Pets");
			Table reflected = new SqliteReflector().reflect(c, null).table("Pets").orElseThrow();
			for (Table t : List.of(batch, reflected)) {
				assertThat(t.foreignKeys()).extracting(ForeignKey::name).containsExactly("fk pets, owner");
				assertThat(t.uniqueConstraints()).extracting(UniqueConstraint::name).containsExactly("uq_pets_tag");
				assertThat(t.indexes()).extracting(Index::name, Index::where)
					.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ix where", null),
							org.assertj.core.groups.Tuple.tuple("ix_pets_tagged", "(tag IS NOT NULL) AND kind IN ('a', 'b')"));
			}
		}
	}

	@Test
	void indexConditionIsWhatFollowsTheColumnList() {
		assertThat(SqlParsing.indexWhere("CREATE INDEX ix ON t (a) WHERE a > 1")).isEqualTo("a > 1");
		assertThat(SqlParsing.indexWhere("CREATE INDEX \"where\" ON t ((a + 1)) where (b)")).isEqualTo("(b)");
		assertThat(SqlParsing.indexWhere("CREATE INDEX \"a where b\" ON t (\"where)\")")).isNull();
	}

}
