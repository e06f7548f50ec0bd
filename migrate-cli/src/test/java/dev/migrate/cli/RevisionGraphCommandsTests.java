package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * revision, merge and stamp write files and rows that the next command loads; branches, heads,
 * show, offline SQL, JSON output and check; every bad input with its exit code and message.
 * Against SQLite (one file per test).
 */
class RevisionGraphCommandsTests {

	static final String MULTIPLE_HEADS_REVISION = "Multiple heads are present; please specify the head revision on "
			+ "which the new revision should be based, or perform a merge.";

	@TempDir
	Path project;

	TestDatabase db;

	CliRunner cli;

	Path versions;

	@BeforeEach
	void setUp() throws Exception {
		this.db = TestDatabases.freshSqlite();
		this.versions = Files.createDirectories(this.project.resolve("versions"));
		List<String> args = new ArrayList<>(List.of(this.db.cliArgs()));
		args.addAll(List.of("--script-location", "versions"));
		this.cli = new CliRunner(this.project, args.toArray(String[]::new));
	}

	Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isZero();
		return result;
	}

	Result fails(int code, String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(code);
		assertThat(result.err()).startsWith("FAILED: ").doesNotContain("\tat ");
		assertThat(result.err().strip().lines()).hasSize(1);
		return result;
	}

	Path sqlFile(String id) throws Exception {
		try (var files = Files.list(this.versions)) {
			return files.filter((f) -> f.getFileName().toString().startsWith(id + "_")).findFirst().orElseThrow();
		}
	}

	String header(String id, String key) throws Exception {
		return Files.readAllLines(sqlFile(id))
			.stream()
			.filter((l) -> l.startsWith("-- " + key + ":"))
			.findFirst()
			.orElseThrow()
			.substring(("-- " + key + ":").length())
			.strip();
	}

	@Test
	void revisionChainsOnTheCurrentHeadAndRefusesSeveralHeads() throws Exception {
		ok("revision", "--sql", "--rev-id", "aaaa00000001", "-m", "first");
		assertThat(header("aaaa00000001", "down_revision")).isEmpty();
		ok("revision", "--sql", "--rev-id", "bbbb00000002", "-m", "second");
		assertThat(header("bbbb00000002", "down_revision")).isEqualTo("aaaa00000001");
		assertThat(ok("heads").lines()).containsExactly("bbbb00000002 (head)");

		// a second base: now there are two heads
		ok("revision", "--sql", "--rev-id", "cccc00000003", "--head", "base", "-m", "other base");
		assertThat(header("cccc00000003", "down_revision")).isEmpty();
		assertThat(ok("heads").lines()).containsExactlyInAnyOrder("bbbb00000002 (head)", "cccc00000003 (head)");
		int files = CliRunner.files(this.versions).size();
		Result several = fails(2, "revision", "--sql", "-m", "third");
		assertThat(several.err().strip()).isEqualTo("FAILED: " + MULTIPLE_HEADS_REVISION);
		assertThat(CliRunner.files(this.versions)).hasSize(files);

		// upgrade head with two heads is Alembic's error; nothing is created
		Result upgrade = fails(2, "upgrade", "head");
		assertThat(upgrade.err().strip()).isEqualTo("FAILED: Multiple head revisions are present for given argument "
				+ "'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific "
				+ "head, or 'heads' for all heads");
		assertThat(versionRows()).isEmpty();

		// merge heads writes the merge revision; the next command sees one head
		ok("merge", "heads", "--sql", "--rev-id", "dddd00000004", "-m", "merge branches");
		assertThat(header("dddd00000004", "down_revision").split(", ")).containsExactlyInAnyOrder("bbbb00000002",
				"cccc00000003");
		assertThat(ok("heads").lines()).containsExactly("dddd00000004 (head)");
		assertThat(ok("history").lines()).contains("bbbb00000002, cccc00000003 -> dddd00000004 (head) (mergepoint), merge branches"
				.replace("bbbb00000002, cccc00000003", header("dddd00000004", "down_revision")));
		ok("upgrade", "head");
		assertThat(versionRows()).containsExactly("dddd00000004");
		ok("check");
		assertThat(ok("current").lines()).containsExactly("dddd00000004 (head) (mergepoint)");
	}

	@Test
	void spliceBranchPointsBranchesAndShow() throws Exception {
		ok("revision", "--sql", "--rev-id", "aaaa00000001", "-m", "first");
		ok("revision", "--sql", "--rev-id", "bbbb00000002", "-m", "second");
		Result notHead = fails(2, "revision", "--sql", "--head", "aaaa00000001", "-m", "third");
		assertThat(notHead.err().strip()).isEqualTo("FAILED: Revision aaaa00000001 is not a head revision; please "
				+ "specify --splice to create a new branch from this revision");
		ok("revision", "--sql", "--rev-id", "cccc00000003", "--head", "aaaa", "--splice", "--branch-label", "billing",
				"-m", "third");
		assertThat(header("cccc00000003", "down_revision")).isEqualTo("aaaa00000001");
		assertThat(header("cccc00000003", "branch_labels")).isEqualTo("billing");

		assertThat(ok("history").lines()).containsExactlyInAnyOrder("aaaa00000001 -> bbbb00000002 (head), second",
				"aaaa00000001 -> cccc00000003 (billing) (head), third", "<base> -> aaaa00000001 (branchpoint), first");
		assertThat(ok("heads").lines()).containsExactlyInAnyOrder("bbbb00000002 (head)", "cccc00000003 (billing) (head)");
		Result branches = ok("branches");
		assertThat(branches.out()).startsWith("aaaa00000001 (branchpoint)\n")
			.contains("             -> bbbb00000002 (head)\n")
			.contains("             -> cccc00000003 (billing) (head)\n");
		Result show = ok("show", "aaaa");
		assertThat(show.out()).startsWith("Rev: aaaa00000001 (branchpoint)\nParent: <base>\nBranches into: ")
			.contains("\nPath: ")
			.contains("\n    first\n    \n    Revision ID: aaaa00000001\n    Revises: \n    Create Date: ");

		// a label resolves; depends-on by prefix is written as the full id
		ok("revision", "--sql", "--rev-id", "dddd00000004", "--head", "billing@head", "--depends-on", "bbbb", "-m",
				"fourth");
		assertThat(header("dddd00000004", "down_revision")).isEqualTo("cccc00000003");
		assertThat(header("dddd00000004", "depends_on")).isEqualTo("bbbb00000002");
		assertThat(ok("history").lines()).contains("cccc00000003 (bbbb00000002) -> dddd00000004 (billing) (head), fourth");
		assertThat(ok("heads").lines()).containsExactlyInAnyOrder("bbbb00000002 (effective head)",
				"dddd00000004 (billing) (head)");
		assertThat(ok("heads", "--resolve-dependencies").lines()).containsExactly("dddd00000004 (billing) (head)");

		// upgrading a branch by label, then the other by heads
		// upgrading by label runs the dependency too; as in Alembic its row merges into the dependent's
		Result upgrade = ok("upgrade", "billing@head");
		assertThat(upgrade.out()).contains("-> bbbb00000002, second ... done").contains("-> dddd00000004, fourth ... done");
		assertThat(versionRows()).containsExactly("dddd00000004");
		ok("check");
		assertThat(ok("history", "-i").lines()).contains("cccc00000003 (bbbb00000002) -> dddd00000004 (billing) (head) (current), fourth");
	}

	@Test
	void historyGraphAndGraphCommandDrawTheBranchesAndTheMerge() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		create("bbbb00000002", "second", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
		ok("revision", "--sql", "--rev-id", "cccc00000003", "--head", "aaaa", "--splice", "-m", "third");
		ok("merge", "heads", "--sql", "--rev-id", "dddd00000004", "-m", "merge branches");
		ok("upgrade", "bbbb00000002");

		List<String> lanes = ok("history", "--graph", "--ascii", "-i").lines();
		assertThat(lanes.get(0)).isEqualTo("o   dddd00000004 (head), merge branches");
		assertThat(lanes.get(1)).isEqualTo("|\\");
		assertThat(lanes).contains("|/").contains("* aaaa00000001, first");
		assertThat(lanes).anySatisfy((line) -> assertThat(line).contains("@").contains("bbbb00000002 (current), second"));
		assertThat(lanes).anySatisfy((line) -> assertThat(line).contains("o cccc00000003, third"));
		assertThat(ok("history", "--graph").out()).contains("\u25cf aaaa00000001, first");
		assertThat(ok("history", "--graph", "--ascii", "-r", "bbbb:").lines()).containsExactly(
				"* dddd00000004 (head), merge branches", "* bbbb00000002, second");

		assertThat(ok("graph", "--format", "dot").out()).startsWith("digraph migrations {")
			.contains("\"aaaa00000001\" -> \"bbbb00000002\";", "\"bbbb00000002\" -> \"dddd00000004\";",
					"\"cccc00000003\" -> \"dddd00000004\";");
		assertThat(ok("graph", "-f", "mermaid").out()).startsWith("flowchart TB");
		Result svg = ok("graph", "-i", "-o", "out/graph.svg");
		assertThat(svg.out()).contains("graph.svg (svg, 4 revisions)");
		javax.xml.parsers.DocumentBuilder xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();
		org.w3c.dom.Document doc = xml.parse(this.project.resolve("out/graph.svg").toFile());
		assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
		assertThat(Files.readString(this.project.resolve("out/graph.svg"))).contains("dddd00000004", "cccc00000003");
		Result bad = fails(2, "graph", "-r", "bbbb");
		assertThat(bad.err()).contains("Graph range requires [start]:[end]");
	}

	@Test
	void stampWritesRowsWithoutRunningAnything() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		create("bbbb00000002", "second", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
		Result stamp = ok("stamp", "head");
		assertThat(stamp.out()).contains("Stamped to bbbb00000002");
		assertThat(versionRows()).containsExactly("bbbb00000002");
		assertThat(tableExists("t1")).isFalse();
		ok("stamp", "aaaa");
		assertThat(versionRows()).containsExactly("aaaa00000001");
		// the next command loads the stamped state: upgrade runs only the second revision
		ok("upgrade", "head");
		assertThat(tableExists("t1")).isFalse();
		assertThat(tableExists("t2")).isTrue();
		ok("stamp", "--purge", "aaaa00000001");
		assertThat(versionRows()).containsExactly("aaaa00000001");
		ok("stamp", "base");
		assertThat(versionRows()).isEmpty();
		Result unknown = fails(2, "stamp", "nosuchrev");
		assertThat(unknown.err()).contains("nosuchrev");
		// --version-table: take over a database that Alembic manages
		ok("--version-table", "alembic_version", "stamp", "head");
		try (Connection c = this.db.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("bbbb00000002");
		}
		assertThat(ok("--version-table", "alembic_version", "current").lines()).containsExactly("bbbb00000002 (head)");
		assertThat(ok("current").lines()).isEmpty();
		assertThat(fails(2, "--version-table", "bad-name", "current").err()).contains("bad-name");
	}

	@Test
	void unknownAndAmbiguousRevisionsAreBadInput() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		create("aaaa00000002", "second", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
		assertThat(fails(2, "upgrade", "zzzz9999").err().strip())
			.isEqualTo("FAILED: Can't locate revision identified by 'zzzz9999'");
		assertThat(fails(2, "show", "aaaa").err()).contains("aaaa");
		assertThat(fails(2, "downgrade", "zzzz9999").err()).contains("zzzz9999");
		assertThat(fails(2, "revision", "--sql", "--rev-id", "a@b", "-m", "x").err().strip())
			.isEqualTo("FAILED: Character(s) '@' not allowed in revision identifier 'a@b'");
		assertThat(fails(2, "revision", "--sql", "--rev-id", "aaaa00000001", "-m", "x").err())
			.contains("Revision aaaa00000001 is already present");
		assertThat(fails(2, "revision", "--sql", "--depends-on", "nosuch", "-m", "x").err()).contains("nosuch");
		assertThat(versionRows()).isEmpty();
	}

	@Test
	void malformedRevisionFileIsBadInputNamingTheFile() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		Files.writeString(this.versions.resolve("ffff_broken.sql"), "-- down_revision: aaaa00000001\nSELECT 1;\n");
		Result result = fails(2, "upgrade", "head");
		assertThat(result.err()).contains("ffff_broken.sql");
		assertThat(tableExists("t1")).isFalse();
	}

	@Test
	void failingMigrationExitsWith1AndKeepsTheLastGoodRevision() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		create("bbbb00000002", "broken", "CREATE TABLE t2 (id INTEGER);\nINSERT INTO no_such_table VALUES (1);",
				"DROP TABLE t2;");
		Result result = this.cli.run("upgrade", "head");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).startsWith("FAILED: ").contains("bbbb00000002").doesNotContain("\tat ");
		assertThat(result.out()).contains("Running upgrade  -> aaaa00000001, first ... done")
			.contains("Running upgrade aaaa00000001 -> bbbb00000002, broken ... FAILED");
		assertThat(versionRows()).containsExactly("aaaa00000001");
		assertThat(tableExists("t2")).isFalse();
		Result verbose = this.cli.run("--verbose", "upgrade", "head");
		assertThat(verbose.exitCode()).isEqualTo(1);
		assertThat(verbose.err()).contains("\tat ");
	}

	@Test
	void offlineSqlNeedsNoDatabase() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		create("bbbb00000002", "second", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
		CliRunner offline = new CliRunner(this.project, "--script-location", "versions", "--dialect", "postgresql");
		Result up = offline.run("upgrade", "--sql", "head");
		assertThat(up.exitCode()).as(up.toString()).isZero();
		assertThat(up.out()).contains("-- Running upgrade  -> aaaa00000001")
			.contains("CREATE TABLE t1 (id INTEGER)")
			.contains("-- Running upgrade aaaa00000001 -> bbbb00000002")
			.contains("migrate_version");
		assertThat(up.out().indexOf("t1")).isLessThan(up.out().indexOf("t2"));
		Result down = offline.run("downgrade", "--sql", "bbbb00000002:base");
		assertThat(down.exitCode()).as(down.toString()).isZero();
		assertThat(down.out()).contains("-- Running downgrade bbbb00000002 -> aaaa00000001")
			.contains("-- Running downgrade aaaa00000001 -> ")
			.contains("DROP TABLE t2");
		Result stamp = offline.run("stamp", "--sql", "head");
		assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
		assertThat(stamp.out()).contains("bbbb00000002");
		assertThat(versionRows()).isEmpty();
	}

	@Test
	void jsonOutputOfReadOnlyCommands() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		create("bbbb00000002", "second", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
		ok("upgrade", "aaaa");
		Gson gson = new Gson();
		Map<?, ?> heads = gson.fromJson(ok("--json", "heads").out(), Map.class);
		assertThat((List<?>) heads.get("heads")).hasSize(1);
		assertThat(((Map<?, ?>) ((List<?>) heads.get("heads")).get(0)).get("id")).isEqualTo("bbbb00000002");
		Map<?, ?> history = gson.fromJson(ok("--json", "history", "-i").out(), Map.class);
		List<?> revisions = (List<?>) history.get("revisions");
		assertThat(revisions).hasSize(2);
		assertThat(((Map<?, ?>) revisions.get(1)).get("current")).isEqualTo(true);
		assertThat(((Map<?, ?>) revisions.get(0)).get("downRevisions")).isEqualTo(List.of("aaaa00000001"));
		Map<?, ?> current = gson.fromJson(ok("--json", "current").out(), Map.class);
		assertThat(current.get("current")).isEqualTo(List.of("aaaa00000001"));
		Map<?, ?> show = gson.fromJson(ok("--json", "show", "bbbb").out(), Map.class);
		assertThat(((Map<?, ?>) ((List<?>) show.get("revisions")).get(0)).get("message")).isEqualTo("second");
	}

	@Test
	void aVersionRowTheRevisionsDoNotKnowIsBadInput() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		ok("upgrade", "head");
		try (Connection c = this.db.connect(); Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE migrate_version SET version_num = 'ffff99999999'");
		}
		assertThat(fails(2, "current").err().strip()).isEqualTo("FAILED: Can't locate revision identified by 'ffff99999999'");
		assertThat(this.cli.run("check").exitCode()).isNotZero();
		fails(2, "upgrade", "head");
		assertThat(versionRows()).containsExactly("ffff99999999");
		assertThat(tableExists("t1")).isTrue();
	}

	@Test
	void historyRangesAndShowCurrent() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		create("bbbb00000002", "second", "CREATE TABLE t2 (id INTEGER);", "DROP TABLE t2;");
		create("cccc00000003", "third", "CREATE TABLE t3 (id INTEGER);", "DROP TABLE t3;");
		assertThat(ok("history", "-r", "bbbb:").lines()).containsExactly("bbbb00000002 -> cccc00000003 (head), third",
				"aaaa00000001 -> bbbb00000002, second");
		assertThat(ok("history", "-r", ":bbbb").lines()).containsExactly("aaaa00000001 -> bbbb00000002, second",
				"<base> -> aaaa00000001, first");
		assertThat(fails(2, "show", "current").err().strip()).isEqualTo("FAILED: No current revisions");
		ok("upgrade", "bbbb");
		assertThat(ok("history", "-r", "current:").lines()).containsExactly("bbbb00000002 -> cccc00000003 (head), third",
				"aaaa00000001 -> bbbb00000002, second");
		assertThat(ok("show", "current").out()).startsWith("Rev: bbbb00000002\nParent: aaaa00000001\n");
		assertThat(ok("current", "-v").out()).startsWith("Current revision(s) for " + this.db.url() + ":\nRev: bbbb00000002\n");
		Result notAtHeads = this.cli.run("current", "--check-heads");
		assertThat(notAtHeads.exitCode()).isEqualTo(1);
		assertThat(notAtHeads.err().strip()).isEqualTo("FAILED: Database is not on all head revisions");
		assertThat(fails(2, "stamp", "--sql", "aaaa:bbbb", "bbbb:cccc").err().strip()).isEqualTo(
				"FAILED: Stamp operation with --sql only supports a single starting revision at a time");
	}

	@Test
	void checkFailsUntilTheDatabaseIsAtHead() throws Exception {
		create("aaaa00000001", "first", "CREATE TABLE t1 (id INTEGER);", "DROP TABLE t1;");
		Result behind = this.cli.run("check");
		assertThat(behind.exitCode()).as(behind.toString()).isEqualTo(1);
		assertThat(behind.err()).startsWith("FAILED: Target database is not up to date.");
		ok("upgrade", "head");
		Result atHead = ok("check");
		assertThat(atHead.out()).contains("Database is up to date at aaaa00000001.");
		ok("current", "--check-heads");
	}

	void create(String id, String message, String up, String down) throws Exception {
		ok("revision", "--sql", "--rev-id", id, "-m", message);
		CliRunner.fillSql(sqlFile(id), up, down);
	}

	List<String> versionRows() throws SQLException {
		List<String> rows = new ArrayList<>();
		if (!tableExists("migrate_version")) {
			return rows;
		}
		try (Connection c = this.db.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version")) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	boolean tableExists(String table) throws SQLException {
		try (Connection c = this.db.connect();
				ResultSet rs = c.getMetaData().getTables(null, null, table, new String[] { "TABLE" })) {
			return rs.next();
		}
	}

}
