package dev.migrate.maven;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.MigrateException;
import dev.migrate.command.Migrator;

/**
 * {@code migrate:sql}: the offline SQL of an upgrade ({@code -Dmigrate.range=base:head}, the
 * default; {@code from:to}; or a target) or, with {@code -Dmigrate.downgrade}, of a downgrade
 * ({@code from:to}), written to a file for review. Never connects: the SQL is the same as
 * {@code migrate upgrade --sql} prints.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class SqlMojo extends AbstractMigrateMojo {

	/** The range: {@code from:to} or a target (from base). */
	@Parameter(property = "migrate.range", defaultValue = "base:head")
	String range;

	/** Write the downgrade's SQL (the range is then {@code from:to}, e.g. head:base). */
	@Parameter(property = "migrate.downgrade", defaultValue = "false")
	boolean downgrade;

	/** The file the SQL is written to. */
	@Parameter(property = "migrate.output", defaultValue = "${project.build.directory}/migrate/migration.sql")
	java.io.File output;

	@Override
	void execute(Session session) {
		Migrator migrator = session.offlineMigrator(true);
		StringWriter sql = new StringWriter();
		if (this.downgrade) {
			migrator.downgradeSql(this.range, sql);
		}
		else {
			migrator.upgradeSql(this.range, sql);
		}
		Path file = this.output.toPath();
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, sql.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		getLog().info("Wrote the SQL of " + (this.downgrade ? "downgrade " : "upgrade ") + this.range + " to " + file);
	}

}
