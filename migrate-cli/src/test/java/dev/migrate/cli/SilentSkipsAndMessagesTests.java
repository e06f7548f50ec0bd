package dev.migrate.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 item 6: nothing in a revision location is skipped in silence, ids a loader would
 * reject are refused when the revision is created, and each failure names its cause.
 */
class SilentSkipsAndMessagesTests {

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
		sql("a1", null, "CREATE TABLE t (id INTEGER)", "DROP TABLE t");
	}

	private void sql(String id, String down, String upgrade, String downgrade) throws Exception {
		Files.writeString(this.versions.resolve(id + "_r.sql"), "-- revision: " + id + "\n-- down_revision: "
				+ ((down == null) ? "None" : down) + "\n-- message: r " + id + "\n\n-- migrate:upgrade\n" + upgrade
				+ ";\n\n-- migrate:downgrade\n" + downgrade + ";\n", StandardCharsets.UTF_8);
	}

	private boolean versionTableExists() throws Exception {
		try (Connection c = this.db.connect();
				ResultSet rs = c.getMetaData().getTables(null, null, "migrate_version", null)) {
			return rs.next();
		}
	}

	@Test
	void sqlEntriesThatAreNotRegularFilesFailTheCommandNamingThemAndNothingIsApplied() throws Exception {
		Path dir = Files.createDirectories(this.versions.resolve("b2_dir.sql"));
		Result directory = this.cli.run("upgrade", "head");
		assertThat(directory.exitCode()).isEqualTo(2);
		assertThat(directory.err().strip()).isEqualTo("FAILED: Cannot read revision file " + dir + ": it is a directory; "
				+ "revision files must be regular files: rename it or move it out of the revision location");
		Files.delete(dir);

		Path link = Files.createSymbolicLink(this.versions.resolve("b2_link.sql"), this.project.resolve("missing.sql"));
		Result broken = this.cli.run("upgrade", "head");
		assertThat(broken.exitCode()).isEqualTo(2);
		assertThat(broken.err()).contains("FAILED: Cannot read revision file " + link + ": it is a symbolic link to "
				+ this.project.resolve("missing.sql") + ", which does not exist");
		Files.delete(link);

		Path fifo = this.versions.resolve("b2_fifo.sql");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
		Result pipe = this.cli.run("upgrade", "head");
		assertThat(pipe.exitCode()).isEqualTo(2);
		assertThat(pipe.err()).contains("FAILED: Cannot read revision file " + fifo + ": it is not a regular file (a pipe");
		assertThat(versionTableExists()).as("nothing ran").isFalse();
		Files.delete(fifo);
		assertThat(this.cli.run("upgrade", "head").exitCode()).isZero();
	}

	@Test
	void anUnreadableRevisionFileSaysPermissionDenied() throws Exception {
		Path file = this.versions.resolve("a1_r.sql");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		Assumptions.assumeFalse(Files.isReadable(file), "this user reads files whatever their permissions (root)");
		Result result = this.cli.run("upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().strip()).isEqualTo("FAILED: Cannot read revision file " + file + ": permission denied "
				+ "(the user running migrate cannot read it)");
	}

	@Test
	void aJavaSourceThatIsNotARevisionIsNamedAMigrationWithoutRevisionIsRefused() throws Exception {
		Files.writeString(this.versions.resolve("Helper.java"), "package versions;\npublic class Helper {\n"
				+ "\tstatic String table() { return \"t\"; }\n}\n");
		Result helper = this.cli.run("upgrade", "head");
		assertThat(helper.exitCode()).as(helper.toString()).isZero();
		assertThat(helper.err()).contains("WARNING: " + this.versions.resolve("Helper.java")
				+ " is not a revision (no @Revision class Helper): ignored");

		Path forgotten = this.versions.resolve("Forgotten.java");
		Files.writeString(forgotten, "package versions;\nimport dev.migrate.operations.Operations;\n"
				+ "import dev.migrate.script.Migration;\npublic class Forgotten implements Migration {\n"
				+ "\tpublic void upgrade(Operations op) { op.execute(\"CREATE TABLE f (id INTEGER)\"); }\n"
				+ "\tpublic void downgrade(Operations op) { }\n}\n");
		Result missing = this.cli.run("upgrade", "head");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("FAILED: Bad revision class " + forgotten + ": Forgotten implements Migration "
				+ "but has no @Revision, so it would never run; annotate it with @Revision(id = ..., down = ...)");
	}

	@Test
	void revisionIdsTheLoaderWouldRejectAreRefusedBeforeAnyFileIsWritten() throws Exception {
		String[][] cases = { { "head", "Revision identifier 'head' is reserved" },
				{ "base", "Revision identifier 'base' is reserved" },
				{ "../evil", "Character(s) '., /' not allowed in revision identifier '../evil': use letters, digits and underscores" },
				{ "a.b", "Character(s) '.' not allowed in revision identifier 'a.b'" },
				{ "x".repeat(33), "is longer than 32 characters" },
				{ "a-b", "Character(s) '-' not allowed in revision identifier 'a-b'" } };
		for (String[] c : cases) {
			for (boolean sql : new boolean[] { true, false }) {
				List<Path> before = CliRunner.files(this.versions);
				Result result = sql ? this.cli.run("revision", "-m", "x", "--rev-id", c[0], "--sql")
						: this.cli.run("revision", "-m", "x", "--rev-id", c[0]);
				assertThat(result.exitCode()).as(c[0] + " " + result).isEqualTo(2);
				assertThat(result.err()).as(c[0]).startsWith("FAILED: ").contains(c[1]);
				assertThat(CliRunner.files(this.versions)).as(c[0]).isEqualTo(before);
			}
		}
		assertThat(this.cli.run("history").exitCode()).as("the project still loads").isZero();
	}

	@Test
	void tooLargeOrNegativeTimeoutsAreNamed() throws Exception {
		Result large = this.cli.run("--lock-timeout-ddl", "99999999999999999999", "upgrade", "head");
		assertThat(large.exitCode()).isEqualTo(2);
		assertThat(large.err().strip()).startsWith("FAILED: Invalid lock-timeout-ddl '99999999999999999999': too large");
		Result negative = this.cli.run("--statement-timeout", "-PT5S", "upgrade", "head");
		assertThat(negative.exitCode()).isEqualTo(2);
		assertThat(negative.err().strip()).startsWith("FAILED: Invalid statement-timeout '-PT5S': must not be negative");
		Files.writeString(this.versions.resolve("b2_r.sql"), "-- revision: b2\n-- down_revision: a1\n-- message: r\n"
				+ "-- migrate:lock-timeout: 99999999999999999999\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\nSELECT 1;\n");
		Result header = this.cli.run("upgrade", "head");
		assertThat(header.exitCode()).isEqualTo(2);
		assertThat(header.err()).contains("99999999999999999999").contains("too large").doesNotContain("For input string");
		assertThat(versionTableExists()).as("nothing ran").isFalse();
	}

	@Test
	void aRevisionWhoseStaticInitializerThrowsIsNamedWithTheCause() throws Exception {
		Files.writeString(this.versions.resolve("R2.java"), "package versions;\nimport dev.migrate.operations.Operations;\n"
				+ "import dev.migrate.script.*;\n@Revision(id = \"c3\", down = \"a1\", message = \"static boom\")\n"
				+ "public class R2 implements Migration {\n"
				+ "\tstatic final int X = Integer.parseInt(System.getProperty(\"migrate.no.such\", \"zz\"));\n"
				+ "\tpublic void upgrade(Operations op) { }\n\tpublic void downgrade(Operations op) { }\n}\n");
		Result result = this.cli.run("upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Could not create revision c3 (versions.R2): its static initializer threw "
				+ "java.lang.NumberFormatException: For input string: \"zz\"").doesNotContain(": ExceptionInInitializerError");
		assertThat(this.cli.run("current").out()).contains("a1");
	}

	@Test
	void anOutOfMemoryErrorIsNotReportedAsAFailedMigration() throws Exception {
		Files.writeString(this.versions.resolve("R3.java"), "package versions;\nimport dev.migrate.operations.Operations;\n"
				+ "import dev.migrate.script.*;\n@Revision(id = \"d4\", down = \"a1\", message = \"big\")\n"
				+ "public class R3 implements Migration {\n"
				+ "\tpublic void upgrade(Operations op) { throw new OutOfMemoryError(\"Java heap space\"); }\n"
				+ "\tpublic void downgrade(Operations op) { }\n}\n");
		Result result = this.cli.run("upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(ErrorHandler.JVM_FAILED);
		assertThat(result.err().strip()).startsWith("FAILED: The command line failed: out of memory (Java heap space): "
				+ "give the JVM more, e.g. MIGRATE_JAVA_OPTS=-Xmx2g; Revision d4")
			.endsWith("run 'migrate current' to see where the database stands");
		assertThat(this.cli.run("current").out()).contains("a1");
	}

}
