package dev.migrate.dialect;

import java.util.List;

import dev.migrate.lint.LintRule;
import dev.migrate.lint.LintScope;
import dev.migrate.lint.LintStatement;
import dev.migrate.lint.Severity;
import dev.migrate.lint.Tokens;

/**
 * Lint rules every dialect has ({@link DefaultDialect#lintRules()}): dropping or renaming what the
 * models still use.
 */
public final class CommonLintRules {

	/** {@code DROP TABLE}, {@code DROP COLUMN} or a rename of a table or column the models still have. */
	public static final LintRule DROP_OR_RENAME_IN_MODELS = new LintRule("drop-or-rename-in-models", Severity.ERROR,
			"the application version running during the deployment (and the models of this build) still read and write it: "
					+ "its queries fail from the moment the revision commits",
			"expand/contract: add the new table or column first and deploy code that writes both; drop or rename only in a later "
					+ "revision, after the models no longer map it (see docs/safety.md)",
			CommonLintRules::dropOrRename);

	private CommonLintRules() {
	}

	/** The rules of every dialect. */
	public static List<LintRule> rules() {
		return List.of(DROP_OR_RENAME_IN_MODELS);
	}

	private static String dropOrRename(LintStatement s, LintScope scope) {
		if (scope.models() == null) {
			return null;
		}
		Tokens t = s.tokens();
		if (t.startsWith("DROP", "TABLE")) {
			for (Tokens name : t.from(t.skip(2, "IF", "EXISTS")).split(",")) {
				String table = name.nameAt(0);
				if (table != null && scope.modelTable(table) != null && !scope.isNewTable(table)) {
					return "DROP TABLE " + table + ", which the models still map";
				}
			}
			return null;
		}
		if (t.startsWith("RENAME", "TABLE")) {
			for (Tokens pair : t.from(2).split(",")) {
				String table = pair.nameAt(0);
				if (table != null && scope.modelTable(table) != null && !scope.isNewTable(table)) {
					return "RENAME TABLE " + table + ", which the models still map";
				}
			}
			return null;
		}
		String table = s.alteredTable();
		if (table == null || scope.modelTable(table) == null || scope.isNewTable(table)) {
			return null;
		}
		for (Tokens a : s.alterActions()) {
			if (a.startsWith("DROP") && !a.matchesAt(1, "CONSTRAINT") && !a.matchesAt(1, "INDEX") && !a.matchesAt(1, "KEY")
					&& !a.matchesAt(1, "PRIMARY") && !a.matchesAt(1, "FOREIGN") && !a.matchesAt(1, "DEFAULT")
					&& !a.matchesAt(1, "CHECK")) {
				String column = a.nameAt(a.skip(1, "COLUMN", "IF", "EXISTS"));
				if (column != null && scope.modelHasColumn(table, column)) {
					return "DROP COLUMN " + table + "." + column + ", which the models still map";
				}
			}
			else if (a.startsWith("RENAME", "TO") || a.startsWith("RENAME", "AS")) {
				return "RENAME of table " + table + ", which the models still map";
			}
			else if (a.startsWith("RENAME") && !a.matchesAt(1, "CONSTRAINT") && !a.matchesAt(1, "INDEX")
					&& !a.matchesAt(1, "KEY")) {
				String column = a.nameAt(a.skip(1, "COLUMN"));
				if (column != null && scope.modelHasColumn(table, column)) {
					return "RENAME of column " + table + "." + column + ", which the models still map";
				}
			}
			else if (a.startsWith("CHANGE")) {
				int at = a.skip(1, "COLUMN");
				String column = a.nameAt(at);
				String to = a.nameAt(a.nameEnd(at));
				if (column != null && !column.equalsIgnoreCase(String.valueOf(to)) && scope.modelHasColumn(table, column)) {
					return "RENAME of column " + table + "." + column + " (CHANGE), which the models still map";
				}
			}
		}
		return null;
	}

}
