package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;

/** {@code migrate:upgrade}: upgrade the database to {@code -Dmigrate.target} (default {@code head}). */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class UpgradeMojo extends AbstractMigrateMojo {

	/** head, heads, an id or unique prefix, +N, label@head. */
	@Parameter(property = "migrate.target", defaultValue = "head")
	String target;

	@Override
	void execute(Session session) {
		Migrator migrator = session.onlineMigrator();
		long start = System.nanoTime();
		MigrationResult result = migrator.upgrade(this.target);
		summary("Upgraded", result, start);
	}

	void summary(String verb, MigrationResult result, long startNanos) {
		result.steps().forEach((step) -> getLog().info("Ran " + (step.upgrade() ? "upgrade " : "downgrade ")
				+ step.revision() + ", " + step.message()));
		String after = text(result.headsAfter());
		if (result.nothingToDo()) {
			getLog().info("Nothing to do: the database is at " + after + ".");
			return;
		}
		int n = result.steps().size();
		getLog().info(verb + " to " + after + ": " + n + " revision" + ((n == 1) ? "" : "s") + " in "
				+ (System.nanoTime() - startNanos) / 1_000_000 + " ms.");
	}

}
