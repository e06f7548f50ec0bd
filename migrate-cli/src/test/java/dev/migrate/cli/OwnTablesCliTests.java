package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.tools.ToolProvider;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line never reports Migrate's own tables (version table, log table, lock row) as
 * drift, whatever they are called: the version table configured once (the file), the log table
 * only where the service upgrades (issue 22 item 2: the starter's migrate.log-table, which the
 * command line is not told), on each embedded database.
 */
class OwnTablesCliTests {

	@TempDir
	Path project;

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

	void compileModel() throws Exception {
		Path src = Files.createDirectories(this.project.resolve("model-src/com/example/model"));
		Files.writeString(src.resolve("Product.java"), PRODUCT);
		Path classes = Files.createDirectories(this.project.resolve("classes"));
		int javac = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"), "-d",
					classes.toString(), src.resolve("Product.java").toString());
		assertThat(javac).isZero();
	}

	void ownTablesAreNoDrift(TestDatabase db) throws Exception {
		compileModel();
		Files.createDirectories(this.project.resolve("versions"));
		Files.writeString(this.project.resolve("versions/aaaa00000001_products.sql"), """
				-- revision: aaaa00000001
				-- down_revision: none
				-- message: products

				-- migrate:upgrade
				CREATE TABLE products (id BIGINT NOT NULL PRIMARY KEY, sku VARCHAR(50) NOT NULL);

				-- migrate:downgrade
				DROP TABLE products;
				""");
		// the version table is configured once, in the file; the log table only where the service
		// runs its upgrades (the starter's migrate.log-table), never for the command line
		Files.writeString(this.project.resolve("migrate.properties"), """
				script-location = versions
				models = com.example.model
				classpath = classes
				version-table = schema_rev
				""");
		CliRunner service = new CliRunner(this.project, db.cliArgs()).env("MIGRATE_LOG_TABLE", "ops_audit_log");
		Result up = service.run("upgrade", "head");
		assertThat(up.exitCode()).as(up.toString()).isZero();
		try (Connection connection = db.connect(); Statement s = connection.createStatement();
				ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ops_audit_log")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}

		CliRunner cli = new CliRunner(this.project, db.cliArgs());
		Result check = cli.run("check");
		assertThat(check.exitCode()).as(check.toString()).isZero();
		assertThat(check.out()).contains("No new upgrade operations detected.");
		Result json = cli.run("--json", "check");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		assertThat(json.out()).contains("\"differences\": []");
		Result generated = cli.run("revision", "--autogenerate", "--sql", "--rev-id", "bbbb00000002", "-m", "nothing");
		assertThat(generated.exitCode()).as(generated.toString()).isZero();
		assertThat(generated.out()).contains("No changes in schema detected.").doesNotContain("ops_audit_log");
		assertThat(Files.readString(this.project.resolve("versions/bbbb00000002_nothing.sql")))
			.doesNotContainIgnoringCase("DROP TABLE");
		Files.delete(this.project.resolve("versions/bbbb00000002_nothing.sql"));

		// a table of the application's that no model declares is still seen: listed as the database's
		// only (drift-extras: report, the default), drift with drift-extras: fail; Migrate's own never
		try (Connection connection = db.connect(); Statement s = connection.createStatement()) {
			s.execute("CREATE TABLE legacy_stuff (id INTEGER NOT NULL PRIMARY KEY, note VARCHAR(20))");
		}
		Result reported = cli.run("check");
		assertThat(reported.exitCode()).as(reported.toString()).isZero();
		assertThat(reported.out()).contains("Note: table legacy_stuff in the database only (drift-extras: report)")
			.doesNotContainIgnoringCase("ops_audit_log");
		Result drift = cli.run("check", "--drift-extras", "fail");
		assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(1);
		assertThat(drift.out() + drift.err()).containsIgnoringCase("legacy_stuff").doesNotContainIgnoringCase("ops_audit_log")
			.doesNotContainIgnoringCase("schema_rev");
	}

	@Test
	void postgres() throws Exception {
		ownTablesAreNoDrift(TestDatabases.freshPostgres());
	}

	@Test
	void h2() throws Exception {
		ownTablesAreNoDrift(TestDatabases.freshH2());
	}

	@Test
	void sqlite() throws Exception {
		ownTablesAreNoDrift(TestDatabases.freshSqlite());
	}

}
