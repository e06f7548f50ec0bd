package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Configuration sources, usage errors, help, init: everything that needs no revision graph. */
class ConfigurationAndUsageTests {

	@TempDir
	Path project;

	@Test
	void helpDocumentsEveryCommandAndGlobalOption() {
		Result help = new CliRunner(this.project).runRaw("--help");
		assertThat(help.exitCode()).isZero();
		for (String command : new String[] { "init", "revision", "merge", "upgrade", "downgrade", "current", "history",
				"heads", "branches", "show", "stamp", "check", "repair", "unlock" }) {
			assertThat(help.out()).contains("  " + command + " ");
			Result commandHelp = new CliRunner(this.project).runRaw(command, "--help");
			assertThat(commandHelp.exitCode()).as(command).isZero();
			assertThat(commandHelp.out()).startsWith("Usage: migrate " + command);
		}
		assertThat(help.out()).contains("--url", "--user", "--password", "--script-location", "--classpath",
				"--version-table", "--schema", "--dialect", "-x=KEY=VALUE", "--json", "--verbose", "Exit codes");
		// docs/cli.md: every setting is also a global option --<key>
		for (String key : Settings.KEYS.keySet()) {
			assertThat(help.out().contains("--" + key + "=") || help.out().contains("--[no-]" + key)).as(key).isTrue();
		}
		assertThat(help.out()).contains("3  the migration lock was not acquired");
		Result revisionHelp = new CliRunner(this.project).runRaw("revision", "--help");
		assertThat(revisionHelp.out()).contains("--autogenerate", "--head", "--splice", "--branch-label",
				"--depends-on", "--rev-id", "--sql", "-m, --message");
	}

	@Test
	void unknownOptionIsAUsageErrorWithExitCode2() {
		Result result = new CliRunner(this.project).runRaw("upgrade", "--frobnicate", "head");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Unknown option: '--frobnicate'").contains("migrate upgrade --help");
		assertThat(result.err().strip().lines()).hasSize(1);
	}

	@Test
	void missingTargetIsAUsageError() {
		Result result = new CliRunner(this.project).runRaw("upgrade");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("FAILED: Missing required parameter: 'TARGET'");
	}

	@Test
	void noCommandIsAUsageError() {
		Result result = new CliRunner(this.project).runRaw("--url", "jdbc:sqlite:x.db");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Missing command");
	}

