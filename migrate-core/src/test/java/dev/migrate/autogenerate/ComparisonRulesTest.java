package dev.migrate.autogenerate;

import java.util.List;
import java.util.Set;

import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.reflect.TypeNames;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.Index;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.Test;

import static dev.migrate.operations.Ddl.column;
import static dev.migrate.operations.Ddl.foreignKey;
import static dev.migrate.schema.ColumnType.BIGINT;
import static dev.migrate.schema.ColumnType.INTEGER;
import static dev.migrate.schema.ColumnType.numeric;
import static dev.migrate.schema.ColumnType.string;
import static org.assertj.core.api.Assertions.assertThat;

/** The equivalence tables of compare-type and compare-server-default, and the rendered Java, without a database. */
class ComparisonRulesTest {

	private static final Dialect PG = DialectResolver.byName("postgresql");

	private static final Dialect MYSQL = DialectResolver.byName("mysql");

	private static final Dialect SQLITE = DialectResolver.byName("sqlite");

	@Test
	void nativeTypeNamesMapToPortableTypes() {
		assertThat(TypeNames.parse("character varying(255)")).isEqualTo(string(255));
		assertThat(TypeNames.parse("VARCHAR(255)")).isEqualTo(string(255));
		assertThat(TypeNames.parse("numeric(10,2)")).isEqualTo(numeric(10, 2));
		assertThat(TypeNames.parse("DECIMAL(12, 2)")).isEqualTo(numeric(12, 2));
		assertThat(TypeNames.parse("timestamp(6) without time zone")).isEqualTo(ColumnType.TIMESTAMP);
		assertThat(TypeNames.parse("timestamp with time zone")).isEqualTo(ColumnType.TIMESTAMPTZ);
		assertThat(TypeNames.parse("int4")).isEqualTo(INTEGER);
		assertThat(TypeNames.parse("int(11)")).isEqualTo(INTEGER);
		assertThat(TypeNames.parse("bigint(20)")).isEqualTo(BIGINT);
		assertThat(TypeNames.parse("bigint(20) unsigned")).isEqualTo(ColumnType.raw("BIGINT UNSIGNED"));
		assertThat(TypeNames.parse("tinyint(1)")).isEqualTo(ColumnType.BOOLEAN);
		assertThat(TypeNames.parse("double precision")).isEqualTo(ColumnType.DOUBLE);
		assertThat(TypeNames.parse("bytea")).isEqualTo(ColumnType.BINARY);
		assertThat(TypeNames.parse("tsvector")).isEqualTo(ColumnType.raw("tsvector"));
	}

	@Test
	void typeEquivalence() {
		assertThat(TypeComparison.equivalent(string(255), TypeNames.parse("character varying(255)"), PG)).isTrue();
		assertThat(TypeComparison.equivalent(string(255), string(100), PG)).isFalse();
		assertThat(TypeComparison.equivalent(numeric(10, 2), numeric(12, 2), PG)).isFalse();
		assertThat(TypeComparison.equivalent(numeric(), numeric(12, 2), PG)).as("open precision").isTrue();
		assertThat(TypeComparison.equivalent(ColumnType.TIMESTAMP, ColumnType.TIMESTAMPTZ, PG)).isFalse();
		assertThat(TypeComparison.equivalent(ColumnType.TIMESTAMPTZ, ColumnType.TIMESTAMP, MYSQL))
			.as("MySQL has no zoned timestamp").isTrue();
		assertThat(TypeComparison.equivalent(ColumnType.binary(255), ColumnType.BINARY, PG)).as("bytea").isTrue();
		// MySQL: a UUID is Hibernate 7's BINARY(16) (MariaDB 10.7+: uuid); CHAR(36) is @JdbcTypeCode(SqlTypes.CHAR)'s
		assertThat(TypeComparison.equivalent(ColumnType.UUID, ColumnType.binary(16), MYSQL)).isTrue();
		assertThat(TypeComparison.equivalent(ColumnType.UUID, ColumnType.raw("CHAR(36)"), MYSQL)).isFalse();
		assertThat(TypeComparison.equivalent(ColumnType.raw("CHAR(36)"), string(36), MYSQL)).isTrue();
		assertThat(TypeComparison.equivalent(ColumnType.UUID, ColumnType.raw("CHAR(36)"),
				DialectResolver.byName("mysql", "uuid=char"))).isTrue();
		Dialect mariaDb = MYSQL.forServer(new dev.migrate.dialect.DatabaseServer("MariaDB", "10.11.19-MariaDB"));
		assertThat(TypeComparison.equivalent(ColumnType.UUID, ColumnType.UUID, mariaDb)).isTrue();
		assertThat(TypeComparison.equivalent(ColumnType.UUID, ColumnType.binary(16), mariaDb)).isFalse();
		assertThat(TypeComparison.equivalent(ColumnType.binary(16), ColumnType.binary(16), mariaDb)).isTrue();
		assertThat(TypeComparison.equivalent(BIGINT, INTEGER, SQLITE)).as("one INTEGER storage class").isTrue();
		assertThat(TypeComparison.equivalent(BIGINT, INTEGER, PG)).isFalse();
		assertThat(TypeComparison.equivalent(ColumnType.raw("varchar(20)"), string(20), PG)).isTrue();
	}

