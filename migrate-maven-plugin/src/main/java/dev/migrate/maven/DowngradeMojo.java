package dev.migrate.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.command.Migrator;

/** {@code migrate:downgrade}: revert the database to {@code -Dmigrate.target} (required: -1, an id, base). */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class DowngradeMojo extends UpgradeMojo {

	@Override
	void execute(Session session) {
		if (this.target == null || this.target.equals("head")) {
			throw new dev.migrate.ConfigurationException("migrate:downgrade needs -Dmigrate.target (e.g. -1, an id, base)");
		}
		Migrator migrator = session.onlineMigrator();
		long start = System.nanoTime();
		summary("Downgraded", migrator.downgrade(this.target), start);
	}

}
