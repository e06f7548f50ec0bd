package dev.migrate.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;

/** {@code migrate:current}: the revisions the database is at (nothing at base). */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class CurrentMojo extends AbstractMigrateMojo {

	@Override
	void execute(Session session) {
		Migrator migrator = session.onlineMigrator();
		List<String> current = migrator.current();
		if (current.isEmpty()) {
			getLog().info("The database is at <base> (no revision applied).");
		}
		for (String id : current) {
			RevisionInfo info = migrator.revisionInfo(id);
			getLog().info((info != null) ? HistoryMojo.line(info, false) : id + " (not in the project's revisions)");
		}
	}

}
