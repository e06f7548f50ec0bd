package dev.migrate.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.migrate.dialect.Dialect;
import dev.migrate.operations.Operations;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.script.LintFixtures;
import dev.migrate.script.MigrationScript;

/**
 * Lints one case revision after a base revision {@code r1} that created the tables the cases
 * work on (so they "existed before" the case, with rows).
 */
public final class LintHarness {

	public static final String BASE = """
			-- revision: r1
			-- migrate:upgrade
			CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(100));
			CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, name VARCHAR(50), amount NUMERIC(10, 2),
			    note TEXT, status VARCHAR(20), code CHAR(4));
			""";

	private LintHarness() {
	}

	/** The findings (suppressed ones too) of an SQL revision with this upgrade section. */
	public static LintReport sql(Dialect dialect, String upgrade, boolean transactional, SchemaSnapshot models) {
		MigrationScript base = LintFixtures.sql("r1", BASE);
		MigrationScript rev = LintFixtures.sql("r2", "-- revision: r2\n-- down_revision: r1\n"
				+ (transactional ? "" : "-- migrate:no-transaction\n") + "-- migrate:upgrade\n" + upgrade + "\n");
		return new Linter(dialect, models, Set.of(), Map.of(), null).lint(List.of(base, rev), List.of("r2"), false, "r2");
	}

	/** The findings of a Java revision whose upgrade runs {@code body}. */
	public static synchronized LintReport java(Dialect dialect, Consumer<Operations> body, boolean transactional,
			SchemaSnapshot models) {
		MigrationScript base = LintFixtures.sql("r1", BASE);
		MigrationScript rev = LintFixtures.java(transactional ? JavaCase.class : JavaCase.NoTransaction.class);
		JavaCase.body = body;
		try {
			return new Linter(dialect, models, Set.of(), Map.of(), null).lint(List.of(base, rev), List.of(rev.id()), false,
					rev.id());
		}
		finally {
			JavaCase.body = (op) -> {
			};
		}
	}

	/** The rule ids of the findings not suppressed. */
	public static List<String> rules(LintReport report) {
		return report.findings().stream().map(Finding::rule).toList();
	}

}
