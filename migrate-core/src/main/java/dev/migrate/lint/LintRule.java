package dev.migrate.lint;

import java.util.Objects;

/**
 * A lint rule: one kind of statement that is dangerous on a busy production database. Rules live
 * with their dialect ({@link dev.migrate.dialect.Dialect#lintRules()}); the {@link Linter} feeds
 * them every statement a revision's upgrade would run, with a {@link LintScope} that knows what
 * the revisions before created.
 *
 * @param id the id used in reports and in {@code -- migrate:allow <id>}
 * @param severity error (fails lint) or warning
 * @param why why it is dangerous
 * @param fix the safe way to write it
 * @param check the check: a short description of the problem, naming the table, or null when the statement is fine
 */
public record LintRule(String id, Severity severity, String why, String fix, Check check) {

	public LintRule {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(check, "check");
	}

	/** The check of a rule. */
	@FunctionalInterface
	public interface Check {

		/** A short description of the problem (naming the table or column), or null when the statement is fine. */
		String problem(LintStatement statement, LintScope scope);

	}

}
