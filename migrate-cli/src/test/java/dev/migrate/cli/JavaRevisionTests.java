package dev.migrate.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.tools.ToolProvider;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java revisions written by {@code migrate revision}: the source compiles, the next command loads
 * it (compiled by the command line from the versions directory, or precompiled on --classpath),
 * and it reads {@code -x} arguments.
 */
class JavaRevisionTests {

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

	Result ok(CliRunner runner, String... args) {
		Result result = runner.run(args);
		assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isZero();
		return result;
	}

	Path javaFile(String id) throws Exception {
		for (Path f : CliRunner.files(this.versions)) {
			if (f.toString().endsWith(".java") && Files.readString(f).contains("id = \"" + id + "\"")) {
				return f;
			}
		}
		throw new AssertionError("no Java revision " + id + " in " + CliRunner.files(this.versions));
	}

	static void fillJava(Path file, String upgrade, String downgrade) throws Exception {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		text = text.replace("public void upgrade(Operations op) {\n\t}", "public void upgrade(Operations op) {\n\t\t" + upgrade + "\n\t}");
		text = text.replace("public void downgrade(Operations op) {\n\t}", "public void downgrade(Operations op) {\n\t\t" + downgrade + "\n\t}");
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	@Test
	void javaRevisionsFromTheVersionsDirectoryRunWithoutABuildStep() throws Exception {
		Result first = ok(this.cli, "revision", "--rev-id", "aaaa00000001", "-m", "create accounts");
		Path file = javaFile("aaaa00000001");
		assertThat(file.getFileName().toString()).matches("R\\d{8}_\\d{6}_CreateAccounts\\.java");
		assertThat(first.out()).contains("Generating " + file + " ...  done");
		assertThat(Files.readString(file)).startsWith("package versions;\n")
			.contains("@Revision(id = \"aaaa00000001\",\n\t\tmessage = \"create accounts\"")
			.contains("public class " + file.getFileName().toString().replace(".java", "") + " implements Migration");
		fillJava(file, "op.execute(\"CREATE TABLE accounts (id INTEGER PRIMARY KEY)\");",
				"op.execute(\"DROP TABLE accounts\");");

		// the next revision sees the first one (compiled on the fly) as its down revision
		Thread.sleep(1100);
		ok(this.cli, "revision", "--rev-id", "bbbb00000002", "-m", "create table from -x");
		Path second = javaFile("bbbb00000002");
		assertThat(Files.readString(second)).contains("down = \"aaaa00000001\"");
		assertThat(second.getFileName().toString()).isGreaterThan(file.getFileName().toString());
		fillJava(second, "op.execute(\"CREATE TABLE \" + op.context().arguments().get(\"table\") + \" (id INTEGER)\");",
				"op.execute(\"DROP TABLE \" + op.context().arguments().get(\"table\"));");
		// an SQL revision on top of the Java ones
		ok(this.cli, "revision", "--sql", "--rev-id", "cccc00000003", "-m", "sql on top");

		assertThat(ok(this.cli, "history").lines()).containsExactly("bbbb00000002 -> cccc00000003 (head), sql on top",
				"aaaa00000001 -> bbbb00000002, create table from -x", "<base> -> aaaa00000001, create accounts");
		Result upgrade = ok(this.cli, "-x", "table=things", "upgrade", "head");
		assertThat(upgrade.out()).contains("Running upgrade aaaa00000001 -> bbbb00000002, create table from -x ... done");
		assertThat(tableExists("accounts")).isTrue();
		assertThat(tableExists("things")).isTrue();
		ok(this.cli, "-x", "table=things", "downgrade", "base");
		assertThat(tableExists("things")).isFalse();
		assertThat(tableExists("accounts")).isFalse();
	}

	@Test
	void precompiledJavaRevisionsLoadFromTheClasspath() throws Exception {
		ok(this.cli, "revision", "--rev-id", "aaaa00000001", "-m", "create accounts");
		Path file = javaFile("aaaa00000001");
		fillJava(file, "op.execute(\"CREATE TABLE accounts (id INTEGER PRIMARY KEY)\");",
				"op.execute(\"DROP TABLE accounts\");");
		// compile as a build would (annotation processor on), then load through classpath:versions
		Path src = Files.createDirectories(this.project.resolve("src/versions"));
		Files.move(file, src.resolve(file.getFileName()));
		Path classes = Files.createDirectories(this.project.resolve("classes"));
		int javac = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
					src.resolve(file.getFileName()).toString());
		assertThat(javac).isZero();
		assertThat(classes.resolve("META-INF/migrate/revisions.idx")).exists();
		List<String> args = new ArrayList<>(List.of(this.db.cliArgs()));
		args.addAll(List.of("--script-location", "classpath:versions", "--classpath", "classes"));
		CliRunner fromClasspath = new CliRunner(this.project, args.toArray(String[]::new));
		assertThat(ok(fromClasspath, "heads").lines()).containsExactly("aaaa00000001 (head)");
		ok(fromClasspath, "upgrade", "head");
		assertThat(tableExists("accounts")).isTrue();
		// revision needs a directory to write to when the location is classpath-only
		Result noDir = fromClasspath.run("revision", "-m", "next");
		assertThat(noDir.exitCode()).isEqualTo(2);
		assertThat(noDir.err()).contains("set 'versions-dir'");
		ok(fromClasspath, "--versions-dir", "src/versions", "--package", "versions", "revision", "-m", "next");
		assertThat(CliRunner.files(src)).hasSize(2);
	}

