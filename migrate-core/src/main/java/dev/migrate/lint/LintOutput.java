package dev.migrate.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code migrate lint} output shared by the CLI and the Maven plugin: the JSON and SARIF 2.1.0
 * documents as maps and lists (for any JSON writer) and GitHub workflow annotation lines.
 */
public final class LintOutput {

	private LintOutput() {
	}

	/** {@code range}, {@code revisions}, {@code errors}, {@code warnings}, {@code findings}, {@code suppressed}. */
	public static Map<String, Object> json(LintReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("range", report.range());
		json.put("revisions", report.revisions());
		json.put("errors", report.errorCount());
		json.put("warnings", report.warningCount());
		json.put("findings", report.findings().stream().map(LintOutput::finding).toList());
		json.put("suppressed", report.suppressed().stream().map(LintOutput::finding).toList());
		return json;
	}

	private static Map<String, Object> finding(Finding f) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("rule", f.rule());
		map.put("severity", f.severity().label());
		map.put("revision", f.revision());
		map.put("file", f.file());
		map.put("line", f.line());
		map.put("statement", f.statement());
		map.put("problem", f.problem());
		map.put("why", f.why());
		map.put("fix", f.fix());
		if (f.suppressed()) {
			map.put("suppressedBy", f.suppressedBy());
		}
		return map;
	}

	/** SARIF 2.1.0, as GitHub code scanning and most CI tools read it; suppressed findings carry an in-source suppression. */
	public static Map<String, Object> sarif(LintReport report, UnaryOperator<String> uri) {
		Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
		List<Map<String, Object>> results = new ArrayList<>();
		List<Finding> all = new ArrayList<>(report.findings());
		all.addAll(report.suppressed());
		for (Finding f : all) {
			rules.computeIfAbsent(f.rule(), (id) -> {
				Map<String, Object> rule = new LinkedHashMap<>();
				rule.put("id", id);
				rule.put("shortDescription", Map.of("text", f.why()));
				rule.put("help", Map.of("text", f.fix()));
				rule.put("defaultConfiguration", Map.of("level", level(f.severity())));
				return rule;
			});
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("ruleId", f.rule());
			result.put("level", level(f.severity()));
			result.put("message", Map.of("text", "Revision " + f.revision() + ": " + f.problem() + ". Instead: " + f.fix()));
			Map<String, Object> physical = new LinkedHashMap<>();
			physical.put("artifactLocation", Map.of("uri", uri.apply(f.file())));
			if (f.line() > 0) {
				physical.put("region", Map.of("startLine", f.line()));
			}
			result.put("locations", List.of(Map.of("physicalLocation", physical)));
			if (f.suppressed()) {
				result.put("suppressions", List.of(Map.of("kind", "inSource", "justification", f.suppressedBy())));
			}
			results.add(result);
		}
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "migrate lint");
		driver.put("informationUri", "https://github.com/migrate/migrate/blob/main/docs/safety.md");
		driver.put("rules", new ArrayList<>(rules.values()));
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("results", results);
		Map<String, Object> sarif = new LinkedHashMap<>();
		sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
		sarif.put("version", "2.1.0");
		sarif.put("runs", List.of(run));
		return sarif;
	}

	private static String level(Severity severity) {
		return (severity == Severity.ERROR) ? "error" : "warning";
	}

	/** {@code ::error file=...,line=...,title=...::message} lines (GitHub Actions workflow commands). */
	public static List<String> github(LintReport report, UnaryOperator<String> uri) {
		List<String> lines = new ArrayList<>();
		for (Finding f : report.findings()) {
			lines.add("::" + level(f.severity()) + " file=" + property(uri.apply(f.file()))
					+ ((f.line() > 0) ? ",line=" + f.line() : "") + ",title=" + property(f.rule() + " (" + f.revision() + ")")
					+ "::" + data(f.problem() + ". " + f.why() + ". Instead: " + f.fix()));
		}
		lines.add(report.summary());
		return lines;
	}

	private static String data(String s) {
		return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
	}

	private static String property(String s) {
		return data(s).replace(":", "%3A").replace(",", "%2C");
	}

}
