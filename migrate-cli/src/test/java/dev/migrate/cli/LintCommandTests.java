package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate lint}: ranges, output formats, suppression, exit codes, the timeout settings. */
class LintCommandTests {

	@TempDir
	Path project;

	@BeforeEach
	void revisions() throws Exception {
		Path versions = Files.createDirectories(this.project.resolve("db/versions"));
		Files.writeString(versions.resolve("r1_orders.sql"), """
				-- revision: r1
				-- migrate:upgrade
				CREATE TABLE orders (id INTEGER PRIMARY KEY, name VARCHAR(50), status VARCHAR(20));
				""");
		Files.writeString(versions.resolve("r2_index.sql"), """
				-- revision: r2
				-- down_revision: r1
				-- migrate:upgrade
				CREATE INDEX ix_orders_name ON orders (name);
				""");
		Files.writeString(versions.resolve("r3_status.sql"), """
				-- revision: r3
				-- down_revision: r2
				-- migrate:upgrade
				-- migrate:allow pg-index-not-concurrent orders is tiny in every environment
				CREATE INDEX ix_orders_status ON orders (status);
				LOCK TABLE orders;
				""");
		Files.writeString(this.project.resolve("migrate.properties"), "script-location = db/versions\n");
	}

	@Test
	void textListsFindingsWithFileAndLineAndExitsOneOnAnError() {
		Result result = new CliRunner(this.project).run("--dialect", "postgresql", "lint");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).contains("Linting base:heads: r1, r2, r3")
			.contains("error pg-index-not-concurrent r2 (db/versions/r2_index.sql:4): CREATE INDEX on table orders")
			.contains("warning pg-lock-table r3 (db/versions/r3_status.sql:6)")
			.contains("suppressed pg-index-not-concurrent r3 (db/versions/r3_status.sql:5) by -- migrate:allow "
					+ "pg-index-not-concurrent orders is tiny in every environment")
			.contains("1 error, 1 warning in 3 revisions (1 suppressed)");
		assertThat(result.err()).isEqualTo("FAILED: migrate lint: 1 error, 1 warning in 3 revisions (1 suppressed)\n");
	}

	@Test
	void rangeAndDisabledRules() throws Exception {
		Result r3 = new CliRunner(this.project).run("--dialect", "postgresql", "lint", "r2:heads");
		assertThat(r3.exitCode()).as(r3.toString()).isZero();
		assertThat(r3.out()).contains("Linting r2:heads: r3").contains("0 errors, 1 warning in 1 revision (1 suppressed)");
		Files.writeString(this.project.resolve("migrate.properties"),
				"script-location = db/versions\nlint-disabled-rules = pg-index-not-concurrent\n");
		Result all = new CliRunner(this.project).run("--dialect", "postgresql", "lint");
		assertThat(all.exitCode()).as(all.toString()).isZero();
		assertThat(all.out()).doesNotContain("error pg-index-not-concurrent");
	}

	@Test
	@SuppressWarnings("unchecked")
	void jsonSarifAndGithubFormats() {
		Result json = new CliRunner(this.project).run("--dialect", "postgresql", "--json", "lint");
		assertThat(json.exitCode()).isEqualTo(1);
		Map<String, Object> report = new Gson().fromJson(json.out(), Map.class);
		assertThat(report.get("errors")).isEqualTo(1.0);
		assertThat((List<Map<String, Object>>) report.get("findings")).extracting((f) -> f.get("rule"))
			.containsExactly("pg-index-not-concurrent", "pg-lock-table");
		assertThat((List<Map<String, Object>>) report.get("suppressed")).extracting((f) -> f.get("suppressedBy"))
			.containsExactly("-- migrate:allow pg-index-not-concurrent orders is tiny in every environment");

		Result sarif = new CliRunner(this.project).run("--dialect", "postgresql", "lint", "--format", "sarif");
		Map<String, Object> log = new Gson().fromJson(sarif.out(), Map.class);
		assertThat(log.get("version")).isEqualTo("2.1.0");
		Map<String, Object> run = ((List<Map<String, Object>>) log.get("runs")).get(0);
		List<Map<String, Object>> results = (List<Map<String, Object>>) run.get("results");
		assertThat(results).hasSize(3);
		Map<String, Object> first = results.get(0);
		assertThat(first.get("ruleId")).isEqualTo("pg-index-not-concurrent");
		assertThat(first.get("level")).isEqualTo("error");
		Map<String, Object> location = (Map<String, Object>) ((List<Map<String, Object>>) first.get("locations")).get(0)
			.get("physicalLocation");
		assertThat(((Map<String, Object>) location.get("artifactLocation")).get("uri")).isEqualTo("db/versions/r2_index.sql");
		assertThat(((Map<String, Object>) location.get("region")).get("startLine")).isEqualTo(4.0);
		assertThat(results.get(2)).containsKey("suppressions");

		Result github = new CliRunner(this.project).run("--dialect", "postgresql", "lint", "--format", "github");
		assertThat(github.out()).startsWith("::error file=db/versions/r2_index.sql,line=4,title=pg-index-not-concurrent (r2)::"
				+ "CREATE INDEX on table orders")
			.contains("::warning file=db/versions/r3_status.sql,line=6,title=pg-lock-table (r3)::");
	}

	@Test
	void pendingRevisionsOfAReachableDatabaseAsOneDeployment() {
		String[] db = TestDatabases.freshPostgres().cliArgs();
		CliRunner cli = new CliRunner(this.project, db);
		assertThat(cli.run("upgrade", "r1").exitCode()).isZero();
		// r2 and r3 pending: orders exists with rows from r1's deployment, so r2's index is flagged
		Result pending = cli.run("lint");
		assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(1);
		assertThat(pending.out()).contains("Linting pending: r2, r3").contains("error pg-index-not-concurrent r2");
		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
		Result atHead = cli.run("lint");
		assertThat(atHead.exitCode()).as(atHead.toString()).isZero();
		assertThat(atHead.out()).contains("Linting pending: ").contains("0 errors, 0 warnings in 0 revisions");
	}

	@Test
	void unreachableDatabaseFallsBackToBaseHeads() {
		Result result = new CliRunner(this.project).run("--url", "jdbc:postgresql://127.0.0.1:1/nothing", "lint");
		assertThat(result.err()).contains("linting base:heads instead");
		assertThat(result.out()).contains("Linting base:heads: r1, r2, r3");
		assertThat(result.exitCode()).isEqualTo(1);
	}

	@Test
	void noDialectIsAConfigurationError() {
		Result result = new CliRunner(this.project).run("lint");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: ").contains("dialect");
	}

	@Test
	void badTimeoutSettingsNameTheSetting() {
		Result result = new CliRunner(this.project).run("--dialect", "postgresql", "--lock-timeout-ddl", "5x", "upgrade", "--sql",
				"heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Invalid lock-timeout-ddl '5x'").contains("option --lock-timeout-ddl");
		Result retries = new CliRunner(this.project).env("MIGRATE_LOCK_RETRIES", "many")
			.run("--dialect", "postgresql", "upgrade", "--sql", "heads");
		assertThat(retries.exitCode()).isEqualTo(2);
		assertThat(retries.err()).contains("Invalid lock-retries 'many' (environment variable MIGRATE_LOCK_RETRIES)");
	}

}
