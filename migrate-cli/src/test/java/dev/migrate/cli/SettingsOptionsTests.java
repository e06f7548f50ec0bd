package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import javax.tools.ToolProvider;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/cli.md: every key of the properties file is also an option {@code --<key>}, before the
 * command or after it; the compare options switch the drift check's type and server-default
 * comparison on a real database (issue 19 item 5, issue 22 item 5).
 */
class SettingsOptionsTests {

	@TempDir
	Path project;

	@Test
	void everyKeyIsAnOptionBeforeOrAfterTheCommand() {
		for (String key : Settings.KEYS.keySet()) {
			for (boolean after : new boolean[] { false, true }) {
				MigrateCli cli = new MigrateCli();
				CommandLine commandLine = MigrateCli.commandLine(cli);
				String[] args = after ? new String[] { "check", "--" + key + "=v1" }
						: new String[] { "--" + key + "=v1", "check" };
				boolean bool = isBoolean(cli, key);
				if (bool) {
					args = after ? new String[] { "check", "--" + key } : new String[] { "--" + key, "check" };
				}
				commandLine.parseArgs(args);
				Map<String, String> options = MigrateCli.settingsOptions(cli.spec);
				assertThat(options).as(key).containsEntry(key, bool ? "true" : "v1");
			}
		}
	}

	@Test
	void docsListEveryKeyWithItsOptionAndEnvironmentVariable() throws Exception {
		String docs = Files.readString(Path.of("..", "docs", "cli.md"));
		for (String key : Settings.KEYS.keySet()) {
			assertThat(docs.contains("| `" + key + "` / `--" + key + "`")
					|| docs.contains("| `" + key + "` / `--[no-]" + key + "`")
					|| docs.contains("| `" + key + "` / `--" + key + "`, ")).as(key).isTrue();
			assertThat(docs).as(key).contains("| `" + Settings.envName(key) + "` |");
		}
	}

	@Test
	void booleanOptionsTakeAValueOrTheirNegation() {
		MigrateCli cli = new MigrateCli();
		MigrateCli.commandLine(cli).parseArgs("check", "--no-compare-type", "--compare-server-default=true",
				"--placeholders", "false", "--no-baseline-on-migrate", "--transaction-per-migration=false");
		assertThat(MigrateCli.settingsOptions(cli.spec)).containsEntry("compare-type", "false")
			.containsEntry("compare-server-default", "true")
			.containsEntry("placeholders", "false")
			.containsEntry("baseline-on-migrate", "false")
			.containsEntry("transaction-per-migration", "false");
	}

	@Test
	void anOptionAfterTheCommandWinsOverTheEnvironmentAndTheFile() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		Files.writeString(this.project.resolve("migrate.properties"), "script-location = nowhere\n");
		CliRunner cli = new CliRunner(this.project).env("MIGRATE_SCRIPT_LOCATION", "elsewhere");
		Result wrong = cli.run("heads");
		assertThat(wrong.exitCode()).isEqualTo(2);
		assertThat(wrong.err()).contains("elsewhere");
		Result heads = cli.run("heads", "--script-location", "versions");
		assertThat(heads.exitCode()).as(heads.toString()).isZero();
	}

	private static boolean isBoolean(MigrateCli cli, String key) {
		CommandLine.Model.OptionSpec option = cli.spec.findOption("--" + key);
		assertThat(option).as("option --" + key).isNotNull();
		return option.negatable();
	}

	static final String PRODUCT = """
			package com.example.model;

			import jakarta.persistence.*;

			@Entity
			@Table(name = "products")
			public class Product {
				@Id
				Long id;
				@Column(nullable = false, length = 50)
				String sku;
			}
			""";

	@Test
	void checkComparesTypesWithCompareTypeAndNotWithout() throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		Path src = Files.createDirectories(this.project.resolve("model-src/com/example/model"));
		Files.writeString(src.resolve("Product.java"), PRODUCT);
		Path classes = Files.createDirectories(this.project.resolve("classes"));
		assertThat(ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"), "-d",
					classes.toString(), src.resolve("Product.java").toString())).isZero();
		Files.createDirectories(this.project.resolve("versions"));
		// the database's sku is VARCHAR(20) with a server default; the model's VARCHAR(50) without
		Files.writeString(this.project.resolve("versions/aaaa00000001_products.sql"), """
				-- revision: aaaa00000001
				-- down_revision: none
				-- message: products

				-- migrate:upgrade
				CREATE TABLE products (id BIGINT NOT NULL PRIMARY KEY, sku VARCHAR(20) DEFAULT 'none' NOT NULL);

				-- migrate:downgrade
				DROP TABLE products;
				""");
		Files.writeString(this.project.resolve("migrate.properties"), """
				script-location = versions
				models = com.example.model
				classpath = classes
				compare-type = false
				""");
		CliRunner cli = new CliRunner(this.project, db.cliArgs());
		Result up = cli.run("upgrade", "head");
		assertThat(up.exitCode()).as(up.toString()).isZero();

		Result without = cli.run("check");
		assertThat(without.exitCode()).as(without.toString()).isZero();
		assertThat(without.out()).contains("No new upgrade operations detected.");

		Result with = cli.run("check", "--compare-type");
		assertThat(with.exitCode()).as(with.toString()).isEqualTo(1);
		assertThat(with.out()).contains("Detected").contains("sku").containsIgnoringCase("type");
		assertThat(with.err()).startsWith("FAILED: New upgrade operations detected: [").contains("products.sku")
			.doesNotContainIgnoringCase("default");
		Result withValue = cli.run("--compare-type=true", "check");
		assertThat(withValue.exitCode()).as(withValue.toString()).isEqualTo(1);
		Result negated = cli.run("check", "--no-compare-type");
		assertThat(negated.exitCode()).as(negated.toString()).isZero();

		Result defaults = cli.run("check", "--compare-server-default");
		assertThat(defaults.exitCode()).as(defaults.toString()).isEqualTo(1);
		assertThat(defaults.err()).containsIgnoringCase("default").contains("sku");

		// nothing changed in the database
		try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
			s.execute("INSERT INTO products (id) VALUES (1)");
		}
	}

}
