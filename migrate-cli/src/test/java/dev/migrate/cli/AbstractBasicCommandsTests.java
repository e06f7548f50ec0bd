package dev.migrate.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's "Basic Commands" block, in order, through the real command line against a real
 * database: current, history, upgrade head, upgrade +1, downgrade -1, downgrade &lt;rev&gt;,
 * downgrade base. Revisions are SQL files created with {@code migrate revision --sql}.
 */
abstract class AbstractBasicCommandsTests {

	@TempDir
	Path project;

	abstract TestDatabase database();

	CliRunner cli() {
		List<String> args = new ArrayList<>(List.of(database().cliArgs()));
		args.addAll(List.of("--script-location", "versions"));
		return new CliRunner(this.project, args.toArray(String[]::new));
	}

	@Test
	void basicCommandsOfTheGuideInOrder() throws Exception {
		CliRunner cli = cli();
		Path versions = this.project.resolve("versions");
		assertThat(cli.runRaw("init", "versions").exitCode()).isZero();
		create(cli, "aaaa00000001", "create companies", "CREATE TABLE companies (id INTEGER PRIMARY KEY, name VARCHAR(100));",
				"DROP TABLE companies;");
		create(cli, "bbbb00000002", "create users",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200), company_id INTEGER REFERENCES companies (id));",
				"DROP TABLE users;");
		create(cli, "cccc00000003", "add users phone", "ALTER TABLE users ADD COLUMN phone VARCHAR(20);",
				"ALTER TABLE users DROP COLUMN phone;");
		assertThat(CliRunner.files(versions)).hasSize(3);

		// migrate current: nothing yet, and the version table is not created
		Result current = cli.run("current");
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(current.lines()).isEmpty();
		assertThat(tableExists("migrate_version")).isFalse();

		// migrate history
		Result history = cli.run("history");
		assertThat(history.exitCode()).as(history.toString()).isZero();
		assertThat(history.lines()).containsExactly("bbbb00000002 -> cccc00000003 (head), add users phone",
				"aaaa00000001 -> bbbb00000002, create users", "<base> -> aaaa00000001, create companies");

		// migrate upgrade head
		Result upgrade = cli.run("upgrade", "head");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.out()).contains("Running upgrade  -> aaaa00000001, create companies ... done")
			.contains("Running upgrade aaaa00000001 -> bbbb00000002, create users ... done")
			.contains("Running upgrade bbbb00000002 -> cccc00000003, add users phone ... done")
			.contains("Upgraded to cccc00000003: 3 revisions in");
		assertThat(versionRows()).containsExactly("cccc00000003");
		assertThat(columnExists("users", "phone")).isTrue();
		assertThat(cli.run("current").lines()).containsExactly("cccc00000003 (head)");

		// migrate upgrade +1: at head it is Alembic's error, and nothing changes
		Result tooFar = cli.run("upgrade", "+1");
		assertThat(tooFar.exitCode()).as(tooFar.toString()).isEqualTo(2);
		assertThat(tooFar.err().strip()).startsWith("FAILED: ").contains("+1").doesNotContain("\tat ");
		assertThat(versionRows()).containsExactly("cccc00000003");

		// a new revision, then migrate upgrade +1 runs exactly it
		create(cli, "dddd00000004", "create products", "CREATE TABLE products (id INTEGER PRIMARY KEY, sku VARCHAR(50));",
				"DROP TABLE products;");
		Result plusOne = cli.run("upgrade", "+1");
		assertThat(plusOne.exitCode()).as(plusOne.toString()).isZero();
		assertThat(plusOne.out()).contains("Running upgrade cccc00000003 -> dddd00000004, create products ... done")
			.contains("1 revision in");
		assertThat(versionRows()).containsExactly("dddd00000004");
		assertThat(tableExists("products")).isTrue();

		// migrate downgrade -1
		Result minusOne = cli.run("downgrade", "-1");
		assertThat(minusOne.exitCode()).as(minusOne.toString()).isZero();
		assertThat(minusOne.out()).contains("Running downgrade dddd00000004 -> cccc00000003, create products ... done");
		assertThat(versionRows()).containsExactly("cccc00000003");
		assertThat(tableExists("products")).isFalse();

		// migrate downgrade <rev> (a unique prefix)
		Result toRev = cli.run("downgrade", "aaaa");
		assertThat(toRev.exitCode()).as(toRev.toString()).isZero();
		assertThat(versionRows()).containsExactly("aaaa00000001");
		assertThat(tableExists("users")).isFalse();
		assertThat(tableExists("companies")).isTrue();
		Result historyI = cli.run("history", "-i");
		assertThat(historyI.lines()).contains("<base> -> aaaa00000001 (current), create companies");

		// migrate downgrade base
		Result base = cli.run("downgrade", "base");
		assertThat(base.exitCode()).as(base.toString()).isZero();
		assertThat(base.out()).contains("Running downgrade aaaa00000001 -> , create companies ... done");
		assertThat(versionRows()).isEmpty();
		assertThat(tableExists("companies")).isFalse();
		assertThat(cli.run("current").lines()).isEmpty();
	}

	void create(CliRunner cli, String id, String message, String up, String down) {
		Result result = cli.run("revision", "--sql", "--rev-id", id, "-m", message);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("Generating ").contains(id + "_" + message.replace(' ', '_') + ".sql");
		Path file = this.project.resolve("versions").resolve(id + "_" + message.replace(' ', '_') + ".sql");
		CliRunner.fillSql(file, up, down);
	}

	List<String> versionRows() throws SQLException {
		List<String> rows = new ArrayList<>();
		if (!tableExists("migrate_version")) {
			return rows;
		}
		try (Connection c = database().connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT version_num FROM migrate_version")) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	boolean tableExists(String table) throws SQLException {
		try (Connection c = database().connect();
				ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, table, new String[] { "TABLE" })) {
			return rs.next();
		}
	}

	boolean columnExists(String table, String column) throws SQLException {
		try (Connection c = database().connect(); ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, column)) {
			return rs.next();
		}
	}

}
