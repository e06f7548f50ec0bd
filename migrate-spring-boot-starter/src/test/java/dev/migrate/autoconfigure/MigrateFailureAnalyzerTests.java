package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.ConfigurationException;
import dev.migrate.command.Status;
import dev.migrate.runtime.LockTimeoutException;
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
