package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.command.Migrator;
import dev.migrate.lint.Finding;
import dev.migrate.lint.LintOutput;
import dev.migrate.lint.LintReport;
import dev.migrate.model.Models;
import dev.migrate.schema.SchemaSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrate lint [RANGE]}: static checks of what the revisions' upgrades would run on a busy database. */
@Command(name = "lint", mixinStandardHelpOptions = true,
		description = { "Check what the upgrades of RANGE would run for statements that lock or rewrite busy tables "
				+ "(CREATE INDEX without CONCURRENTLY, constraints without NOT VALID, rewriting type changes, ...), "
				+ "with the rules of the database's dialect; nothing is run.",
				"RANGE: the pending revisions when a database is configured and reachable, else base:heads; "
						+ "or from:to (base:heads, abc:heads, heads). Suppress one statement with '-- migrate:allow <rule> "
						+ "<reason>' on the line before it (op.allow(\"<rule>\") in Java), a rule for the project with "
						+ "lint-disabled-rules. With models configured, drops and renames of mapped tables and columns are "
						+ "reported too.",
				"Exit code 1 when an error-level finding is left." })
final class LintCommand extends AbstractCommand {

	/** Output formats. */
	enum Format {

		text, json, github, sarif

	}

	@Parameters(arity = "0..1", paramLabel = "RANGE", description = "Revisions to lint (default: pending, or base:heads).")
	String range;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "text (default), json (also --json), github (workflow annotations) or sarif (SARIF 2.1.0).")
	Format format;

	@Override
	void run(CliContext context) {
		Migrator migrator = migrator(context);
		SchemaSnapshot models = null;
		List<String> packages = context.settings().list("models");
		if (!packages.isEmpty()) {
			models = Models.fromPackages(context.classLoader(), packages);
		}
		LintReport report = relative(migrator.lint(this.range, models), context);
		Format f = (this.format != null) ? this.format : (context.json() ? Format.json : Format.text);
		switch (f) {
			case json -> printJson(context, LintOutput.json(report));
			case sarif -> printJson(context, LintOutput.sarif(report, (file) -> uri(context, file)));
			case github -> LintOutput.github(report, (file) -> uri(context, file)).forEach(context::println);
			default -> text(context, report, models != null);
		}
		if (report.hasErrors()) {
			throw new CheckFailedException("migrate lint: " + report.summary());
		}
	}

	/** Online when a database is configured and reachable (for the pending revisions), else offline. */
	private Migrator migrator(CliContext context) {
		if (this.range == null && context.settings().get("url") != null) {
			try {
				return context.onlineMigrator();
			}
			catch (MigrateException ex) {
				context.err().println("migrate lint: " + context.redact(ex.getMessage()) + "; linting base:heads instead");
				context.err().flush();
			}
		}
		return context.offlineMigrator(true);
	}

	private void text(CliContext context, LintReport report, boolean modelsCompared) {
		context.println("Linting " + report.range() + ": " + String.join(", ", report.revisions()));
		for (Finding finding : report.findings()) {
			context.println(finding.describe());
		}
		for (Finding finding : report.suppressed()) {
			context.println("suppressed " + finding.rule() + " " + finding.revision() + " (" + finding.location() + ") by "
					+ finding.suppressedBy());
		}
		if (!modelsCompared) {
			context.println("No models configured (models): drops and renames were not compared with them.");
		}
		context.println(report.summary());
	}

	/** The report with files relative to the working directory. */
	private static LintReport relative(LintReport report, CliContext context) {
		java.util.function.Function<Finding, Finding> relative = (f) -> new Finding(f.rule(), f.severity(), f.revision(),
				uri(context, f.file()), f.line(), f.statement(), f.problem(), f.why(), f.fix(), f.suppressedBy());
		return new LintReport(report.range(), report.revisions(), report.findings().stream().map(relative).toList(),
				report.suppressed().stream().map(relative).toList());
	}

	/** A file as a path relative to the working directory where it can be found (SARIF and GitHub want those). */
	private static String uri(CliContext context, String file) {
		Path working = context.settings().workingDirectory().toAbsolutePath();
		Path path = Path.of(file);
		if (!path.isAbsolute()) {
			for (String location : Settings.split(context.settings().get("script-location"), false)) {
				if (location.startsWith("classpath:")) {
					continue;
				}
				Path dir = context.directoryOf(location);
				Path candidate = dir.resolve(path.getFileName().toString());
				if (Files.isRegularFile(candidate)) {
					path = candidate.toAbsolutePath();
					break;
				}
			}
		}
		if (path.isAbsolute() && path.startsWith(working)) {
			path = working.relativize(path);
		}
		return path.toString().replace('\\', '/');
	}

}
