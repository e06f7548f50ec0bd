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
 * {@code --schemas}, {@code --schemas-from-query} and {@code --parallelism} on upgrade, downgrade,
 * stamp, current and check against embedded PostgreSQL: a line per tenant, a summary, JSON per
 * tenant, and exit code 1 when a tenant failed.
 */
class PostgresTenantCliTests {

	@TempDir
	Path project;

	private TestDatabase database;

	@BeforeEach
	void setUp() throws Exception {
		this.database = TestDatabases.freshPostgres();
		Path versions = Files.createDirectories(this.project.resolve("versions"));
		revision(versions, "r1", "", "accounts", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
		revision(versions, "r2", "r1", "invoices", "CREATE TABLE invoices (id INTEGER PRIMARY KEY);", "DROP TABLE invoices;");
		revision(versions, "r3", "r2", "notes", "ALTER TABLE accounts ADD COLUMN note VARCHAR(50);",
				"ALTER TABLE accounts DROP COLUMN note;");
		execute("CREATE TABLE public.tenant_registry (schema_name VARCHAR(63), active BOOLEAN)");
		execute("INSERT INTO public.tenant_registry VALUES ('acme', true), ('globex', true), ('initech', true), ('old', false)");
	}

	private static void revision(Path dir, String id, String down, String message, String upgrade, String downgrade)
			throws Exception {
		Files.writeString(dir.resolve(id + "_" + message + ".sql"), "-- revision: " + id + "\n-- down_revision: " + down
				+ "\n-- message: " + message + "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n");
	}

	private CliRunner cli() {
		List<String> args = new ArrayList<>(List.of(this.database.cliArgs()));
		args.addAll(List.of("--script-location", "versions"));
		return new CliRunner(this.project, args.toArray(String[]::new));
	}

	@Test
	void upgradeCurrentCheckDowngradeAndStampEverySchema() throws Exception {
		CliRunner cli = cli();
		Result upgrade = cli.run("upgrade", "head", "--schemas", "acme,globex,initech", "--parallelism", "2");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		assertThat(upgrade.lines()).hasSize(4)
			.anyMatch((l) -> l.matches("\\[\\d/3\\] acme: upgraded <base> -> r3: 3 steps in \\d+ ms"))
			.anyMatch((l) -> l.matches("\\[\\d/3\\] initech: upgraded <base> -> r3: 3 steps in \\d+ ms"));
		assertThat(upgrade.lines().get(3)).matches("upgrade: 3 tenants, 3 ok, 0 failed in \\d+ ms \\(parallelism 2\\)\\.");
		assertThat(query("SELECT version_num FROM globex.migrate_version")).containsExactly("r3");
		// accounts, invoices, the version table and its checksums: all in the tenant's schema
		assertThat(query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'acme' ORDER BY 1"))
			.containsExactly("accounts", "invoices", "migrate_version", "migrate_version_checksums");

		Result current = cli.run("current", "--schemas-from-query",
				"SELECT schema_name FROM tenant_registry WHERE active ORDER BY schema_name");
		assertThat(current.exitCode()).as(current.toString()).isZero();
		assertThat(current.lines()).startsWith("acme: r3 (head)", "globex: r3 (head)", "initech: r3 (head)")
			.hasSize(4);

		Result check = cli.run("check", "--schemas", "acme,globex");
		assertThat(check.exitCode()).as(check.toString()).isZero();
		assertThat(check.out()).contains("acme: up to date at r3").contains("check: 2 tenants, 2 ok, 0 failed");

		Result down = cli.run("downgrade", "r1", "--schemas", "globex");
		assertThat(down.exitCode()).as(down.toString()).isZero();
		assertThat(down.out()).contains("globex: downgraded r3 -> r1: 2 steps in");
		Result notAtHead = cli.run("check", "--schemas", "acme,globex,initech", "--parallelism", "1");
		assertThat(notAtHead.exitCode()).as(notAtHead.toString()).isEqualTo(1);
		assertThat(notAtHead.out()).contains("globex: not up to date: r1 (2 pending: r2, r3)");
		assertThat(notAtHead.err().strip()).isEqualTo(
				"FAILED: check: 3 tenants, 2 ok, 1 failed (globex) in " + ms(notAtHead.err()) + " ms (parallelism 1)");
		assertThat(cli.run("current", "--check-heads", "--schemas", "globex").exitCode()).isEqualTo(1);

		Result stamp = cli.run("stamp", "r2", "--schemas", "globex");
		assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
		assertThat(query("SELECT version_num FROM globex.migrate_version")).containsExactly("r2");
	}

	@Test
	void oneFailingTenantExitsOneAndTheJsonNamesIt() throws Exception {
		CliRunner cli = cli();
		// initech already has an invoices table: r2 fails there only (r1 and the version table first)
		execute("CREATE SCHEMA initech");
		execute("CREATE TABLE initech.migrate_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)");
		execute("CREATE TABLE initech.invoices (id INTEGER)");
		Result upgrade = cli.run("--json", "upgrade", "heads", "--schemas-from-query",
				"SELECT schema_name FROM tenant_registry WHERE active ORDER BY schema_name");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isEqualTo(1);
		assertThat(upgrade.err().strip()).startsWith("FAILED: upgrade: 3 tenants, 2 ok, 1 failed (initech) in ");
		@SuppressWarnings("unchecked")
		Map<String, Object> json = new Gson().fromJson(upgrade.out(), Map.class);
		assertThat(json).containsEntry("command", "upgrade").containsEntry("ok", false).containsEntry("failed", 1.0);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> tenants = (List<Map<String, Object>>) json.get("tenants");
		assertThat(tenants).extracting((t) -> t.get("tenant")).containsExactly("acme", "globex", "initech");
		Map<String, Object> initech = tenants.get(2);
		assertThat(initech).containsEntry("ok", false).containsEntry("to", List.of("r1"));
		assertThat((String) initech.get("error")).contains("r2").contains("invoices");
		assertThat(tenants.get(0)).containsEntry("to", List.of("r3")).containsEntry("error", null);
		assertThat((List<?>) tenants.get(0).get("steps")).hasSize(3);
		assertThat(query("SELECT version_num FROM initech.migrate_version")).containsExactly("r1");
	}

	@Test
	void badTenantOptionsFailBeforeAnythingChanges() throws Exception {
		CliRunner cli = cli();
		Result both = cli.run("upgrade", "head", "--schemas", "acme", "--schemas-from-query", "SELECT 'x'");
		assertThat(both.exitCode()).isEqualTo(2);
		assertThat(both.err().strip()).isEqualTo("FAILED: Use either schemas or schemas-from-query, not both");
		Result badQuery = cli.run("upgrade", "head", "--schemas-from-query", "SELECT nope FROM nowhere");
		assertThat(badQuery.exitCode()).isEqualTo(2);
		assertThat(badQuery.err().strip()).startsWith("FAILED: schemas-from-query failed: ").contains("nowhere");
		Result badName = cli.run("upgrade", "head", "--schemas", "acme,bad-name");
		assertThat(badName.exitCode()).isEqualTo(2);
		assertThat(badName.err().strip()).startsWith("FAILED: Tenant 'bad-name': Invalid schema name 'bad-name'");
		Result parallelism = cli.run("upgrade", "head", "--schemas", "acme", "--parallelism", "0");
		assertThat(parallelism.exitCode()).isEqualTo(2);
		assertThat(parallelism.err().strip())
			.isEqualTo("FAILED: Invalid parallelism '0' (parallelism): use a whole number of at least 1");
		Result sql = cli.run("upgrade", "head", "--sql", "--schemas", "acme");
		assertThat(sql.exitCode()).isEqualTo(2);
		Result unknown = cli.run("upgrade", "nope", "--schemas", "acme,globex");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.out()).isEmpty();
		assertThat(query("SELECT count(*) FROM information_schema.schemata WHERE schema_name IN ('acme', 'globex')"))
			.containsExactly("0");
		Result none = cli.run("upgrade", "head", "--schemas-from-query", "SELECT schema_name FROM tenant_registry WHERE false");
		assertThat(none.exitCode()).as(none.toString()).isZero();
		assertThat(none.out().strip()).isEqualTo("No tenant schemas: schemas-from-query returned no rows.");
	}

	private static String ms(String line) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("in (\\d+) ms").matcher(line);
		return m.find() ? m.group(1) : "?";
	}

	private void execute(String sql) throws SQLException {
		try (Connection c = this.database.connect(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection c = this.database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			List<String> out = new ArrayList<>();
			while (rs.next()) {
				out.add(rs.getString(1));
			}
			return out;
		}
	}

}
