package dev.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar (target/migrate.jar) run as a separate process, as bin/migrate runs it. */
class MigrateJarIT {

	static Path jar;

	@TempDir
	Path project;

	@BeforeAll
	static void findJar() {
		Assumptions.assumeTrue(System.getProperty("migrate.jar") != null,
				"skipped: runs under maven-failsafe (mvn verify), which builds and names the jar");
		jar = Path.of(System.getProperty("migrate.jar", "target/migrate.jar")).toAbsolutePath();
		assertThat(jar).as("run 'mvn package' first").exists();
	}

	record Run(int exitCode, String out, String err) {
	}

	Run migrate(Map<String, String> env, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.project.toFile());
		builder.environment().keySet().removeIf((k) -> k.startsWith("MIGRATE_"));
		builder.environment().putAll(env);
		Path out = this.project.resolve(".out");
		Path err = this.project.resolve(".err");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile());
		Process process = builder.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	@Test
	void firstSessionAgainstASqliteFile() throws Exception {
		Run init = migrate(Map.of(), "init", "db/versions");
		assertThat(init.exitCode()).as(init.err()).isZero();
		Files.writeString(this.project.resolve("migrate.properties"), "url = jdbc:sqlite:app.db\n",
				java.nio.file.StandardOpenOption.APPEND);
		Run revision = migrate(Map.of(), "revision", "--sql", "--rev-id", "ae1027a6acf0", "-m", "create account table");
		assertThat(revision.exitCode()).as(revision.err()).isZero();
		Path file = this.project.resolve("db/versions/ae1027a6acf0_create_account_table.sql");
		assertThat(file).exists();
		CliRunner.fillSql(file, "CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);",
				"DROP TABLE account;");
		Run upgrade = migrate(Map.of(), "upgrade", "head");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(upgrade.out()).contains("Running upgrade  -> ae1027a6acf0, create account table ... done");
		Run current = migrate(Map.of(), "current");
		assertThat(current.out().strip()).isEqualTo("ae1027a6acf0 (head)");
		Run check = migrate(Map.of(), "check");
		assertThat(check.exitCode()).as(check.err()).isZero();
		Run downgrade = migrate(Map.of(), "downgrade", "base");
		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		Run behind = migrate(Map.of(), "check");
		assertThat(behind.exitCode()).isEqualTo(1);
		assertThat(behind.err()).startsWith("FAILED: Target database is not up to date.");
	}

	@Test
	void launcherRunsTheJar() throws Exception {
		Path launcher = Path.of(System.getProperty("migrate.launcher", "../bin/migrate")).toAbsolutePath();
		Process process = new ProcessBuilder("bash", launcher.toString(), "--version").directory(this.project.toFile())
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		assertThat(out).startsWith("migrate ");
		Process usage = new ProcessBuilder("bash", launcher.toString(), "downgrade").directory(this.project.toFile())
			.redirectErrorStream(true)
			.start();
		usage.getInputStream().readAllBytes();
		assertThat(usage.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(usage.exitValue()).isEqualTo(2);
	}

	@Test
	void exitCodesAndEnvironmentOfTheProcess() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Run help = migrate(Map.of(), "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).startsWith("Usage: migrate");
		Run usage = migrate(Map.of(), "upgrade");
		assertThat(usage.exitCode()).isEqualTo(2);
		Run unreachable = migrate(Map.of("MIGRATE_URL", "jdbc:postgresql://127.0.0.1:1/db", "MIGRATE_PASSWORD",
				"topsecret", "MIGRATE_SCRIPT_LOCATION", "versions"), "current");
		assertThat(unreachable.exitCode()).isEqualTo(2);
		assertThat(unreachable.err()).startsWith("FAILED: Cannot connect to jdbc:postgresql://127.0.0.1:1/db")
			.doesNotContain("topsecret");
		assertThat(unreachable.err().strip().lines()).hasSize(1);
	}

	@Test
	void modelsReadByTheJarAloneSeeBeanValidationAndTheApplicationsNaming() throws Exception {
		// an application's compiled entity (target/classes), with its application.properties
		Path classes = Files.createDirectories(this.project.resolve("classes"));
		Path src = Files.createDirectories(this.project.resolve("src/app/model"));
		Path entity = Files.writeString(src.resolve("Owner.java"), """
				package app.model;

				@jakarta.persistence.Entity
				public class Owner {
					@jakarta.persistence.Id
					private Long id;
					@jakarta.validation.constraints.NotBlank
					private String firstName;
					private String city;
				}
				""");
		int javac = javax.tools.ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-proc:none", "-d",
					classes.toString(), entity.toString());
		assertThat(javac).isZero();
		Files.writeString(classes.resolve("application.properties"), "spring.jpa.hibernate.naming.physical-strategy="
				+ "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n");
		Files.createDirectories(this.project.resolve("versions"));
		Run revision = migrate(Map.of(), "--url", "jdbc:sqlite:app.db", "--script-location", "versions", "--models",
				"app.model", "--classpath", "classes", "revision", "--autogenerate", "--rev-id", "aaaa00000001", "-m",
				"owners");
		assertThat(revision.exitCode()).as(revision.err()).isZero();
		assertThat(revision.err()).doesNotContain("WARNING");
		Path file;
		try (var files = Files.list(this.project.resolve("versions"))) {
			file = files.filter((f) -> f.toString().endsWith(".java")).findFirst().orElseThrow();
		}
		assertThat(Files.readString(file)).contains("op.createTable(\"owner\",")
			.contains("column(\"firstname\", string(255)).notNull()")
			.contains("column(\"city\", string(255)))")
			.doesNotContain("first_name");
	}

}
