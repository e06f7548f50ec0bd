package dev.migrate.command;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.testing.AbstractDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Offline ({@code --sql}) output: markers, revision SQL and version-table statements, without a connection. */
class OfflineSqlTests {

	/** Fails the test if anything tries to connect. */
	static final class NoConnectionDataSource extends AbstractDataSource {

		@Override
		public Connection getConnection() {
			throw new AssertionError("offline mode opened a connection");
		}

		@Override
		public Connection getConnection(String username, String password) {
			throw new AssertionError("offline mode opened a connection");
		}

	}

	private static Migrator migrator(String dialect, boolean perMigration) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(new NoConnectionDataSource())
			.dialect(DialectResolver.byName(dialect))
			.locations(AbstractBranchedGraphRunnerTests.BRANCHED)
			.transactionPerMigration(perMigration)
			.build());
	}

	@Test
	void upgradeFromBaseCreatesTheVersionTableAndMarksEachStep() {
		StringBuilder out = new StringBuilder();
		migrator("postgresql", true).upgradeSql("d1", out);
		assertThat(out.toString()).isEqualTo("""
				BEGIN;

				CREATE TABLE migrate_version (
				    version_num VARCHAR(32) NOT NULL, \n\
				    CONSTRAINT migrate_version_pkc PRIMARY KEY (version_num)
				);

				-- Running upgrade  -> a0

				CREATE TABLE t_a0 (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(40) DEFAULT 'it''s; fine');

				INSERT INTO migrate_version (version_num) VALUES ('a0');

				COMMIT;

				BEGIN;

				-- Running upgrade a0 -> b0

				CREATE TABLE t_b0 (id INTEGER NOT NULL PRIMARY KEY);

				UPDATE migrate_version SET version_num='b0' WHERE version_num = 'a0';

				COMMIT;

				BEGIN;

				-- Running upgrade b0 -> c1

				/* a block comment; with a semicolon */
				CREATE TABLE t_c1 (id INTEGER NOT NULL PRIMARY KEY);

				-- a line comment; with a semicolon
				INSERT INTO t_a0 (id, note) VALUES (1, 'semi;colon');

				UPDATE migrate_version SET version_num='c1' WHERE version_num = 'b0';

				COMMIT;

				BEGIN;

				-- Running upgrade c1 -> d1

				CREATE TABLE t_d1 (id INTEGER NOT NULL PRIMARY KEY);

				UPDATE migrate_version SET version_num='d1' WHERE version_num = 'c1';

				COMMIT;

				""");
	}

	@Test
	void rangeUpgradeThroughTheMergeStartsFromTheGivenRevision() {
		StringBuilder out = new StringBuilder();
		migrator("postgresql", false).upgradeSql("d1:head", out);
		String sql = out.toString();
		assertThat(sql).doesNotContain("CREATE TABLE migrate_version").startsWith("BEGIN;\n\n").endsWith("COMMIT;\n\n");
		assertThat(sql.split("BEGIN;", -1)).hasSize(2);
		assertThat(sql).contains("-- Running upgrade d1, d2 -> e0\n\n")
			.contains("-- Running upgrade e0 -> f0\n\n")
			.contains("-- Running upgrade b0 -> c2\n\n")
			.contains("INSERT INTO migrate_version (version_num) VALUES ('c2');")
			.contains("UPDATE migrate_version SET version_num='d2' WHERE version_num = 'c2';")
			.contains("DELETE FROM migrate_version WHERE version_num = ")
			.contains("UPDATE migrate_version SET version_num='f0' WHERE version_num = 'e0';");
	}

	@Test
	void downgradeToBaseMarksEveryStepWithAlembicSpacing() {
		StringBuilder out = new StringBuilder();
		migrator("mysql", true).downgradeSql("d1:base", out);
		String sql = out.toString();
		assertThat(sql).doesNotContain("BEGIN").doesNotContain("CREATE TABLE migrate_version");
		assertThat(sql).contains("-- Running downgrade d1 -> c1\n\nDROP TABLE t_d1;\n\nUPDATE migrate_version SET version_num='c1' WHERE version_num = 'd1';")
			.contains("-- Running downgrade a0 -> \n\nDROP TABLE t_a0;\n\nDELETE FROM migrate_version WHERE version_num = 'a0';");
	}

	@Test
	void stampWritesOnlyVersionStatements() {
		StringBuilder out = new StringBuilder();
		migrator("h2", true).stampSql(List.of("c1"), false, out);
		assertThat(out.toString()).contains("CREATE TABLE migrate_version")
			.contains("-- Running stamp_revision  -> c1\n\nINSERT INTO migrate_version (version_num) VALUES ('c1');")
			.doesNotContain("t_a0");
	}

	@Test
	void offlineErrors() {
		Migrator migrator = migrator("postgresql", true);
		StringBuilder out = new StringBuilder();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.downgradeSql("base", out))
			.withMessage("downgrade with --sql requires <fromrev>:<torev>");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator.stampSql(List.of("c1"), true, out))
			.withMessage("Can't use --purge with --sql mode");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator.stampSql(List.of("a0:c1", "b0:d1"), false, out))
			.withMessage("Stamp operation with --sql only supports a single starting revision at a time");
		Migrator noDialect = Migrator.create(MigrateConfig.builder().locations(AbstractBranchedGraphRunnerTests.BRANCHED).build());
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> noDialect.upgradeSql("head", out))
			.withMessage("Offline (--sql) mode needs a dialect (dialect): it does not connect to the database");
		assertThat(out).isEmpty();
	}

}
