package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --transaction-per-migration} / {@code --no-transaction-per-migration} and the
 * {@code transaction-per-migration} key, on PostgreSQL (transactional DDL): with one transaction per
 * revision a failing second revision leaves the first applied; with one transaction for the run it
 * leaves nothing.
 */
class TransactionModeCliTests {

	@TempDir
	Path dir;

	private TestDatabase database;

	@BeforeEach
	void setUp() throws IOException {
		this.database = TestDatabases.freshPostgres();
		Path versions = Files.createDirectories(this.dir.resolve("versions"));
		Files.writeString(versions.resolve("t01_one.sql"), "-- revision: t01\n-- down_revision:\n\n-- migrate:upgrade\n"
				+ "CREATE TABLE txmode_one (id INT);\n\n-- migrate:downgrade\nDROP TABLE txmode_one;\n");
		Files.writeString(versions.resolve("t02_two.sql"), "-- revision: t02\n-- down_revision: t01\n\n-- migrate:upgrade\n"
				+ "CREATE TABLE txmode_two (id INT);\nINSERT INTO txmode_two VALUES ('not a number');\n\n"
				+ "-- migrate:downgrade\nDROP TABLE txmode_two;\n");
	}

	private CliRunner cli() {
		CliRunner cli = new CliRunner(this.dir, this.database.cliArgs());
		return cli;
	}

	private CliRunner.Result upgrade(CliRunner cli, String... globalOptions) {
		String[] args = new String[globalOptions.length + 3];
		System.arraycopy(globalOptions, 0, args, 0, globalOptions.length);
		args[globalOptions.length] = "--script-location";
		args[globalOptions.length + 1] = "versions";
		args[globalOptions.length + 2] = "upgrade";
		String[] withHead = java.util.Arrays.copyOf(args, args.length + 1);
		withHead[args.length] = "head";
		return cli.run(withHead);
	}

	private boolean tableExists(String table) throws SQLException {
		try (Connection c = this.database.connect();
				ResultSet rs = c.getMetaData().getTables(null, "public", table, null)) {
			return rs.next();
		}
	}

	@Test
	void defaultIsOneTransactionPerRevision() throws SQLException {
		CliRunner.Result result = upgrade(cli());
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.err()).contains("FAILED: ").contains("t02");
		assertThat(tableExists("txmode_one")).isTrue();
		assertThat(tableExists("txmode_two")).isFalse();
		assertThat(cli().run("--script-location", "versions", "current").out()).contains("t01");
	}

	@Test
	void explicitTransactionPerMigrationOptionKeepsTheFirstRevision() throws SQLException {
		CliRunner.Result result = upgrade(cli(), "--transaction-per-migration");
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(tableExists("txmode_one")).isTrue();
	}

	@Test
	void noTransactionPerMigrationOptionRollsTheWholeRunBack() throws SQLException {
		CliRunner.Result result = upgrade(cli(), "--no-transaction-per-migration");
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.err()).contains("FAILED: ").contains("t02").contains("version table left at base");
		assertThat(tableExists("txmode_one")).isFalse();
		assertThat(tableExists("txmode_two")).isFalse();
	}

	@Test
	void propertiesFileKeyFalseRollsTheWholeRunBackAndTheOptionWins() throws IOException, SQLException {
		Files.writeString(this.dir.resolve("migrate.properties"), "transaction-per-migration = false\n");
		assertThat(upgrade(cli()).exitCode()).isNotZero();
		assertThat(tableExists("txmode_one")).isFalse();
		// the option wins over the file
		assertThat(upgrade(cli(), "--transaction-per-migration").exitCode()).isNotZero();
		assertThat(tableExists("txmode_one")).isTrue();
	}

	@Test
	void environmentVariableIsRead() throws SQLException {
		assertThat(upgrade(cli().env("MIGRATE_TRANSACTION_PER_MIGRATION", "false")).exitCode()).isNotZero();
		assertThat(tableExists("txmode_one")).isFalse();
	}

	@Test
	void invalidValueFailsWithOneLineNamingTheKeyAndChangesNothing() throws IOException, SQLException {
		Files.writeString(this.dir.resolve("migrate.properties"), "transaction-per-migration = sometimes\n");
		CliRunner.Result result = upgrade(cli());
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.err().strip()).startsWith("FAILED: ")
			.contains("Invalid boolean 'sometimes' for transaction-per-migration")
			.contains("migrate.properties")
			.doesNotContain("\n");
		assertThat(tableExists("txmode_one")).isFalse();
		assertThat(tableExists("migrate_version")).isFalse();
	}

}
