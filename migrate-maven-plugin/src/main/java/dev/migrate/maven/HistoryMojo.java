package dev.migrate.maven;

import java.util.List;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;

/**
 * {@code migrate:history}: the revisions newest first, {@code <down> -> <rev> (head), <message>};
 * with {@code -Dmigrate.indicate-current} the database's revisions are marked {@code (current)}.
 */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class HistoryMojo extends AbstractMigrateMojo {

	/** Range [start]:[end], e.g. base:head, -3:, current:. */
	@Parameter(property = "migrate.range")
	String range;

	/** Mark the database's revisions (connects). */
	@Parameter(property = "migrate.indicate-current", defaultValue = "false")
	boolean indicateCurrent;

	@Override
	void execute(Session session) {
		if (this.range != null && !this.range.contains(":")) {
			throw new dev.migrate.MigrateException("History range requires [start]:[end], [start]:, or :[end] "
					+ "(migrate.range '" + this.range + "')");
		}
		boolean online = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		Migrator migrator = online ? session.onlineMigrator() : session.offlineMigrator(false);
		List<String> current = this.indicateCurrent ? migrator.current() : List.of();
		for (RevisionInfo info : migrator.history(this.range)) {
			getLog().info((info.downRevisions().isEmpty() ? "<base>" : String.join(", ", info.downRevisions())) + " -> " + line(info, current.contains(info.id())));
		}
	}

	static String line(RevisionInfo info, boolean current) {
		String message = (info.message() == null || info.message().isBlank()) ? "empty message"
				: info.message().strip().split("\n\n", 2)[0];
		return info.id() + (info.head() ? " (head)" : "") + (current ? " (current)" : "")
				+ (info.mergePoint() ? " (mergepoint)" : "") + ", " + message;
	}

}