	@Test
	void initWritesACommentedPropertiesFileAndTheVersionsDirectory() throws Exception {
		Result result = new CliRunner(this.project).runRaw("init", "db/versions");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.project.resolve("db/versions")).isEmptyDirectory();
		Path config = this.project.resolve("migrate.properties");
		assertThat(config).content().contains("script-location = db/versions").contains("# url = jdbc:sqlite:app.db");
		assertThat(result.out()).contains("Creating directory " + this.project.resolve("db/versions"))
			.contains("Generating " + config)
			.contains("Please edit configuration/connection settings in " + config);
		// the file it wrote is one the command line accepts: heads needs no database
		Files.writeString(this.project.resolve("db/versions/.keep"), "");
		Result again = new CliRunner(this.project).runRaw("init", "db/versions");
		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.err()).isEqualTo("FAILED: Directory " + this.project.resolve("db/versions")
				+ " already exists and is not empty" + System.lineSeparator());
	}

	@Test
	void initWithAnExplicitConfigFileCreatesIt() {
		Result result = new CliRunner(this.project).runRaw("-c", "conf/app-migrate.properties", "init", "db/versions");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		// script-location is relative to the file's directory
		assertThat(this.project.resolve("conf/app-migrate.properties")).content()
			.contains("script-location = ../db/versions");
		Result heads = new CliRunner(this.project).runRaw("-c", "conf/app-migrate.properties", "heads");
		assertThat(heads.exitCode()).as(heads.toString()).isZero();
		assertThat(heads.out()).isEmpty();
	}

	@Test
	void optionsWinOverEnvironmentAndEnvironmentOverFile() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Files.writeString(this.project.resolve("migrate.properties"),
				"script-location = versions\nurl = jdbc:postgresql://127.0.0.1:1/from_file\n");
		CliRunner cli = new CliRunner(this.project);
		assertThat(cli.runRaw("current").err()).contains("from_file");
		cli.env("MIGRATE_URL", "jdbc:postgresql://127.0.0.1:1/from_env");
		assertThat(cli.runRaw("current").err()).contains("from_env");
		Result option = cli.runRaw("--url", "jdbc:postgresql://127.0.0.1:1/from_option", "current");
		assertThat(option.exitCode()).isEqualTo(2);
		assertThat(option.err()).startsWith("FAILED: Cannot connect to jdbc:postgresql://127.0.0.1:1/from_option: ");
		assertThat(option.err().strip().lines()).hasSize(1);
	}

	@Test
	void aUrlWithoutADriverNamesTheBundledDrivers() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Result result = new CliRunner(this.project).run("--script-location", "versions", "--url",
				"jdbc:nosuchdb://host/db", "current");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err().strip()).isEqualTo("FAILED: Cannot connect to jdbc:nosuchdb://host/db: "
				+ "No JDBC driver for this URL (bundled: PostgreSQL, H2, SQLite, MariaDB/MySQL; add others with --classpath)");
	}

	@Test
	void unreachableDatabaseNeverShowsThePassword() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		CliRunner cli = new CliRunner(this.project);
		Result result = cli.runRaw("--script-location", "versions", "--url",
				"jdbc:postgresql://127.0.0.1:1/db?password=urlsecret&user=bob", "--user", "bob", "--password",
				"optsecret", "--verbose", "current");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Cannot connect to jdbc:postgresql://127.0.0.1:1/db?password=***")
			.doesNotContain("urlsecret")
			.doesNotContain("optsecret")
			.contains("\tat ");
		cli.env("MIGRATE_PASSWORD", "envsecret");
		Result env = cli.runRaw("--script-location", "versions", "--url", "jdbc:postgresql://127.0.0.1:1/db", "current",
				"-v");
		assertThat(env.err()).doesNotContain("envsecret");
		assertThat(env.out()).doesNotContain("envsecret");
	}

	@Test
	void unknownKeyInTheConfigFileIsAConfigurationError() throws Exception {
		Files.writeString(this.project.resolve("migrate.properties"), "script-location = v\nurll = jdbc:sqlite:x\n");
		Result result = new CliRunner(this.project).runRaw("heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("FAILED: Unknown key 'urll' in config file "
				+ this.project.resolve("migrate.properties"));
	}

	@Test
	void missingConfigFileGivenWithDashCIsAnError() {
		Result result = new CliRunner(this.project).runRaw("-c", "nope.properties", "heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("nope.properties does not exist (-c/--config)");
	}

	@Test
	void missingScriptLocationNamesTheKeyTheVariableAndTheOption() {
		Result result = new CliRunner(this.project).runRaw("heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("No script-location configured")
			.contains("MIGRATE_SCRIPT_LOCATION")
			.contains("--script-location");
	}

	@Test
	void missingVersionsDirectorySaysToRunInit() {
		Result result = new CliRunner(this.project).runRaw("--script-location", "nowhere", "heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).isEqualTo("FAILED: Path doesn't exist: " + this.project.resolve("nowhere")
				+ ".  Please use the 'init' command to create a new scripts folder." + System.lineSeparator());
	}

	@Test
	void missingUrlIsAConfigurationError() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Result result = new CliRunner(this.project).runRaw("--script-location", "versions", "upgrade", "head");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("No url configured").contains("MIGRATE_URL");
	}

	@Test
	void offlineWithoutDialectOrUrlIsAConfigurationError() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Result result = new CliRunner(this.project).runRaw("--script-location", "versions", "upgrade", "--sql", "head");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Offline mode (--sql) needs a dialect");
	}

	@Test
	void rangeChecksHappenBeforeAnythingIsLoaded() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		CliRunner cli = new CliRunner(this.project, "--script-location", "versions", "--dialect", "postgresql");
		assertThat(cli.run("downgrade", "--sql", "base").err())
			.isEqualTo("FAILED: downgrade with --sql requires <fromrev>:<torev>" + System.lineSeparator());
		assertThat(cli.run("history", "-r", "abc").err())
			.isEqualTo("FAILED: History range requires [start]:[end], [start]:, or :[end]" + System.lineSeparator());
		assertThat(cli.run("stamp", "--sql", "--purge", "head").err())
			.isEqualTo("FAILED: Can't use --purge with --sql mode" + System.lineSeparator());
		Result range = cli.run("--url", "jdbc:sqlite:x.db", "upgrade", "a:b");
		assertThat(range.exitCode()).isEqualTo(2);
	}

	@Test
	void unknownDialectIsAConfigurationError() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Result result = new CliRunner(this.project).runRaw("--script-location", "versions", "--dialect", "oracle",
				"upgrade", "--sql", "head");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown dialect 'oracle'");
	}

	@Test
	void badClasspathEntryIsAConfigurationError() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Result result = new CliRunner(this.project).runRaw("--script-location", "versions", "--classpath",
				"missing-dir", "heads");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Classpath entry " + this.project.resolve("missing-dir") + " does not exist");
	}

	@Test
	void completionScriptIsGenerated() {
		Result result = new CliRunner(this.project).runRaw("generate-completion");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("complete").contains("upgrade");
	}

}
