package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autogenerate.DriftExtras;
import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.command.Status;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.model.Models;
import dev.migrate.schema.OwnTables;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.script.ScriptWriter.Body;
import dev.migrate.script.ScriptWriter.NewRevision;
import dev.migrate.script.ScriptWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate revision}: a new revision file on top of the current head. */
@Command(name = "revision", mixinStandardHelpOptions = true,
		description = { "Create a new revision file: a Java class (default) or, with --sql, an SQL file.",
				"Its down revision is the current head; with several heads, give --head or merge first.",
				"Java revisions are named R<yyyyMMdd>_<HHmmss>_<Slug> (the class name is the load order, so "
						+ "revisions load in the order they were created); SQL revisions <id>_<slug>.sql." })
final class RevisionCommand extends AbstractCommand {

	@Option(names = { "-m", "--message" }, paramLabel = "MESSAGE", description = "Message string to use with 'revision'.")
	String message;

	@Option(names = "--autogenerate",
			description = "Populate the revision with the differences between the models (models, classpath) and the database.")
	boolean autogenerate;

	@Option(names = "--sql", description = "Write an SQL revision (<id>_<slug>.sql) instead of a Java one.")
	boolean sql;

	@Option(names = "--head", paramLabel = "REV",
			description = "Revision to base the new one on: head (default), base, an id, label@head.")
	String head;

	@Option(names = "--splice", description = "Allow a non-head revision as the --head (starts a new branch).")
	boolean splice;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label to apply to the new revision; repeatable.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--depends-on", paramLabel = "REV", description = "Revision(s) the new one depends on; repeatable.")
	List<String> dependsOn = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "Revision id to use instead of a generated one.")
	String revId;

	@Option(names = "--no-transaction", description = "Run the new revision outside a transaction (CREATE INDEX CONCURRENTLY).")
	boolean noTransaction;

	@Override
	void run(CliContext context) {
		context.loadVersionsDirectory();
		Migrator migrator = this.autogenerate ? context.onlineMigrator() : context.offlineMigrator(false);
		RevisionFormatter formatter = formatter(migrator, List.of());
		List<String> down = downRevisions(migrator, formatter, this.head, this.splice);
		NewRevision revision = newRevision(context, formatter, migrator, down, this.message, this.branchLabels,
				this.dependsOn, this.revId, !this.noTransaction);
		Body body = this.autogenerate ? autogenerate(context, migrator) : Body.empty();
		write(context, revision, body, this.sql);
	}

	private Body autogenerate(CliContext context, Migrator migrator) {
		Status status = migrator.status();
		if (!status.upToDate()) {
			throw new MigrateException("Target database is not up to date.");
		}
		SchemaDiff diff = compare(context);
		for (String line : diff.report()) {
			context.println("Detected " + line);
		}
		for (String line : diff.extras()) {
			context.println("Detected " + line + " (drop rendered commented out)");
		}
		if (diff.isEmpty()) {
			context.println("No changes in schema detected.");
		}
		Autogenerate.RenderedRevision rendered = this.sql
				? Autogenerate.renderSql(diff, dialect(context)) : Autogenerate.renderJava(diff);
		return new Body(rendered.upgrade(), rendered.downgrade(), rendered.imports());
	}

	/** Compares the configured models with the database. */
	static SchemaDiff compare(CliContext context) {
		List<String> packages = context.settings().list("models");
		if (packages.isEmpty()) {
			context.settings().require("models", "the packages with the models to compare with the database");
		}
		SchemaSnapshot models = Models.fromPackages(context.classLoader(), packages, ModelNaming.of(context),
				(warning) -> context.err().println("WARNING: " + warning));
		CompareOptions options = new CompareOptions(context.settings().bool("compare-type", true),
				context.settings().bool("compare-server-default", false), Set.of(), Set.of(),
				DriftExtras.parse(context.settings().get("drift-extras"), "drift-extras"));
		Set<String> ignored = OwnTables.names(context.versionTable(), context.settings().get("schema"),
				context.settings().get("log-table"));
		String dialectName = context.settings().get("dialect");
		Dialect dialect = (dialectName != null) ? DialectResolver.byName(dialectName) : null;
		return Autogenerate.compare(context.dataSource(), dialect, context.settings().get("schema"), models, options,
				ignored);
	}

	private static Dialect dialect(CliContext context) {
		String name = context.settings().get("dialect");
		return (name != null) ? DialectResolver.byName(name) : DialectResolver.forUrl(context.settings().get("url"));
	}

	/** The down revisions of a new revision based on {@code head} (Alembic's generate_revision). */
	static List<String> downRevisions(Migrator migrator, RevisionFormatter formatter, String head, boolean splice) {
		List<String> heads = migrator.heads().stream().map(RevisionInfo::id).toList();
		List<String> down = new ArrayList<>();
		if (head == null || head.equals("head")) {
			if (heads.size() > 1) {
				throw new MigrateException("Multiple heads are present; please specify the head revision on which "
						+ "the new revision should be based, or perform a merge.");
			}
			down.addAll(heads);
			return down;
		}
		if (head.equals("base")) {
			return down;
		}
		if (head.equals("heads")) {
			down.addAll(heads);
		}
		else {
			down.add(migrator.show(head).id());
		}
		checkHeads(formatter, down, splice);
		return down;
	}

	static void checkHeads(RevisionFormatter formatter, List<String> down, boolean splice) {
		if (new LinkedHashSet<>(down).size() != down.size()) {
			throw new MigrateException("Duplicate head revisions specified");
		}
		if (!splice) {
			for (String id : down) {
				RevisionInfo info = formatter.get(id);
				if (info != null && !formatter.isHead(info)) {
					throw new MigrateException("Revision " + id + " is not a head revision; please specify --splice "
							+ "to create a new branch from this revision");
				}
			}
		}
	}

	static NewRevision newRevision(CliContext context, RevisionFormatter formatter, Migrator migrator,
			List<String> down, String message, List<String> branchLabels, List<String> dependsOn, String revId,
			boolean transactional) {
		String id = (revId != null) ? revId : ScriptWriter.newRevisionId();
		ScriptWriter.verifyRevisionId(id);
		if (formatter.get(id) != null) {
			throw new MigrateException("Revision " + id + " is already present (" + formatter.get(id).source() + ")");
		}
		for (String label : branchLabels) {
			ScriptWriter.verifyRevisionId(label);
			for (RevisionInfo other : formatter.all()) {
				if (other.branchLabels().contains(label)) {
					throw new MigrateException("Branch name '" + label + "' in revision " + id
							+ " already used by revision " + other.id());
				}
			}
		}
		List<String> resolvedDeps = new ArrayList<>();
		for (String dep : dependsOn) {
			for (String one : Settings.split(dep, false)) {
				RevisionInfo info = migrator.show(one);
				resolvedDeps.add(info.branchLabels().contains(one) ? one : info.id());
			}
		}
		return new NewRevision(id, down, branchLabels, resolvedDeps, message, null, transactional);
	}

	static Path write(CliContext context, NewRevision revision, Body body, boolean sql) {
		Path dir = RevisionFiles.versionsDirectory(context);
		Path file = sql ? ScriptWriter.writeSql(dir, revision, body)
				: ScriptWriter.writeJava(dir, RevisionFiles.packageName(context, dir), revision, body);
		context.println("Generating " + file + " ...  done");
		return file;
	}

}
