package dev.migrate.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.Status;

/**
 * {@code migrate:check}: fails the build unless the database is at head, no applied revision was
 * edited since it was applied (checksums) and, when model packages
 * are configured, matches the project's entities (as {@code migrate:revision -Dmigrate.autogenerate}
 * would find nothing). For CI; can be bound to the {@code verify} phase.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class CheckMojo extends AbstractMigrateMojo {

	@Override
	void execute(Session session) throws MojoFailureException {
		dev.migrate.command.Migrator migrator = session.onlineMigrator();
		Status status = migrator.status();
		if (!status.current().isEmpty()) {
			java.util.List<dev.migrate.runtime.ChecksumReport.Changed> changed = migrator.checksums().changed();
			if (!changed.isEmpty()) {
				changed.forEach((c) -> getLog().error("Changed after it was applied: " + c.describe() + " (checksum recorded "
						+ c.recorded() + ", now " + c.current() + ")"));
				throw new MojoFailureException("Applied revision(s) "
						+ String.join(", ", changed.stream().map(dev.migrate.runtime.ChecksumReport.Changed::describe).toList())
						+ " changed after being applied: restore the file (put the change in a new revision), or accept"
						+ " it with 'migrate repair'");
			}
		}
		if (!status.upToDate()) {
			throw new MojoFailureException("Target database is not up to date. (current: " + text(status.current())
					+ "; heads: " + text(status.heads()) + ")");
		}
		if (session.modelPackages().isEmpty()) {
			getLog().info("Database is up to date at " + text(status.current()) + ".");
			getLog().info("No model packages configured (migrate.model-packages): the schema was not compared with models.");
			return;
		}
		SchemaDiff diff = session.compareModels();
		diff.extras().forEach((line) -> getLog().info("Note: " + line + " (drift-extras: report)"));
		if (!diff.isEmpty()) {
			diff.report().forEach((line) -> getLog().error("Detected " + line));
			throw new MojoFailureException("New upgrade operations detected: [" + String.join("; ", diff.report()) + "]");
		}
		getLog().info("Database is up to date at " + text(status.current()) + ".");
		getLog().info("No new upgrade operations detected.");
	}

}
