package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --json} of upgrade, downgrade and stamp (a result object, also when a revision fails),
 * {@code "current"} in the JSON of show, heads, history and branches, and {@code upgrade --sql
 * current:head}; against embedded PostgreSQL (issue 22 item 5).
 */
class JsonResultsCliTests {

	@TempDir
	Path project;

	TestDatabase db;

	CliRunner cli;

	Path versions;

	final Gson gson = new Gson();

	@BeforeEach
	void setUp() throws Exception {
		this.db = TestDatabases.freshPostgres();
		this.versions = Files.createDirectories(this.project.resolve("versions"));
		List<String> args = new ArrayList<>(List.of(this.db.cliArgs()));
		args.addAll(List.of("--script-location", "versions"));
		this.cli = new CliRunner(this.project, args.toArray(String[]::new));
		revision("aaaa00000001", "none", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		revision("bbbb00000002", "aaaa00000001", "second", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
	}

	void revision(String id, String down, String message, String upgrade, String downgrade) throws Exception {
		Files.writeString(this.versions.resolve(id + "_" + message.replace(' ', '_') + ".sql"), """
				-- revision: %s
				-- down_revision: %s
				-- message: %s

				-- migrate:upgrade
				%s

				-- migrate:downgrade
				%s
				""".formatted(id, down, message, upgrade, downgrade));
	}

	Map<?, ?> json(Result result) {
		// stdout is one JSON document and nothing else
		return this.gson.fromJson(result.out(), Map.class);
	}

	Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isZero();
		return result;
	}

	static List<?> steps(Map<?, ?> json) {
		return (List<?>) json.get("steps");
	}

	static Map<?, ?> step(Map<?, ?> json, int i) {
		return (Map<?, ?>) steps(json).get(i);
	}

	@Test
	void upgradeDowngradeAndStampPrintAResultObject() {
		Result upgrade = ok("upgrade", "--json", "head");
		Map<?, ?> up = json(upgrade);
		assertThat(up.get("command")).isEqualTo("upgrade");
		assertThat(up.get("targets")).isEqualTo(List.of("head"));
		assertThat(up.get("success")).isEqualTo(true);
		assertThat(up.get("nothingToDo")).isEqualTo(false);
		assertThat(up.get("from")).isEqualTo(List.of());
		assertThat(up.get("to")).isEqualTo(List.of("bbbb00000002"));
		assertThat(up.get("error")).isNull();
		assertThat(steps(up)).hasSize(2);
		assertThat(step(up, 0).get("revision")).isEqualTo("aaaa00000001");
		assertThat(step(up, 0).get("direction")).isEqualTo("upgrade");
		assertThat(step(up, 0).get("from")).isEqualTo(List.of());
		assertThat(step(up, 0).get("to")).isEqualTo(List.of("aaaa00000001"));
		assertThat(step(up, 0).get("message")).isEqualTo("first");
		assertThat((String) step(up, 0).get("source")).endsWith("aaaa00000001_first.sql");
		assertThat(step(up, 0).get("success")).isEqualTo(true);
		assertThat(step(up, 0).get("retries")).isEqualTo(0.0);
		assertThat((Double) step(up, 1).get("durationMs")).isGreaterThanOrEqualTo(0.0);
		assertThat((Double) up.get("durationMs")).isGreaterThanOrEqualTo((Double) step(up, 1).get("durationMs"));
		assertThat(upgrade.out()).doesNotContain("Running upgrade").doesNotContain("Upgraded to");

		Map<?, ?> again = json(ok("--json", "upgrade", "head"));
		assertThat(again.get("nothingToDo")).isEqualTo(true);
		assertThat(steps(again)).isEmpty();
		assertThat(again.get("from")).isEqualTo(List.of("bbbb00000002"));

		Map<?, ?> down = json(ok("downgrade", "-1", "--json"));
		assertThat(down.get("command")).isEqualTo("downgrade");
		assertThat(down.get("from")).isEqualTo(List.of("bbbb00000002"));
		assertThat(down.get("to")).isEqualTo(List.of("aaaa00000001"));
		assertThat(step(down, 0).get("direction")).isEqualTo("downgrade");
		assertThat(step(down, 0).get("revision")).isEqualTo("bbbb00000002");

		Map<?, ?> stamp = json(ok("--json", "stamp", "head"));
		assertThat(stamp.get("command")).isEqualTo("stamp");
		assertThat(stamp.get("to")).isEqualTo(List.of("bbbb00000002"));
		assertThat(step(stamp, 0).get("direction")).isEqualTo("stamp");
	}

	@Test
	void aFailedUpgradePrintsWhatRanAndWhereTheDatabaseIs() throws Exception {
		revision("cccc00000003", "bbbb00000002", "broken", "CREATE TABLE t3 (id INTEGER);\nSELECT * FROM no_such_table;",
				"DROP TABLE t3;");
		Result failed = this.cli.run("--json", "upgrade", "head");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.err()).startsWith("FAILED: ").contains("cccc00000003");
		Map<?, ?> json = json(failed);
		assertThat(json.get("success")).isEqualTo(false);
		assertThat(json.get("nothingToDo")).isEqualTo(false);
		assertThat(json.get("from")).isEqualTo(List.of());
		assertThat(json.get("to")).isEqualTo(List.of("bbbb00000002"));
		assertThat(steps(json)).hasSize(3);
		assertThat(step(json, 1).get("success")).isEqualTo(true);
		assertThat(step(json, 2).get("revision")).isEqualTo("cccc00000003");
		assertThat(step(json, 2).get("success")).isEqualTo(false);
		assertThat((String) json.get("error")).contains("no_such_table");
		try (Connection connection = this.db.connect(); Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("bbbb00000002");
		}
	}

