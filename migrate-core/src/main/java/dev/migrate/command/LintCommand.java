package dev.migrate.command;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;
import dev.migrate.graph.RevisionStep;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.Linter;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.script.MigrationScript;

/**
 * {@code migrate lint}: which revisions, in which order, with which dialect's rules. Without a
 * range it lints the pending revisions when a database is configured and reachable (as one
 * deployment: tables an earlier pending revision creates are new for the later ones), else
 * {@code base:heads} (each revision as deployed after the one before).
 */
final class LintCommand {

	private LintCommand() {
	}

	static LintReport lint(Migrator migrator, String range, SchemaSnapshot models) {
		MigrateConfig config = migrator.config();
		RevisionGraph graph = migrator.graph();
		Dialect dialect = config.dialect();
		List<String> current = null;
		MigrateException unreachable = null;
		if (config.dataSource() != null && (range == null || range.isBlank() || dialect == null)) {
			try {
				current = migrator.current();
				if (dialect == null) {
					dialect = migrator.detectDialect();
				}
			}
			catch (MigrateException ex) {
				if (range != null && !range.isBlank() && dialect == null) {
					throw ex;
				}
				unreachable = ex;
				current = null;
			}
		}
		if (dialect == null && unreachable != null) {
			// the rules depend on the database, and it could not be asked: its own failure is the cause
			throw unreachable;
		}
		if (dialect == null) {
			throw new ConfigurationException(
					"Lint needs a dialect (dialect) or a reachable database (url): the rules depend on the database");
		}
		List<String> ids;
		List<RevisionStep> ordered;
		boolean oneDeployment;
		String name;
		if (range == null || range.isBlank()) {
			if (current != null) {
				List<String> unknown = current.stream().filter((id) -> graph.get(id) == null).toList();
				if (!unknown.isEmpty()) {
					// the pending revisions of a database ahead of the code cannot be told: say why, as upgrade does
					throw new DatabaseAheadException(unknown, graph.heads());
				}
				ids = upgrades(graph.upgradePlan(current, "heads"));
				oneDeployment = true;
				name = "pending";
			}
			else {
				ids = upgrades(graph.upgradePlan(List.of(), "heads"));
				oneDeployment = false;
				name = "base:heads";
			}
			ordered = graph.upgradePlan(List.of(), "heads");
		}
		else {
			String r = range.strip();
			int colon = r.indexOf(':');
			String from = (colon < 0) ? "base" : r.substring(0, colon).strip();
			String to = (colon < 0) ? r : r.substring(colon + 1).strip();
			if (to.isEmpty()) {
				to = "heads";
			}
			List<String> start = (from.isEmpty() || from.equals("base")) ? List.of()
					: graph.resolve(from).stream().map(RevisionNode::id).toList();
			ids = upgrades(graph.upgradePlan(start, to));
			ordered = graph.upgradePlan(List.of(), to);
			oneDeployment = false;
			name = r;
		}
		if (ids.isEmpty()) {
			return new LintReport(name, List.of(), List.of(), List.of());
		}
		List<MigrationScript> scripts = new ArrayList<>();
		for (RevisionStep step : ordered) {
			if (step.upgrade()) {
				MigrationScript script = migrator.script(step.revision().id());
				if (script != null) {
					scripts.add(script);
				}
			}
		}
		Linter linter = new Linter(dialect, models, config.lintDisabledRules(), config.arguments(), config.schema());
		return linter.lint(scripts, ids, oneDeployment, name);
	}

	private static List<String> upgrades(List<RevisionStep> plan) {
		return plan.stream().filter(RevisionStep::upgrade).map((s) -> s.revision().id()).toList();
	}

}
