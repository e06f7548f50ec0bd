package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.ConfigurationException;
import dev.migrate.command.Status;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.runtime.MigrationFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link MigrateFailureAnalyzer} tells a person, by exception type. */
class MigrateFailureAnalyzerTests {

	private final MigrateFailureAnalyzer analyzer = new MigrateFailureAnalyzer();

	private FailureAnalysis analyze(Exception cause) {
		return this.analyzer.analyze(new BeanCreationException("migrateInitializer", "Init failed", cause));
	}

	@Test
	void driftListsEveryDifferenceAndHowToCloseTheGap() {
		FailureAnalysis analysis = analyze(
				new MigrateDriftException("migrator", List.of("add column customers.email", "add table invoices")));
		assertThat(analysis.getDescription()).contains("The database of 'migrator' differs")
			.contains("- add column customers.email")
			.contains("- add table invoices");
		assertThat(analysis.getAction()).contains("migrate revision --autogenerate").contains("migrate.drift");
	}

	@Test
	void notAtHeadInValidateModeGivesTheUpgradeCommand() {
		FailureAnalysis analysis = analyze(new DatabaseNotAtHeadException("migrator",
				new Status(List.of("000000000001"), List.of("000000000002"), List.of("000000000002"), List.of())));
		assertThat(analysis.getDescription()).contains("'migrator' is not at head")
			.contains("current: 000000000001")
			.contains("pending: 000000000002");
		assertThat(analysis.getAction()).contains("migrate upgrade head");
	}

	@Test
	void databaseAheadOfTheCodeNamesTheUnknownRevisions() {
		FailureAnalysis analysis = analyze(new DatabaseNotAtHeadException("migrator",
				new Status(List.of("000000000003"), List.of("000000000002"), List.of(), List.of("000000000003"))));
		assertThat(analysis.getDescription()).contains("the database is ahead): 000000000003");
		assertThat(analysis.getAction()).contains("Deploy the build that contains revision(s) 000000000003");
	}

	@Test
	void severalHeadsInValidateModeSuggestMergeOrHeadsNotUpgradeHead() {
		FailureAnalysis analysis = analyze(new DatabaseNotAtHeadException("migrator", new Status(List.of("0000000000b1"),
				List.of("0000000000b1", "0000000000b2"), List.of("0000000000b2"), List.of())));
		assertThat(analysis.getAction()).contains("`migrate heads` lists them")
			.contains("`migrate merge heads -m \"merge heads\"`")
			.doesNotContain("Run `migrate upgrade head`");
	}

	@Test
	void anEditedAppliedRevisionNamesItsFileAndRepair() {
		FailureAnalysis analysis = analyze(new dev.migrate.runtime.ChecksumMismatchException(List.of(
				new dev.migrate.runtime.ChecksumReport.Changed("0000000000c1", "classpath:db/migrations/0000000000c1_x.sql",
						"sql2:aa", "sql2:bb"))));
		assertThat(analysis.getDescription())
			.contains("- 0000000000c1 (classpath:db/migrations/0000000000c1_x.sql): checksum recorded sql2:aa, now sql2:bb");
		assertThat(analysis.getAction()).contains("`migrate repair`").contains("migrate.validate-checksums=false");
	}

	@Test
	void aDatabaseAheadInUpgradeModeSaysANewerVersionMigratedIt() {
		FailureAnalysis analysis = analyze(new dev.migrate.command.DatabaseAheadException(List.of("0000000000ff"),
				List.of("0000000000c1")));
		assertThat(analysis.getDescription()).contains("migrated by a newer version of the application");
		assertThat(analysis.getAction()).contains("Deploy the newer version").contains("`migrate downgrade 0000000000c1`");
	}

	@Test
	void theWhyLineIsTheReasonAlone() {
		FailureAnalysis analysis = analyze(new MigrationFailedException(
				"Revision 000000000002 (x.sql) failed on upgrade: boom; statement: SELECT 1; version table left at base",
				"boom", "000000000002", "x.sql", "SELECT 1", true, List.of(), false, null));
		assertThat(analysis.getDescription()).contains("    why: boom" + System.lineSeparator())
			.containsOnlyOnce("failed on upgrade");
	}

	@Test
	void severalHeadsExplainHowToMerge() {
		FailureAnalysis analysis = analyze(new MultipleHeadsException(List.of("0000000000b1", "0000000000b2"), "head"));
		assertThat(analysis.getDescription()).contains("several heads (0000000000b1, 0000000000b2)")
			.contains("target 'head'");
		assertThat(analysis.getAction()).contains("migrate merge heads -m").contains("migrate.target=heads");
	}

	@Test
	void failedRevisionNamesTheRevisionTheStatementAndWhy() {
		FailureAnalysis analysis = analyze(new MigrationFailedException("relation \"no_such_table\" does not exist",
				"000000000002", "db/failing/000000000002_broken.sql", "INSERT INTO no_such_table (id) VALUES (1)", true,
				List.of("000000000001"), false, null));
		assertThat(analysis.getDescription()).contains("Revision 000000000002 (db/failing/000000000002_broken.sql)")
			.contains("why: relation \"no_such_table\" does not exist")
			.contains("statement: INSERT INTO no_such_table")
			.contains("left at: 000000000001");
		assertThat(analysis.getAction()).contains("rolled back").contains("db/failing/000000000002_broken.sql");
	}

	@Test
	void halfAppliedRevisionExplainsHowToRecover() {
		FailureAnalysis analysis = analyze(new MigrationFailedException("boom", "000000000002", "x.sql", null, true,
				List.of("000000000001"), true, null));
		assertThat(analysis.getAction()).contains("half-applied").contains("migrate stamp 000000000002");
	}

	@Test
	void lockTimeoutPointsAtTheLockTimeoutProperty() {
		FailureAnalysis analysis = analyze(new LockTimeoutException("Timed out after 5m waiting for the lock"));
		assertThat(analysis.getAction()).contains("migrate.lock-timeout");
	}

	@Test
	void configurationErrorRepeatsTheMessageNamingTheProperty() {
		FailureAnalysis analysis = analyze(
				new ConfigurationException("Revision location 'classpath:x' does not exist (migrate.locations)"));
		assertThat(analysis.getDescription()).contains("(migrate.locations)");
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

}