	@Test
	void theDocumentedSourceLayoutLoadsEachRevisionOnceAfterABuild() throws Exception {
		// the docs' layout: Java and SQL source directories, and target/classes for the models
		Path java = Files.createDirectories(this.project.resolve("src/main/java/db/migrations"));
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources/db/migrations"));
		Path classes = Files.createDirectories(this.project.resolve("target/classes"));
		Files.writeString(java.resolve("R20240101_000000_CreateAccounts.java"), """
				package db.migrations;

				import dev.migrate.operations.Operations;
				import dev.migrate.script.Migration;
				import dev.migrate.script.Revision;

				@Revision(id = "aaaa00000001", message = "create accounts")
				public class R20240101_000000_CreateAccounts implements Migration {
					public void upgrade(Operations op) {
						op.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)");
					}
					public void downgrade(Operations op) {
						op.execute("DROP TABLE accounts");
					}
				}
				""");
		String sql = """
				-- revision: bbbb00000002
				-- down_revision: aaaa00000001
				-- message: add notes

				-- migrate:upgrade
				CREATE TABLE notes (id INTEGER PRIMARY KEY);

				-- migrate:downgrade
				DROP TABLE notes;
				""";
		Files.writeString(resources.resolve("bbbb00000002_add_notes.sql"), sql);
		// what `mvn compile` leaves: the compiled class and a copy of the SQL file
		int javac = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
					java.resolve("R20240101_000000_CreateAccounts.java").toString());
		assertThat(javac).isZero();
		Path copy = Files.createDirectories(classes.resolve("db/migrations")).resolve("bbbb00000002_add_notes.sql");
		Files.writeString(copy, sql);
		List<String> args = new ArrayList<>(List.of(this.db.cliArgs()));
		args.addAll(List.of("--script-location", "src/main/java/db/migrations, src/main/resources/db/migrations",
				"--classpath", "target/classes"));
		CliRunner built = new CliRunner(this.project, args.toArray(String[]::new));
		assertThat(ok(built, "heads").lines()).containsExactly("bbbb00000002 (head)");
		ok(built, "upgrade", "head");
		assertThat(tableExists("accounts")).isTrue();
		assertThat(tableExists("notes")).isTrue();
		// a stale copy that differs from its source is still an error, and says so
		Files.writeString(copy, sql.replace("notes (id", "notes (x INTEGER, id"));
		Result stale = built.run("heads");
		assertThat(stale.exitCode()).as(stale.toString()).isEqualTo(2);
		assertThat(stale.err()).contains("Duplicate revision id 'bbbb00000002'").contains("two copies of one file that differ");
	}

	@Test
	void revisionsWrittenButNotYetBuiltAreParentsOfTheNextOne() throws Exception {
		Path src = Files.createDirectories(this.project.resolve("src/versions"));
		Path classes = Files.createDirectories(this.project.resolve("classes"));
		List<String> args = new ArrayList<>(List.of(this.db.cliArgs()));
		args.addAll(List.of("--script-location", "classpath:versions", "--classpath", "classes", "--versions-dir",
				"src/versions", "--package", "versions"));
		CliRunner fromClasspath = new CliRunner(this.project, args.toArray(String[]::new));
		ok(fromClasspath, "revision", "--rev-id", "aaaa00000001", "-m", "first");
		Thread.sleep(1100);
		ok(fromClasspath, "revision", "--rev-id", "bbbb00000002", "-m", "second");
		ok(fromClasspath, "revision", "--sql", "--rev-id", "cccc00000003", "-m", "third");
		assertThat(Files.readString(javaFileIn(src, "bbbb00000002"))).contains("down = \"aaaa00000001\"");
		assertThat(CliRunner.files(src).stream().filter((f) -> f.toString().endsWith(".sql")).findFirst().orElseThrow())
			.content().contains("-- down_revision: bbbb00000002");
		assertThat(ok(fromClasspath, "heads").lines()).isEmpty(); // nothing is built yet: the graph is empty
	}

	static Path javaFileIn(Path dir, String id) throws Exception {
		for (Path f : CliRunner.files(dir)) {
			if (f.toString().endsWith(".java") && Files.readString(f).contains("id = \"" + id + "\"")) {
				return f;
			}
		}
		throw new AssertionError("no Java revision " + id + " in " + CliRunner.files(dir));
	}

	@Test
	void aJavaRevisionThatDoesNotCompileIsBadInputNamingFileAndLine() throws Exception {
		Files.writeString(this.versions.resolve("Broken.java"), "package versions;\n\npublic class Broken {\n\tint x = ;\n}\n");
		Result result = this.cli.run("heads");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Cannot compile Java revision " + this.versions.resolve("Broken.java") + ":4: ");
		assertThat(result.err().strip().lines()).hasSize(1);
	}

	boolean tableExists(String table) throws SQLException {
		try (Connection c = this.db.connect();
				ResultSet rs = c.getMetaData().getTables(null, null, table, new String[] { "TABLE" })) {
			return rs.next();
		}
	}

}
