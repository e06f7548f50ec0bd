package dev.migrate.maven;

import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.script.ScriptWriter;
import dev.migrate.script.ScriptWriter.Body;
import dev.migrate.script.ScriptWriter.NewRevision;

/**
 * {@code migrate:revision}: a new revision on the current head, a Java class (default) in
 * {@code src/main/java/<package of the location>} or, with {@code -Dmigrate.sql}, an SQL file in
 * {@code src/main/resources/<location>}. With {@code -Dmigrate.autogenerate} it holds the
 * differences between the project's entities and the database (which must be at head).
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class RevisionMojo extends AbstractMigrateMojo {

	/** The revision's message (its file/class name is derived from it). */
	@Parameter(property = "migrate.message")
	String message;

	/** Fill the revision with the differences between the models and the database. */
	@Parameter(property = "migrate.autogenerate", defaultValue = "false")
	boolean autogenerate;

	/** Write an SQL revision ({@code <id>_<slug>.sql}) instead of a Java one. */
	@Parameter(property = "migrate.sql", defaultValue = "false")
	boolean sql;

	/** Revision id to use instead of a generated one. */
	@Parameter(property = "migrate.rev-id")
	String revId;

	/** Directory the new file is written to (default: derived from the first classpath: location). */
	@Parameter(property = "migrate.versions-dir")
	String versionsDir;

	/** Java package of a new Java revision (default: the location's path, db/migrations giving db.migrations). */
	@Parameter(property = "migrate.package")
	String packageName;

	@Override
	void execute(Session session) {
		String id = (this.revId != null) ? this.revId : ScriptWriter.newRevisionId();
		ScriptWriter.verifyRevisionId(id);
		Migrator migrator = this.autogenerate ? session.onlineMigrator() : session.offlineMigrator(false);
		RevisionInfo existing = migrator.revisionInfo(id);
		if (existing != null) {
			throw new MigrateException("Revision " + id + " is already present (" + existing.source() + ")");
		}
		List<String> heads = migrator.heads().stream().map(RevisionInfo::id).toList();
		if (heads.size() > 1) {
			throw new MigrateException("Multiple heads are present (" + String.join(", ", heads)
					+ "); merge them first (migrate merge heads)");
		}
		NewRevision revision = new NewRevision(id, heads, List.of(), List.of(), this.message, null, true);
		Body body = this.autogenerate ? autogenerate(session, migrator) : Body.empty();
		Path file = this.sql ? ScriptWriter.writeSql(directory(true), revision, body)
				: ScriptWriter.writeJava(directory(false), javaPackage(), revision, body);
		getLog().info("Generating " + file + " ...  done");
	}

	private Body autogenerate(Session session, Migrator migrator) {
		if (!migrator.status().upToDate()) {
			throw new MigrateException("Target database is not up to date: run migrate:upgrade first");
		}
		SchemaDiff diff = session.compareModels();
		diff.report().forEach((line) -> getLog().info("Detected " + line));
		diff.extras().forEach((line) -> getLog().info("Detected " + line + " (drop rendered commented out)"));
		if (diff.isEmpty()) {
			getLog().info("No changes in schema detected.");
		}
		Autogenerate.RenderedRevision rendered = this.sql ? Autogenerate.renderSql(diff, session.offlineDialectOrDetected())
				: Autogenerate.renderJava(diff);
		return new Body(rendered.upgrade(), rendered.downgrade(), rendered.imports());
	}

	/** The resource path of the first {@code classpath:} location. */
	private String locationPath() {
		for (String location : locations()) {
			if (location.startsWith("classpath:")) {
				return location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
			}
		}
		return null;
	}

	private Path directory(boolean sqlFile) {
		if (this.versionsDir != null && !this.versionsDir.isBlank()) {
			return this.project.getBasedir().toPath().resolve(this.versionsDir.strip()).normalize();
		}
		String path = locationPath();
		if (path == null) {
			for (String location : locations()) {
				String dir = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
				return this.project.getBasedir().toPath().resolve(dir).normalize();
			}
		}
		Path base = this.project.getBasedir().toPath().resolve(sqlFile ? "src/main/resources" : "src/main/java");
		return base.resolve(path).normalize();
	}

	private String javaPackage() {
		String pkg = (this.packageName != null && !this.packageName.isBlank()) ? this.packageName.strip() : null;
		if (pkg == null) {
			String path = locationPath();
			if (path == null) {
				throw new ConfigurationException("Cannot derive the Java package of the new revision from locations "
						+ locations() + ": set <packageName> or -Dmigrate.package");
			}
			pkg = path.replace('/', '.');
		}
		if (!ScriptWriter.isValidPackage(pkg)) {
			throw new ConfigurationException("Invalid Java package '" + pkg + "' for the new revision: set "
					+ "<packageName> or -Dmigrate.package");
		}
		return pkg;
	}

}
