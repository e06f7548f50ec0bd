package dev.migrate.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrate.dialect.Dialect;
import dev.migrate.operations.Operations;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.script.JavaMigrationScript;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.SqlMigrationScript;

/**
 * Static checks of what revisions' upgrades would run, with the rules of the dialect
 * ({@link Dialect#lintRules()}): SQL revisions' statements as parsed, with their lines; Java
 * revisions run offline through a recording context, each statement with the line of its
 * operation call. Nothing connects to a database.
 *
 * <p>Every revision from the base up to the last one linted is read in upgrade order, so that the
 * rules know which tables existed before a revision ({@link LintScope}); only the revisions of the
 * range are reported.
 */
public final class Linter {

	/** Rule id of the finding for a Java revision that cannot run offline (its statements are not checked). */
	public static final String OFFLINE_FAILED = "lint-offline-failed";

	private final Dialect dialect;

	private final SchemaSnapshot models;

	private final Set<String> disabledRules;

	private final Map<String, String> arguments;

	private final String schema;

	/**
	 * @param dialect whose rules apply
	 * @param models the models (for the drop/rename rule), or null
	 * @param disabledRules rule ids switched off for the project
	 * @param arguments the {@code -x} arguments Java revisions see
	 * @param schema the default schema, or null
	 */
	public Linter(Dialect dialect, SchemaSnapshot models, Set<String> disabledRules, Map<String, String> arguments,
			String schema) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.models = models;
		this.disabledRules = Set.copyOf(disabledRules);
		this.arguments = Map.copyOf(arguments);
		this.schema = schema;
	}

	/**
	 * Lints the revisions of {@code range}.
	 * @param ordered every revision from the base up to the last of the range, in upgrade order
	 * @param range the ids to report on
	 * @param oneDeployment whether the range runs as one deployment (the pending revisions of a
	 * database): tables an earlier revision of the range creates are new for the later ones
	 * @param rangeName how the range is named in the report
	 */
	public LintReport lint(List<MigrationScript> ordered, List<String> range, boolean oneDeployment, String rangeName) {
		LintScope scope = new LintScope(oneDeployment ? Set.copyOf(range) : Set.of(), this.models);
		List<LintRule> rules = this.dialect.lintRules().stream().filter((r) -> !this.disabledRules.contains(r.id())).toList();
		List<Finding> findings = new ArrayList<>();
		List<Finding> suppressed = new ArrayList<>();
		List<String> linted = new ArrayList<>();
		for (MigrationScript script : ordered) {
			boolean report = range.contains(script.id());
			List<LintStatement> statements;
			try {
				statements = statements(script);
			}
			catch (RuntimeException ex) {
				if (report) {
					linted.add(script.id());
					if (!this.disabledRules.contains(OFFLINE_FAILED)) {
						findings.add(new Finding(OFFLINE_FAILED, Severity.WARNING, script.id(), file(script), 0, "",
								"the upgrade could not run offline: " + oneLine(ex), "its statements were not checked",
								"keep reads of the database out of upgrade() or check this revision by hand", null));
					}
				}
				continue;
			}
			scope.startRevision(script.id(), statements);
			if (report) {
				linted.add(script.id());
			}
			for (LintStatement statement : statements) {
				if (report) {
					for (LintRule rule : rules) {
						String problem = rule.check().problem(statement, scope);
						if (problem != null) {
							String how = statement.allowed().get(rule.id());
							Finding finding = new Finding(rule.id(), rule.severity(), script.id(), statement.file(),
									statement.line(), statement.sql(), problem, rule.why(), rule.fix(), how);
							(finding.suppressed() ? suppressed : findings).add(finding);
						}
					}
				}
				scope.record(statement);
			}
		}
		return new LintReport(rangeName, linted, findings, suppressed);
	}

	private List<LintStatement> statements(MigrationScript script) {
		if (script instanceof SqlMigrationScript sql) {
			List<LintStatement> out = new ArrayList<>();
			String file = file(script);
			for (SqlMigrationScript.Statement s : sql.upgradeStatementsWithLines(this.dialect.backslashEscapes())) {
				out.add(new LintStatement(s.sql(), Tokens.of(s.sql()), file, s.line(), script.transactional(),
						allowComments(s.sql())));
			}
			return out;
		}
		JavaMigrationScript java = (JavaMigrationScript) script;
		RecordingContext context = new RecordingContext(this.dialect, this.arguments, this.schema, java.type(),
				script.transactional());
		script.upgrade(new Operations(context));
		return context.statements();
	}

	private static String file(MigrationScript script) {
		if (script.path() != null) {
			return script.path().toString();
		}
		if (script instanceof JavaMigrationScript) {
			return script.origin().replace('.', '/') + ".java";
		}
		String origin = script.origin();
		return origin.startsWith("classpath:") ? origin.substring("classpath:".length()) : origin;
	}

	/**
	 * The {@code -- migrate:allow <rule>[,<rule>...] <reason>} lines among a statement's leading
	 * comments: rule → the comment line.
	 */
	static Map<String, String> allowComments(String sql) {
		Map<String, String> allowed = new LinkedHashMap<>();
		for (String raw : sql.split("\\R")) {
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			if (!line.startsWith("--")) {
				break;
			}
			String body = line.substring(2).strip();
			if (!body.regionMatches(true, 0, "migrate:allow", 0, "migrate:allow".length())) {
				continue;
			}
			String rest = body.substring("migrate:allow".length()).strip();
			int space = rest.indexOf(' ');
			String ids = (space < 0) ? rest : rest.substring(0, space);
			for (String id : ids.split(",")) {
				if (!id.isBlank()) {
					allowed.put(id.strip(), line);
				}
			}
		}
		return allowed;
	}

	private static String oneLine(Throwable ex) {
		String m = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return m.strip().replaceAll("\\s*\\R\\s*", " ");
	}

}
