package dev.migrate.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import com.google.gson.GsonBuilder;
import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.command.JdbcUrlDataSource;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.lint.Finding;
import dev.migrate.lint.LintOutput;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.Severity;
import dev.migrate.model.Models;
import dev.migrate.schema.SchemaSnapshot;

/**
 * {@code migrate:lint}: the engine's {@code migrate lint} on the project's revisions — static
 * checks of what their upgrades would run for statements that lock or rewrite busy tables, with
 * the rules of the database's dialect; nothing is run. The range defaults, as the CLI's, to the
 * pending revisions when a database is configured and reachable, else {@code base:heads}. The
 * findings are logged as text; {@code -Dmigrate.lint-format=json|github|sarif} prints that format
 * instead, {@code -Dmigrate.lint-output=target/migrate-lint.sarif} writes it to a file. The build
 * fails when a finding at or above {@code migrate.lint-fail-on} (default {@code error}) is left.
 */
@Mojo(name = "lint", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public class LintMojo extends AbstractMigrateMojo {

	/** The revisions to lint: {@code from:to}, or a target from base; default the pending ones, else base:heads. */
	@Parameter(property = "migrate.range")
	String range;

	/** text (default), json, github (workflow annotations) or sarif (SARIF 2.1.0); else {@code migrate.lint-format}. */
	@Parameter(property = "migrate.lint-format")
	String format;

	/** A file the report is written to in {@link #format} (text when unset) instead of the console. */
	@Parameter(property = "migrate.lint-output")
	File output;

	/** error (default), warning (fail on any finding) or none (report only); else {@code migrate.lint-fail-on}. */
	@Parameter(property = "migrate.lint-fail-on")
	String failOn;

	/** Rule ids switched off for the project, comma-separated; else {@code migrate.lint-disabled-rules}. */
	@Parameter(property = "migrate.lint-disabled-rules")
	String disabledRules;

	/** Output formats. */
	enum Format {

		TEXT, JSON, GITHUB, SARIF

	}

	/** The least severity that fails the build. */
	enum FailOn {

		ERROR, WARNING, NONE

	}

	@Override
	void configure(MigrateConfig.Builder builder) {
		builder.lintDisabledRules(split(setting(this.disabledRules, "migrate.lint-disabled-rules")));
	}

	@Override
	void execute(Session session) throws MojoFailureException {
		Format f = option(Format.class, setting(this.format, "migrate.lint-format"), Format.TEXT, "lint-format",
				"text, json, github or sarif");
		FailOn threshold = option(FailOn.class, setting(this.failOn, "migrate.lint-fail-on"), FailOn.ERROR, "lint-fail-on",
				"error, warning or none");
		Migrator migrator = migrator(session);
		List<String> packages = session.modelPackages();
		SchemaSnapshot models = packages.isEmpty() ? null : Models.fromPackages(session.classLoader(), packages);
		LintReport report = relative(migrator.lint(this.range, models));
		List<String> lines = switch (f) {
			case JSON -> List.of(json(LintOutput.json(report)));
			case SARIF -> List.of(json(LintOutput.sarif(report, UnaryOperator.identity())));
			case GITHUB -> LintOutput.github(report, UnaryOperator.identity());
			case TEXT -> text(report, models != null);
		};
		if (this.output != null) {
			write(this.output.toPath(), lines);
			if (f != Format.TEXT) {
				text(report, models != null).forEach((line) -> log(line));
			}
			getLog().info("Wrote the lint report (" + f.name().toLowerCase(Locale.ROOT) + ") to " + this.output);
		}
		else if (f == Format.TEXT) {
			lines.forEach((line) -> log(line));
		}
		else {
			// as is: GitHub reads '::error ...' only at the start of a line, JSON must stay parseable
			lines.forEach(System.out::println);
			System.out.flush();
		}
		boolean fails = switch (threshold) {
			case ERROR -> report.hasErrors();
			case WARNING -> !report.findings().isEmpty();
			case NONE -> false;
		};
		if (fails) {
			throw new MojoFailureException("migrate lint: " + report.summary() + ": "
					+ String.join("; ", report.findings().stream()
						.filter((finding) -> threshold == FailOn.WARNING || finding.severity() == Severity.ERROR)
						.map(Finding::summary)
						.toList())
					+ " (suppress one with '-- migrate:allow <rule> <reason>' on the line before it, a rule with "
					+ "migrate.lint-disabled-rules; see docs/safety.md)");
		}
	}

	private void log(String line) {
		if (line.startsWith("error ")) {
			getLog().error(line);
		}
		else if (line.startsWith("warning ")) {
			getLog().warn(line);
		}
		else {
			getLog().info(line);
		}
	}

	/** As the CLI: online when a database is configured and reachable (for the pending revisions), else offline. */
	private Migrator migrator(Session session) {
		if ((this.range == null || this.range.isBlank())
				&& setting(this.url, "migrate.url", "spring.datasource.url") != null) {
			try {
				return session.onlineMigrator();
			}
			catch (MigrateException ex) {
				getLog().warn("migrate lint: " + JdbcUrlDataSource.redactPasswords(redact(ex.getMessage())) + "; linting base:heads instead");
			}
		}
		return session.offlineMigrator(true);
	}

	private List<String> text(LintReport report, boolean modelsCompared) {
		List<String> lines = new ArrayList<>();
		lines.add("Linting " + report.range() + ": "
				+ (report.revisions().isEmpty() ? "no revisions" : String.join(", ", report.revisions())));
		for (Finding finding : report.findings()) {
			lines.addAll(finding.describe().lines().toList());
		}
		for (Finding finding : report.suppressed()) {
			lines.add("suppressed " + finding.rule() + " " + finding.revision() + " (" + finding.location() + ") by "
					+ finding.suppressedBy());
		}
		if (!modelsCompared) {
			lines.add("No model packages configured (migrate.model-packages): drops and renames were not compared with them.");
		}
		lines.add(report.summary());
		return lines;
	}

	private static String json(Object value) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(value);
	}

	private static void write(Path file, List<String> lines) {
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, String.join(System.lineSeparator(), lines) + System.lineSeparator(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static <E extends Enum<E>> E option(Class<E> type, String value, E defaultValue, String key, String expected) {
		if (value == null) {
			return defaultValue;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigurationException("Invalid " + key + " '" + value + "': use " + expected);
		}
	}

	/** The report with its files as source paths relative to the project (SARIF and GitHub want those). */
	private LintReport relative(LintReport report) {
		UnaryOperator<Finding> relative = (f) -> new Finding(f.rule(), f.severity(), f.revision(), sourcePath(f.file()),
				f.line(), f.statement(), f.problem(), f.why(), f.fix(), f.suppressedBy());
		return new LintReport(report.range(), report.revisions(), report.findings().stream().map(relative).toList(),
				report.suppressed().stream().map(relative).toList());
	}

	/**
	 * Where a revision's source is, relative to the project's base directory: an SQL file in
	 * {@code target/classes} (or named by its class path resource) is looked up in the resource
	 * directories, a Java revision ({@code db/migrations/R1_X.java}) in the compile source roots.
	 */
	String sourcePath(String file) {
		Path base = this.project.getBasedir().toPath().toAbsolutePath();
		Path path = Path.of(file);
		String relative = null;
		if (path.isAbsolute()) {
			Path classes = Path.of(this.project.getBuild().getOutputDirectory()).toAbsolutePath();
			if (path.startsWith(classes)) {
				relative = classes.relativize(path).toString();
			}
		}
		else {
			relative = file;
		}
		if (relative != null) {
			List<Path> roots = new ArrayList<>();
			for (Resource resource : this.project.getResources()) {
				roots.add(Path.of(resource.getDirectory()));
			}
			for (String root : this.project.getCompileSourceRoots()) {
				roots.add(Path.of(root));
			}
			for (Path root : roots) {
				Path candidate = root.toAbsolutePath().resolve(relative);
				if (Files.isRegularFile(candidate)) {
					path = candidate;
					break;
				}
			}
		}
		if (path.isAbsolute() && path.startsWith(base)) {
			path = base.relativize(path);
		}
		return path.toString().replace('\\', '/');
	}

}