	@Test
	void mysqlDisplayWidthsGoUnsignedStaysAndTinyintOneIsBoolean() {
		assertThat(TypeNames.parse("int(11)")).isEqualTo(INTEGER);
		assertThat(TypeNames.parse("INT(4) UNSIGNED")).isEqualTo(ColumnType.raw("INT UNSIGNED"));
		assertThat(TypeNames.parse("int unsigned")).isEqualTo(ColumnType.raw("INT UNSIGNED"));
		assertThat(TypeNames.parse("int(10) unsigned zerofill")).isEqualTo(ColumnType.raw("INT UNSIGNED"));
		assertThat(TypeNames.parse("tinyint(3) unsigned")).isEqualTo(ColumnType.raw("TINYINT UNSIGNED"));
		assertThat(TypeNames.parse("tinyint(1)")).isEqualTo(ColumnType.BOOLEAN);
		assertThat(TypeNames.parse("tinyint(4)")).isEqualTo(ColumnType.SMALLINT);
		assertThat(TypeNames.parse("decimal(10,2) unsigned")).as("only integers keep unsigned").isEqualTo(numeric(10, 2));

		assertThat(TypeComparison.equivalent(INTEGER, TypeNames.parse("int(11)"), MYSQL)).isTrue();
		assertThat(TypeComparison.equivalent(ColumnType.BOOLEAN, TypeNames.parse("tinyint(1)"), MYSQL)).isTrue();
		assertThat(TypeComparison.equivalent(INTEGER, TypeNames.parse("int(4) unsigned"), MYSQL)).isFalse();
		assertThat(TypeComparison.equivalent(BIGINT, TypeNames.parse("bigint(20) unsigned"), MYSQL)).isFalse();
		assertThat(TypeComparison.equivalent(ColumnType.raw("int unsigned"), TypeNames.parse("int(10) unsigned"), MYSQL))
			.isTrue();
		// other dialects: an INT UNSIGNED declared on SQLite is an integer like any other
		assertThat(TypeComparison.equivalent(INTEGER, TypeNames.parse("INT UNSIGNED"), SQLITE)).isTrue();

		// with compare-type on, reported; without, not
		Table model = Table.of(null, "t", List.of(column("id", BIGINT).primaryKey(), column("n", INTEGER)));
		Table db = Table.of(null, "t", List.of(new Column("id", ColumnType.BIGINT, false, null, true, false, null),
				new Column("n", TypeNames.parse("int(4) unsigned"), true, null, false, false, null)));
		SchemaDiff diff = Autogenerate.compare(new SchemaSnapshot(List.of(model)), new SchemaSnapshot(List.of(db)), MYSQL,
				CompareOptions.strict(), Set.of());
		assertThat(diff.report()).containsExactly("type of t.n: INT UNSIGNED in database, INTEGER in models");
		assertThat(Autogenerate.compare(new SchemaSnapshot(List.of(model)), new SchemaSnapshot(List.of(db)), MYSQL,
				new CompareOptions(false, true, Set.of(), Set.of()), Set.of()).report()).isEmpty();
	}

