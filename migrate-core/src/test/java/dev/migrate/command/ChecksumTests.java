package dev.migrate.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrate.runtime.ChecksumMismatchException;
import dev.migrate.runtime.ChecksumReport;
import dev.migrate.runtime.MigrationRunner;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checksums of applied revisions on every dialect: recorded with each applied revision in
 * {@code migrate_version_checksums} (the version table keeps its one column), an edited applied
 * SQL or Java revision stops the next upgrade before anything runs, {@code repair} accepts it, and
 * a database migrated before checksums existed gets them without complaint.
 */
class ChecksumTests {

	private static final String JAVA_V1 = "classpath:dev/migrate/testrevs/checksum/v1";

	private static final String JAVA_V2 = "classpath:dev/migrate/testrevs/checksum/v2";

	@TempDir
	Path dir;

	static Stream<Arguments> databases() {
		Stream.Builder<Arguments> b = Stream.builder();
		b.add(Arguments.of("h2"));
		b.add(Arguments.of("sqlite"));
		b.add(Arguments.of("postgresql"));
		if (TestDatabases.mariaDbAvailable()) {
			b.add(Arguments.of("mariadb"));
		}
		return b.build();
	}

	private static DataSource fresh(String db) {
		return switch (db) {
			case "h2" -> TestDatabases.freshH2().dataSource();
			case "sqlite" -> TestDatabases.freshSqlite().dataSource();
			case "postgresql" -> TestDatabases.freshPostgres().dataSource();
			default -> TestDatabases.freshMariaDb().dataSource();
		};
	}

	private Migrator migrator(DataSource ds, String java) {
		return migrator(ds, java, true);
	}

	private Migrator migrator(DataSource ds, String java, boolean validate) {
		return Migrator.create(MigrateConfig.builder().dataSource(ds).locations(java, this.dir.toString())
			.validateChecksums(validate).build());
	}

