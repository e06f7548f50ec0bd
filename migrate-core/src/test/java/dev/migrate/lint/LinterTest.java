package dev.migrate.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.postgresql.PostgresDialect;
import dev.migrate.script.LintFixtures;
import dev.migrate.script.MigrationScript;

import static org.assertj.core.api.Assertions.assertThat;

/** What the linter reports besides the rules: lines, files, suppression, disabled rules, deployments. */
class LinterTest {

	private static final PostgresDialect PG = new PostgresDialect();

	@Test
	void findingNamesRevisionFileLineWhyAndFix() {
		LintReport report = LintHarness.sql(PG, "-- a comment\nALTER TABLE orders ADD COLUMN paid BOOLEAN;\n\n"
				+ "/* block\n comment */\nCREATE INDEX ix_orders_name\n    ON orders (name);", true, null);
		assertThat(report.findings()).hasSize(1);
		Finding f = report.findings().get(0);
		assertThat(f.rule()).isEqualTo("pg-index-not-concurrent");
		assertThat(f.severity()).isEqualTo(Severity.ERROR);
		assertThat(f.revision()).isEqualTo("r2");
		assertThat(f.file()).isEqualTo("db/lint/r2_case.sql");
		// header: 3 lines; upgrade section starts on line 4: comment 4, ALTER 5, blank 6, block 7-8, CREATE 9
		assertThat(f.line()).isEqualTo(9);
		assertThat(f.problem()).contains("orders").contains("CONCURRENTLY");
		assertThat(f.describe()).contains("why: ").contains("instead: CREATE INDEX CONCURRENTLY")
			.contains("-- migrate:allow pg-index-not-concurrent");
		assertThat(report.hasErrors()).isTrue();
		assertThat(report.summary()).isEqualTo("1 error, 0 warnings in 1 revision (0 suppressed)");
	}

	@Test
	void allowCommentOnTheLineBeforeSuppressesThatStatementOnlyWithItsReason() {
		LintReport report = LintHarness.sql(PG, """
				-- migrate:allow pg-index-not-concurrent orders has 200 rows, the lock lasts milliseconds
				CREATE INDEX ix_orders_name ON orders (name);
				CREATE INDEX ix_orders_status ON orders (status);
				""", true, null);
		assertThat(report.findings()).extracting(Finding::line).containsExactly(6);
		assertThat(report.suppressed()).hasSize(1);
		assertThat(report.suppressed().get(0).line()).isEqualTo(5);
		assertThat(report.suppressed().get(0).suppressedBy()).contains("orders has 200 rows");
	}

	@Test
	void allowNamesSeveralRulesAndOthersStillFire() {
		LintReport report = LintHarness.sql(PG, """
				-- migrate:allow pg-set-not-null,pg-lock-table backfilled and checked in r1
				LOCK TABLE orders;
				-- migrate:allow pg-set-not-null
				ALTER TABLE orders ALTER COLUMN name SET NOT NULL, ALTER COLUMN customer_id TYPE BIGINT;
				""", true, null);
		assertThat(LintHarness.rules(report)).containsExactly("pg-column-type-rewrite");
		assertThat(report.suppressed()).extracting(Finding::rule).containsExactly("pg-lock-table", "pg-set-not-null");
	}

	@Test
	void opAllowSuppressesTheNextJavaOperationOnly() {
		LintReport report = LintHarness.java(PG, (op) -> {
			op.allow("pg-index-not-concurrent").createIndex("ix_a", "orders", "name");
			op.createIndex("ix_b", "orders", "status");
		}, true, null);
		assertThat(report.findings()).hasSize(1);
		assertThat(report.findings().get(0).statement()).contains("ix_b");
		assertThat(report.suppressed()).extracting(Finding::suppressedBy)
			.containsExactly("op.allow(\"pg-index-not-concurrent\")");
	}

	@Test
	void javaFindingsPointAtTheOperationCallInTheRevisionSource() {
		LintReport report = LintHarness.java(PG, (op) -> op.createIndex("ix_a", "orders", "name"), true, null);
		Finding f = report.findings().get(0);
		assertThat(f.revision()).isEqualTo("j2");
		assertThat(f.file()).isEqualTo("dev/migrate/lint/JavaCase.java");
		// the lambda lives in JavaCase's caller here, so the line is the upgrade's body.accept(op)
		assertThat(f.line()).isGreaterThan(0);
		assertThat(f.statement()).isEqualTo("CREATE INDEX ix_a ON orders (name)");
	}

	@Test
	void disabledRulesAreNotReported() {
		MigrationScript base = LintFixtures.sql("r1", LintHarness.BASE);
		MigrationScript rev = LintFixtures.sql("r2",
				"-- revision: r2\n-- down_revision: r1\n-- migrate:upgrade\nCREATE INDEX ix ON orders (name);\nLOCK TABLE orders;\n");
		LintReport report = new Linter(PG, null, Set.of("pg-index-not-concurrent"), Map.of(), null)
			.lint(List.of(base, rev), List.of("r2"), false, "r2");
		assertThat(LintHarness.rules(report)).containsExactly("pg-lock-table");
		assertThat(report.hasErrors()).isFalse();
		assertThat(report.warningCount()).isEqualTo(1);
	}

	@Test
	void tablesOfEarlierRevisionsAreNewOnlyWithinOneDeployment() {
		MigrationScript base = LintFixtures.sql("r1", LintHarness.BASE);
		MigrationScript rev = LintFixtures.sql("r2",
				"-- revision: r2\n-- down_revision: r1\n-- migrate:upgrade\nCREATE INDEX ix ON orders (name);\n");
		Linter linter = new Linter(PG, null, Set.of(), Map.of(), null);
		// each revision as deployed on its own: orders has rows when r2 runs
		assertThat(LintHarness.rules(linter.lint(List.of(base, rev), List.of("r1", "r2"), false, "base:heads")))
			.containsExactly("pg-index-not-concurrent");
		// pending r1 and r2 run in one deployment: orders is created empty by r1
		assertThat(linter.lint(List.of(base, rev), List.of("r1", "r2"), true, "pending").findings()).isEmpty();
		// r1 already applied, only r2 pending
		assertThat(LintHarness.rules(linter.lint(List.of(base, rev), List.of("r2"), true, "pending")))
			.containsExactly("pg-index-not-concurrent");
	}

	@Test
	void javaRevisionThatNeedsTheDatabaseIsReportedNotChecked() {
		LintReport report = LintHarness.java(PG, (op) -> op.context().connection(), true, null);
		assertThat(report.findings()).extracting(Finding::rule).containsExactly(Linter.OFFLINE_FAILED);
		assertThat(report.findings().get(0).problem()).contains("migrate lint runs revisions offline");
		assertThat(report.revisions()).containsExactly("j2");
	}

	@Test
	void tokenizerIgnoresKeywordsInStringsCommentsAndDollarQuotes() {
		Tokens t = Tokens.of("SELECT 'CREATE INDEX', $$LOCK TABLE x$$, E'it\\'s' /* DROP */ -- VACUUM FULL\n, \"Quoted\"\"Name\"");
		assertThat(t.has("INDEX")).isFalse();
		assertThat(t.has("LOCK")).isFalse();
		assertThat(t.has("DROP")).isFalse();
		assertThat(t.has("VACUUM")).isFalse();
		assertThat(t.get(t.size() - 1).name()).isEqualTo("Quoted\"Name");
	}

}
