package dev.migrate.sample;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.cli.MigrateCli;
import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.model.Models;

/** The sample's revision history and models, driven directly through the engine. */
final class SampleMigrations {

	/** The head of the sample's history (the CONCURRENTLY index). */
	static final String HEAD = "f0a3c7d91edd";

	/** The merge revision just below the head. */
	static final String MERGE = "2b8e6f0c4acc";

	/** Where the models are. */
	static final String MODEL_PACKAGE = "dev.migrate.sample.model";

	private SampleMigrations() {
	}

	/** A Migrator over the sample's revisions ({@code classpath:db/migrations}) on {@code db}. */
	static Migrator migrator(SamplePostgres.Database db) {
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(MigrateConfig.DEFAULT_LOCATION)
			.classLoader(SampleMigrations.class.getClassLoader())
			.build());
	}

	/** What a run of the command line printed and returned. */
	record CliResult(int exitCode, String out, String err) {
	}

	/**
	 * Runs the {@code migrate} command line in this JVM against {@code db}, on the sample's compiled
	 * revisions ({@code --classpath target/classes}), as {@code bin/migrate} would.
	 */
	static CliResult cli(SamplePostgres.Database db, String... command) {
		List<String> args = new ArrayList<>(List.of("--url", db.url(), "--user", db.username()));
		if (!db.password().isEmpty()) {
			args.addAll(List.of("--password", db.password()));
		}
		args.addAll(List.of("--script-location", MigrateConfig.DEFAULT_LOCATION, "--classpath", "target/classes",
				"--models", MODEL_PACKAGE));
		args.addAll(List.of(command));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = MigrateCli.execute(args.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true), new MigrateCli.CliEnvironment(Map.of(), Path.of("").toAbsolutePath()));
		return new CliResult(code, out.toString(), err.toString());
	}

	/** The models (JPA entities) compared with the database, types and server defaults included. */
	static SchemaDiff compareWithModels(SamplePostgres.Database db) {
		return Autogenerate.compare(db.dataSource(), null, null,
				Models.fromPackages(SampleMigrations.class.getClassLoader(), List.of(MODEL_PACKAGE)),
				CompareOptions.strict(), Set.of(MigrateConfig.DEFAULT_VERSION_TABLE));
	}

	/** The rows of the version table, sorted. */
	static List<String> versionRows(SamplePostgres.Database db) {
		return strings(db, "SELECT version_num FROM migrate_version ORDER BY version_num");
	}

	/** The user tables of the public schema, sorted. */
	static List<String> tables(SamplePostgres.Database db) {
		return strings(db, "SELECT table_name FROM information_schema.tables "
				+ "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
	}

	/** The first column of every row of {@code sql}, as text. */
	static List<String> strings(SamplePostgres.Database db, String sql) {
		try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run: " + sql, ex);
		}
	}

}