	@Test
	void serverDefaultEquivalence() {
		assertThat(DefaultComparison.equivalent("'active'", "'active'::character varying", string(20))).isTrue();
		assertThat(DefaultComparison.equivalent("'active'", "'pending'::character varying", string(20))).isFalse();
		assertThat(DefaultComparison.equivalent("now()", "CURRENT_TIMESTAMP", ColumnType.TIMESTAMP)).isTrue();
		assertThat(DefaultComparison.equivalent("CURRENT_TIMESTAMP", "current_timestamp()", ColumnType.TIMESTAMP)).isTrue();
		assertThat(DefaultComparison.equivalent("0", "(0)", INTEGER)).isTrue();
		assertThat(DefaultComparison.equivalent("0", "'0'::numeric", numeric(10, 2))).isTrue();
		assertThat(DefaultComparison.equivalent("0", "0.00", numeric(10, 2))).isTrue();
		assertThat(DefaultComparison.equivalent("true", "1", ColumnType.BOOLEAN)).isTrue();
		assertThat(DefaultComparison.equivalent(null, "NULL", string(20))).isTrue();
		assertThat(DefaultComparison.equivalent("'It''s'", "'It''s'::text", ColumnType.TEXT)).isTrue();
		assertThat(DefaultComparison.equivalent("'ACTIVE'", "'active'", string(20))).as("literals keep case").isFalse();
		assertThat(DefaultComparison.equivalent(null, "0", INTEGER)).isFalse();
	}