	private Path sql(String id, String down, String upgrade) throws IOException {
		return Files.writeString(this.dir.resolve(id + "_rev.sql"), "-- revision: " + id + "\n-- down_revision: " + down
				+ "\n-- message: " + id + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\nSELECT 1;\n");
	}

	private void twoSqlRevisions() throws IOException {
		sql("cs1", "cj2", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(40));");
		sql("cs2", "cs1", "INSERT INTO notes (id, body) VALUES (1, 'hello');");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void eachAppliedRevisionGetsAChecksumBesideTheUnchangedVersionTable(String db) throws IOException {
		DataSource ds = fresh(db);
		twoSqlRevisions();
		migrator(ds, JAVA_V1).upgrade("head");
		assertThat(DbState.query(ds, "SELECT revision FROM migrate_version_checksums ORDER BY revision"))
			.containsExactly("cj1", "cs1", "cs2");
		assertThat(DbState.query(ds, "SELECT checksum FROM migrate_version_checksums WHERE revision = 'cs1'").get(0))
			.startsWith("sql2:").hasSize(5 + 16);
		assertThat(DbState.query(ds, "SELECT checksum FROM migrate_version_checksums WHERE revision = 'cj1'").get(0))
			.startsWith("java2:");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("cs2");
		assertThat(columns(ds, "migrate_version")).containsExactly("version_num");
		ChecksumReport report = migrator(ds, JAVA_V1).checksums();
		assertThat(report.changed()).isEmpty();
		assertThat(report.unrecorded()).isEmpty();
		// cj2 inserts a random value: its operations differ on every run, so it has no checksum
		assertThat(report.notChecksummed()).containsExactly("cj2");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anEditedAppliedSqlRevisionStopsTheUpgradeUntilRepaired(String db) throws IOException {
		DataSource ds = fresh(db);
		sql("cs1", "cj2", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(40));");
		migrator(ds, JAVA_V1).upgrade("head");
		Path file = sql("cs1", "cj2", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200));");
		sql("cs2", "cs1", "INSERT INTO notes (id, body) VALUES (1, 'hello');");

		ChecksumReport report = migrator(ds, JAVA_V1).checksums();
		assertThat(report.changed()).extracting(ChecksumReport.Changed::revision).containsExactly("cs1");
		assertThat(report.changed().get(0).source()).isEqualTo(file.toString());
		assertThatThrownBy(() -> migrator(ds, JAVA_V1).upgrade("head")).isInstanceOf(ChecksumMismatchException.class)
			.hasMessage("Applied revision cs1 (" + file + ") was changed after it was applied (its checksum differs from"
					+ " the one recorded); nothing was run. Restore it and put the change in a new revision, or accept"
					+ " the edit deliberately with 'migrate repair'");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("cs1");

		MigrationRunner.Repair repair = migrator(ds, JAVA_V1).repair();
		assertThat(repair.accepted()).extracting(ChecksumReport.Changed::revision).containsExactly("cs1");
		assertThat(repair.recorded()).isEmpty();
		assertThat(migrator(ds, JAVA_V1).checksums().changed()).isEmpty();
		assertThat(migrator(ds, JAVA_V1).repair().nothingChanged()).isTrue();
		migrator(ds, JAVA_V1).upgrade("head");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("cs2");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void validateChecksumsOffStillUpgradesAndKeepsTheRecordedChecksum(String db) throws IOException {
		DataSource ds = fresh(db);
		sql("cs1", "cj2", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(40));");
		migrator(ds, JAVA_V1).upgrade("head");
		String before = DbState.query(ds, "SELECT checksum FROM migrate_version_checksums WHERE revision = 'cs1'").get(0);
		sql("cs1", "cj2", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200));");
		sql("cs2", "cs1", "INSERT INTO notes (id, body) VALUES (1, 'hello');");
		migrator(ds, JAVA_V1, false).upgrade("head");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("cs2");
		assertThat(DbState.query(ds, "SELECT checksum FROM migrate_version_checksums WHERE revision = 'cs1'"))
			.containsExactly(before);
		assertThat(migrator(ds, JAVA_V1).checksums().changed()).extracting(ChecksumReport.Changed::revision)
			.containsExactly("cs1");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void lineEndingsAndTrailingWhitespaceAreNotChanges(String db) throws IOException {
		DataSource ds = fresh(db);
		sql("cs1", "cj2", "CREATE TABLE notes (\n  id INTEGER PRIMARY KEY,\n  body VARCHAR(40)\n);");
		migrator(ds, JAVA_V1).upgrade("head");
		sql("cs1", "cj2", "\r\nCREATE TABLE notes (   \r\n  id INTEGER PRIMARY KEY,\t\r\n  body VARCHAR(40)\r\n);\r\n\r\n");
		assertThat(migrator(ds, JAVA_V1).checksums().changed()).isEmpty();
		// the header and the downgrade are not what the database holds
		Files.writeString(this.dir.resolve("cs1_rev.sql"), "-- revision: cs1\n-- down_revision: cj2\n-- message: renamed\n\n"
				+ "-- migrate:upgrade\nCREATE TABLE notes (\n  id INTEGER PRIMARY KEY,\n  body VARCHAR(40)\n);\n\n"
				+ "-- migrate:downgrade\nDROP TABLE notes;\n");
		assertThat(migrator(ds, JAVA_V1).checksums().changed()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void anEditedAppliedJavaRevisionIsReportedByItsClass(String db) throws IOException {
		DataSource ds = fresh(db);
		migrator(ds, JAVA_V1).upgrade("head");
		ChecksumReport report = migrator(ds, JAVA_V2).checksums();
		assertThat(report.changed()).extracting(ChecksumReport.Changed::describe)
			.containsExactly("cj1 (dev.migrate.testrevs.checksum.v2.J1Items)");
		assertThatThrownBy(() -> migrator(ds, JAVA_V2).upgrade("head")).isInstanceOf(ChecksumMismatchException.class)
			.hasMessageContaining("Applied revision cj1 (dev.migrate.testrevs.checksum.v2.J1Items) was changed");
		assertThat(migrator(ds, JAVA_V2).repair().accepted()).hasSize(1);
		assertThat(migrator(ds, JAVA_V2).checksums().changed()).isEmpty();
		assertThat(migrator(ds, JAVA_V1).checksums().changed()).hasSize(1);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aDatabaseMigratedBeforeChecksumsGetsThemOnTheNextRunWithoutComplaint(String db) throws IOException {
		DataSource ds = fresh(db);
		twoSqlRevisions();
		migrator(ds, JAVA_V1).upgrade("head");
		DbState.execute(ds, "DROP TABLE migrate_version_checksums");
		// edited before the checksums existed: nothing to compare with, so it is the baseline
		sql("cs1", "cj2", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200));");
		ChecksumReport report = migrator(ds, JAVA_V1).checksums();
		assertThat(report.changed()).isEmpty();
		assertThat(report.unrecorded()).containsOnlyKeys("cj1", "cs1", "cs2");
		assertThat(DbState.exists(ds, "migrate_version_checksums")).isFalse();

		MigrationResult result = migrator(ds, JAVA_V1).upgrade("head");
		assertThat(result.steps()).isEmpty();
		assertThat(DbState.query(ds, "SELECT revision FROM migrate_version_checksums ORDER BY revision"))
			.containsExactly("cj1", "cs1", "cs2");
		assertThat(migrator(ds, JAVA_V1).checksums().unrecorded()).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("databases")
	void checksumsOfTheFirstRuleAreReplacedSilentlyByTheNextRun(String db) throws IOException {
		DataSource ds = fresh(db);
		twoSqlRevisions();
		migrator(ds, JAVA_V1).upgrade("head");
		// as a release with the SHA-256 rule (sql1:/java1:) left them
		DbState.execute(ds, "UPDATE migrate_version_checksums SET checksum = 'sql1:" + "ab".repeat(32)
				+ "' WHERE revision LIKE 'cs%'");
		DbState.execute(ds, "UPDATE migrate_version_checksums SET checksum = 'java1:" + "cd".repeat(32)
				+ "' WHERE revision = 'cj1'");
		ChecksumReport report = migrator(ds, JAVA_V1).checksums();
		assertThat(report.changed()).isEmpty();
		assertThat(report.unrecorded()).containsOnlyKeys("cj1", "cs1", "cs2");

		assertThat(migrator(ds, JAVA_V1).upgrade("head").steps()).isEmpty();
		assertThat(DbState.query(ds, "SELECT checksum FROM migrate_version_checksums ORDER BY revision"))
			.allMatch((c) -> c.startsWith("sql2:") || c.startsWith("java2:"));
		assertThat(migrator(ds, JAVA_V1).checksums().unrecorded()).isEmpty();
		// and from then on an edit is reported again
		sql("cs2", "cs1", "INSERT INTO notes (id, body) VALUES (2, 'edited');");
		assertThat(migrator(ds, JAVA_V1).checksums().changed()).extracting(ChecksumReport.Changed::revision)
			.containsExactly("cs2");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void aDowngradedRevisionForgetsItsChecksumAndARerunRecordsTheNewOne(String db) throws IOException {
		DataSource ds = fresh(db);
		twoSqlRevisions();
		migrator(ds, JAVA_V1).upgrade("head");
		migrator(ds, JAVA_V1).downgrade("cs1");
		assertThat(DbState.query(ds, "SELECT revision FROM migrate_version_checksums ORDER BY revision"))
			.containsExactly("cj1", "cs1");
		sql("cs2", "cs1", "INSERT INTO notes (id, body) VALUES (2, 'changed before it was applied again');");
		migrator(ds, JAVA_V1).upgrade("head");
		assertThat(migrator(ds, JAVA_V1).checksums().changed()).isEmpty();
		// stamping back records nothing new and forgets what is no longer applied
		migrator(ds, JAVA_V1).stamp(List.of("cj2"), false);
		assertThat(DbState.query(ds, "SELECT revision FROM migrate_version_checksums ORDER BY revision"))
			.containsExactly("cj1");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theChecksumTableIsNeverReportedAsDriftNorAsAnUnversionedSchema(String db) throws IOException {
		DataSource ds = fresh(db);
		twoSqlRevisions();
		migrator(ds, JAVA_V1).upgrade("head");
		// no models: the application's tables are the database's only (extras); the checksum table is neither
		dev.migrate.autogenerate.SchemaDiff diff = dev.migrate.autogenerate.Autogenerate
			.compare(ds, null, null, new dev.migrate.schema.SchemaSnapshot(List.of()),
					new dev.migrate.autogenerate.CompareOptions(false, false, java.util.Set.of(), java.util.Set.of()),
					java.util.Set.of("migrate_version"));
		assertThat(diff.report()).noneMatch((line) -> line.toLowerCase(java.util.Locale.ROOT).contains("checksums"));
		assertThat(diff.extras()).isNotEmpty().noneMatch((line) -> line.toLowerCase(java.util.Locale.ROOT).contains("checksums"));
		// only Migrate's tables left: an upgrade from base is not refused as an unversioned schema
		DbState.execute(ds, "DROP TABLE migrate_version");
		DbState.execute(ds, "DROP TABLE items");
		DbState.execute(ds, "DROP TABLE notes");
		migrator(ds, JAVA_V1).upgrade("head");
		assertThat(DbState.query(ds, "SELECT version_num FROM migrate_version")).containsExactly("cs2");
	}

	private static List<String> columns(DataSource ds, String table) {
		try (var c = ds.getConnection()) {
			for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
				List<String> cols = new java.util.ArrayList<>();
				try (var rs = c.getMetaData().getColumns(c.getCatalog(), null, name, null)) {
					while (rs.next()) {
						cols.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
					}
				}
				if (!cols.isEmpty()) {
					return cols;
				}
			}
			return List.of();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
