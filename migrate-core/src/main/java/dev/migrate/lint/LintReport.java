package dev.migrate.lint;

import java.util.List;

/**
 * What {@code migrate lint} found.
 *
 * @param range the range linted ({@code pending}, {@code base:heads}, or as given)
 * @param revisions the revisions linted, in upgrade order
 * @param findings the findings not suppressed, in upgrade order
 * @param suppressed the findings a {@code -- migrate:allow} or {@code op.allow} covers, with how
 */
public record LintReport(String range, List<String> revisions, List<Finding> findings, List<Finding> suppressed) {

	public LintReport {
		revisions = List.copyOf(revisions);
		findings = List.copyOf(findings);
		suppressed = List.copyOf(suppressed);
	}

	/** Whether an error-level finding is left (lint exits 1, {@code migrate.lint=fail} stops start-up). */
	public boolean hasErrors() {
		return this.findings.stream().anyMatch((f) -> f.severity() == Severity.ERROR);
	}

	public long errorCount() {
		return this.findings.stream().filter((f) -> f.severity() == Severity.ERROR).count();
	}

	public long warningCount() {
		return this.findings.stream().filter((f) -> f.severity() == Severity.WARNING).count();
	}

	/** {@code 2 errors, 1 warning in 3 revisions (1 suppressed)}. */
	public String summary() {
		return errorCount() + " error" + ((errorCount() == 1) ? "" : "s") + ", " + warningCount() + " warning"
				+ ((warningCount() == 1) ? "" : "s") + " in " + this.revisions.size() + " revision"
				+ ((this.revisions.size() == 1) ? "" : "s") + " (" + this.suppressed.size() + " suppressed)";
	}

}