	@Test
	void anUnreachableDatabaseIsAOneLineError() {
		javax.sql.DataSource broken = new dev.migrate.command.JdbcUrlDataSource("jdbc:h2:mem:missing;IFEXISTS=TRUE");
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> Autogenerate.compare(broken, null, null, new SchemaSnapshot(List.of()),
					CompareOptions.defaults(), Set.of()))
			.isInstanceOf(dev.migrate.MigrateException.class)
			.hasMessageStartingWith("Could not read the database schema to compare with the models: ")
			.hasMessageNotContaining("\n");
	}

	@Test
	void versionAndLockTablesAreNeverReported() {
		SchemaSnapshot database = new SchemaSnapshot(List.of(
				Table.of(null, "migrate_version", List.of(column("version_num", string(32)).primaryKey())),
				Table.of(null, "migrate_version_lock", List.of(column("lock_id", INTEGER).primaryKey()))));
		SchemaDiff diff = Autogenerate.compare(new SchemaSnapshot(List.of()), database, SQLITE, CompareOptions.strict(),
				Set.of("migrate_version"));
		assertThat(diff.isEmpty()).isTrue();
		assertThat(diff.notDetected()).anyMatch((l) -> l.contains("renamed"));
	}

	@Test
	void tablesThatReferToEachOtherGetTheirCyclicKeyAfterBothExist() throws Exception {
		SchemaSnapshot models = new SchemaSnapshot(List.of(
				Table.of(null, "companies", List.of(column("id", INTEGER).primaryKey(), column("owner_id", INTEGER),
						foreignKey("owner_id", "users", "id"))),
				Table.of(null, "users", List.of(column("id", INTEGER).primaryKey(), column("company_id", INTEGER),
						foreignKey("company_id", "companies", "id")))));
		dev.migrate.testing.TestDatabases.TestDatabase db = dev.migrate.testing.TestDatabases.freshH2();
		Dialect h2 = DialectResolver.byName("h2");
		SchemaDiff diff = Autogenerate.compare(db.dataSource(), h2, null, models, CompareOptions.strict(), Set.of());
		assertThat(diff.upgradeOps()).extracting((op) -> op.getClass().getSimpleName())
			.containsExactly("CreateTable", "CreateTable", "CreateForeignKey");
		try (java.sql.Connection c = db.connect()) {
			dev.migrate.operations.Operations op = new dev.migrate.operations.Operations(
					new dev.migrate.runtime.OnlineMigrationContext(c, h2, java.util.Map.of(), null));
			diff.upgradeOps().forEach(op::invoke);
			assertThat(Autogenerate.compare(db.dataSource(), h2, null, models, CompareOptions.strict(), Set.of()).report())
				.isEmpty();
			diff.downgradeOps().forEach(op::invoke);
		}
		assertThat(Autogenerate.compare(db.dataSource(), h2, null, models, CompareOptions.strict(), Set.of()).report())
			.containsExactly("added table users", "added table companies",
					"added foreign key fk_users_company_id_companies on users (company_id) -> companies (id)");
	}

	@Test
	void renamesAreADropAndAnAddAndTheJavaSaysSo() {
		SchemaSnapshot models = new SchemaSnapshot(List.of(Table.of(null, "users",
				List.of(column("id", BIGINT).primaryKey(), column("full_name", string(100))))));
		SchemaSnapshot database = new SchemaSnapshot(List.of(Table.of(null, "users",
				List.of(column("id", BIGINT).primaryKey(), column("name", string(100))))));
		SchemaDiff diff = Autogenerate.compare(models, database, PG, CompareOptions.strict(), Set.of());
		assertThat(diff.report()).containsExactly("added column users.full_name VARCHAR(100)",
				"removed column users.name VARCHAR(100)");
	}

	@Test
	void rendersReviewableJava() {
		Table companies = Table.of(null, "companies", List.of(column("id", INTEGER).primaryKey().autoincrement(),
				column("name", string(100)).notNull()));
		Table users = Table.of(null, "users",
				List.of(column("id", BIGINT).primaryKey(), column("company_id", INTEGER).notNull(),
						column("status", string(20)).notNull().serverDefault("'active'"),
						foreignKey("company_id", "companies", "id"),
						Index.of("ix_users_status", "users", List.of("status"))));
		Table oldUsers = Table.of(null, "users", List.of(column("id", BIGINT).primaryKey(),
				column("company_id", INTEGER).notNull(), column("status", string(10)).notNull()));
		SchemaDiff diff = Autogenerate.compare(new SchemaSnapshot(List.of(companies, users)),
				new SchemaSnapshot(List.of(oldUsers)), PG, CompareOptions.strict(), Set.of());
		Autogenerate.RenderedRevision java = Autogenerate.renderJava(diff);
		assertThat(java.imports()).containsExactly("java.util.List", "static dev.migrate.operations.Ddl.*",
				"static dev.migrate.schema.ColumnType.*");
		assertThat(java.upgrade()).isEqualTo("""
				\t\t// ### commands auto generated by Migrate - please adjust! ###
				\t\top.createTable("companies",
				\t\t\t\tcolumn("id", INTEGER).primaryKey().autoincrement(),
				\t\t\t\tcolumn("name", string(100)).notNull());
				\t\top.alterColumn("users", "status", (c) -> c.type(string(20)).serverDefault("'active'").existingType(string(10)).existingNullable(false));
				\t\top.createIndex("ix_users_status", "users", List.of("status"), false);
				\t\top.createForeignKey("fk_users_company_id_companies", "users", "companies", List.of("company_id"), List.of("id"));
				\t\t// ### end Migrate commands ###
				""");
		assertThat(java.downgrade()).isEqualTo("""
				\t\t// ### commands auto generated by Migrate - please adjust! ###
				\t\top.dropConstraint("fk_users_company_id_companies", "users", "foreignkey");
				\t\top.dropIndex("ix_users_status", "users");
				\t\top.alterColumn("users", "status", (c) -> c.type(string(10)).dropDefault().existingType(string(20)).existingNullable(false).existingServerDefault("'active'"));
				\t\top.dropTable("companies");
				\t\t// ### end Migrate commands ###
				""");
		assertThat(diff.report()).containsExactly("added table companies",
				"type of users.status: VARCHAR(10) in database, VARCHAR(20) in models",
				"server default of users.status: none in database, 'active' in models",
				"added index ix_users_status on users (status)",
				"added foreign key fk_users_company_id_companies on users (company_id) -> companies (id)");
	}

	@Test
	void renderedSqlIsWhatOfflineModePrints() {
		Table models = Table.of(null, "t", List.of(Column.of("id", INTEGER).primaryKey(), Column.of("name", string(20)),
				new Index("ix_t_name", "t", List.of("name"), false, null, false)));
		SchemaDiff diff = Autogenerate.compare(new SchemaSnapshot(List.of(models)), new SchemaSnapshot(List.of()), PG,
				CompareOptions.strict(), Set.of());
		Autogenerate.RenderedRevision sql = Autogenerate.renderSql(diff, PG);
		assertThat(sql.upgrade()).isEqualTo("""
				CREATE TABLE t (
				    id INTEGER NOT NULL,
				    name VARCHAR(20),
				    PRIMARY KEY (id)
				);

				CREATE INDEX ix_t_name ON t (name);

				""");
		assertThat(sql.downgrade()).isEqualTo("DROP TABLE t;\n\n");
		assertThat(sql.imports()).isEmpty();
	}

	@Test
	void primaryKeyChangesRenderAsOfflineSqlPerDialect() {
		SchemaSnapshot models = new SchemaSnapshot(List.of(Table.of(null, "vs", List.of(column("a", BIGINT).notNull(),
				column("b", BIGINT).notNull(), dev.migrate.operations.Ddl.primaryKey("a", "b")))));
		SchemaSnapshot mysqlDb = new SchemaSnapshot(List.of(Table.of(null, "vs", List.of(column("a", BIGINT).primaryKey(),
				column("b", BIGINT).notNull()))));
		SchemaDiff mysql = Autogenerate.compare(models, mysqlDb, MYSQL, CompareOptions.strict(), Set.of());
		assertThat(mysql.report()).containsExactly("primary key of vs: (a) in database, (a, b) in models");
		// one statement on MySQL: checked as a whole, so a key holding an AUTO_INCREMENT column can change,
		// and the table is never without a key
		assertThat(Autogenerate.renderSql(mysql, MYSQL).upgrade())
			.isEqualTo("ALTER TABLE vs DROP PRIMARY KEY, ADD PRIMARY KEY (a, b);\n\n");
		assertThat(Autogenerate.renderSql(mysql, MYSQL).downgrade())
			.isEqualTo("ALTER TABLE vs DROP PRIMARY KEY, ADD PRIMARY KEY (a);\n\n");
		assertThat(Autogenerate.renderJava(mysql).upgrade())
			.contains("op.execute(\"ALTER TABLE vs DROP PRIMARY KEY, ADD PRIMARY KEY (a, b)\");")
			.doesNotContain("has none between these two statements");
		SchemaSnapshot pgDb = new SchemaSnapshot(List.of(Table.of(null, "vs", List.of(column("a", BIGINT).notNull(),
				column("b", BIGINT).notNull(), dev.migrate.operations.Ddl.primaryKeyNamed("vs_pkey", "b", "a")))));
		SchemaDiff pg = Autogenerate.compare(models, pgDb, PG, CompareOptions.strict(), Set.of());
		assertThat(Autogenerate.renderSql(pg, PG).upgrade()).isEqualTo(
				"ALTER TABLE vs DROP CONSTRAINT vs_pkey;\n\nALTER TABLE vs ADD CONSTRAINT vs_pkey PRIMARY KEY (a, b);\n\n");
		assertThat(Autogenerate.renderJava(pg).upgrade()).doesNotContain("// note");
	}

}
