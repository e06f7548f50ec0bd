package dev.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.migrate.MigrateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code migrate init}: a new versions directory and a commented {@code migrate.properties}. */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = { "Initialize a new migrations environment: creates the versions directory DIR and a "
				+ "commented migrate.properties (or the -c file) in the working directory pointing at it.",
				"An existing properties file is left alone." })
final class InitCommand extends AbstractCommand {

	@Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "migrations",
			description = "Directory for revision files (default: ${DEFAULT-VALUE}).")
	String directory;

	@Override
	public Integer call() throws Exception {
		this.cli.allowMissingConfig = true;
		return super.call();
	}

	@Override
	void run(CliContext context) throws IOException {
		Settings settings = context.settings();
		Path dir = settings.path(this.directory);
		if (Files.isDirectory(dir)) {
			try (Stream<Path> entries = Files.list(dir)) {
				if (entries.findAny().isPresent()) {
					throw new MigrateException("Directory " + dir + " already exists and is not empty");
				}
			}
		}
		else if (Files.exists(dir)) {
			throw new MigrateException(dir + " exists and is not a directory");
		}
		context.println("Creating directory " + dir + " ...  done");
		Files.createDirectories(dir);
		Path config = settings.configFile();
		if (Files.exists(config)) {
			context.println("File " + config + " already exists, skipping");
		}
		else {
			context.println("Generating " + config + " ...  done");
			Path parent = config.getParent();
			Files.createDirectories(parent);
			String location = parent.equals(dir) ? "." : parent.relativize(dir).toString().replace('\\', '/');
			Files.writeString(config, template(location), StandardCharsets.UTF_8);
		}
		context.println("Please edit configuration/connection settings in " + config + " before proceeding.");
	}

	static String template(String location) {
		return """
				# Configuration of the migrate command line.
				# Every key can also be set by an environment variable MIGRATE_<KEY> (dashes as
				# underscores, e.g. MIGRATE_URL, MIGRATE_PASSWORD) or by the option --<key>, before or
				# after the command (--url ..., migrate check --no-compare-type; booleans --[no-]<key>).
				# Options win over the environment, the environment over this file.
				# Relative paths in this file are relative to this file's directory.

				# Where revisions are loaded from: directories and/or classpath:<path>, comma-separated.
				# SQL revisions (<id>_<slug>.sql) are read as they are; Java revisions are compiled
				# classes found through 'classpath' (or compiled by the command line from .java files
				# in a directory location, which needs a JDK).
				script-location = %s

				# Directory new revision files are written to (default: the first directory above).
				# versions-dir = src/main/java/db/migrations

				# Java package of new Java revisions (default: derived from versions-dir).
				# package = db.migrations

				# The database.
				# url = jdbc:postgresql://localhost:5432/app
				# url = jdbc:sqlite:app.db
				# user = app
				# Prefer MIGRATE_PASSWORD in the environment to a password in this file.
				# password =

				# The version table (one row per current head), and its schema.
				# version-table = migrate_version
				# schema = public

				# Directories and jars with compiled Java revisions and models, separated by ',' or ':'.
				# classpath = target/classes

				# Packages with the models (JPA @Entity classes or schema definitions) for
				# 'revision --autogenerate' and 'check'.
				# models = com.example.app.model
				# compare-type = true
				# compare-server-default = false
				# What only the database has (tables, keys, indexes, constraints): report, ignore or fail.
				# drift-extras = report

				# Dialect for offline SQL (--sql) without a url: postgresql, h2, sqlite or mysql.
				# dialect = postgresql

				# How long to wait for the migration lock (seconds or ISO-8601, e.g. PT5M).
				# lock-timeout = PT5M

				# One transaction per revision (true, the default), or one for the whole run (false)
				# where DDL is transactional (PostgreSQL, SQLite).
				# transaction-per-migration = true

				# Append-only log of the steps run (default: none). The drift check never reports it,
				# nor the version table, whatever they are called.
				# log-table = migrate_log

				# Every key: migrate --help, or docs/cli.md.
				""".formatted(location);
	}

}