	@Test
	void anUnknownTargetPrintsAFailedResultWithNoSteps() {
		Result failed = this.cli.run("--json", "upgrade", "ffff");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(2);
		assertThat(failed.err()).startsWith("FAILED: ").contains("ffff");
		Map<?, ?> json = json(failed);
		assertThat(json.get("success")).isEqualTo(false);
		assertThat(steps(json)).isEmpty();
		assertThat(json.get("to")).isEqualTo(List.of());
		assertThat((String) json.get("error")).contains("ffff");
	}

	@Test
	void jsonOfShowHeadsHistoryAndBranchesSaysWhichRevisionIsCurrent() throws Exception {
		revision("dddd00000004", "aaaa00000001", "branch", "CREATE TABLE t4 (id INTEGER);", "DROP TABLE t4;");
		ok("upgrade", "bbbb00000002");
		Map<?, ?> show = json(ok("--json", "show", "bbbb"));
		assertThat(revision(show, "revisions", 0).get("current")).isEqualTo(true);
		assertThat(revision(json(ok("--json", "show", "dddd")), "revisions", 0).get("current")).isEqualTo(false);
		Map<?, ?> heads = json(ok("--json", "heads"));
		assertThat(((List<?>) heads.get("heads")).stream()
			.map((h) -> ((Map<?, ?>) h).get("id") + "=" + ((Map<?, ?>) h).get("current"))
			.toList()).containsExactlyInAnyOrder("bbbb00000002=true", "dddd00000004=false");
		Map<?, ?> history = json(ok("--json", "history"));
		assertThat(((List<?>) history.get("revisions")).stream()
			.filter((r) -> Boolean.TRUE.equals(((Map<?, ?>) r).get("current")))
			.map((r) -> (Object) ((Map<?, ?>) r).get("id"))
			.toList()).containsExactly("bbbb00000002");
		Map<?, ?> branches = json(ok("--json", "branches"));
		assertThat(revision(branches, "branchPoints", 0).get("id")).isEqualTo("aaaa00000001");
		assertThat(revision(branches, "branchPoints", 0).get("current")).isEqualTo(false);

		// no database configured: not known, so null rather than false
		CliRunner offline = new CliRunner(this.project, "--script-location", "versions");
		Result noDatabase = offline.run("--json", "heads");
		assertThat(noDatabase.exitCode()).as(noDatabase.toString()).isZero();
		assertThat(revision(json(noDatabase), "heads", 0)).containsEntry("current", null);
		// a database that cannot be read: a warning, null, exit 0 (heads needs no database)
		CliRunner unreachable = new CliRunner(this.project, "--script-location", "versions", "--url",
				"jdbc:postgresql://127.0.0.1:1/none", "--connect-timeout", "2");
		Result down = unreachable.run("--json", "heads");
		assertThat(down.exitCode()).as(down.toString()).isZero();
		assertThat(down.err()).startsWith("WARNING: cannot tell the current revisions: Cannot connect to");
		assertThat(revision(json(down), "heads", 0)).containsEntry("current", null);
	}

	@Test
	void anOfflineRangeStartingAtCurrentReadsTheDatabaseAndChangesNothing() throws Exception {
		ok("upgrade", "aaaa00000001");
		Result sql = ok("upgrade", "--sql", "current:head");
		assertThat(sql.out()).contains("-- Running upgrade aaaa00000001 -> bbbb00000002")
			.contains("CREATE TABLE t2")
			.doesNotContain("CREATE TABLE t1")
			.contains("bbbb00000002");
		Result down = ok("downgrade", "--sql", "current:base");
		assertThat(down.out()).contains("-- Running downgrade aaaa00000001 -> ").contains("DROP TABLE t1")
			.doesNotContain("DROP TABLE t2");
		Result stamp = ok("stamp", "--sql", "current:head");
		assertThat(stamp.out()).contains("bbbb00000002");
		try (Connection connection = this.db.connect(); Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("aaaa00000001");
			assertThat(rs.next()).isFalse();
		}
		try (Connection connection = this.db.connect();
				ResultSet rs = connection.getMetaData().getTables(null, null, "t2", null)) {
			assertThat(rs.next()).as("t2 was not created").isFalse();
		}
		// without a database there is no current revision to start from
		Result offline = new CliRunner(this.project, "--script-location", "versions", "--dialect", "postgresql")
			.run("upgrade", "--sql", "current:head");
		assertThat(offline.exitCode()).as(offline.toString()).isEqualTo(2);
		assertThat(offline.err()).startsWith("FAILED: No url configured").contains("'current'");
		// a plain id still needs no database
		Result byId = new CliRunner(this.project, "--script-location", "versions", "--dialect", "postgresql")
			.run("upgrade", "--sql", "aaaa00000001:head");
		assertThat(byId.exitCode()).as(byId.toString()).isZero();
		assertThat(byId.out()).contains("CREATE TABLE t2");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> revision(Map<?, ?> json, String key, int i) {
		return (Map<String, Object>) ((List<?>) json.get(key)).get(i);
	}

}
