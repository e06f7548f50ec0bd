package dev.migrate.autoconfigure;

import dev.migrate.runtime.UnversionedSchemaException;

import org.springframework.boot.diagnostics.FailureAnalysis;

/** The failure analysis of a database with tables but no version table: the ways to adopt it. */
final class UnversionedSchemaAnalysis {

	private static final String NL = System.lineSeparator();

	private UnversionedSchemaAnalysis() {
	}

	static FailureAnalysis analyze(UnversionedSchemaException ex) {
		String where = (ex.schema() != null) ? "Schema '" + ex.schema() + "'" : "The database";
		String description = where + " already has tables but no version table '" + ex.versionTable()
				+ "', so Migrate cannot tell which revisions it holds, and changed nothing." + NL + "    tables: "
				+ String.join(", ", ex.tables());
		String base = (ex.bases().size() == 1) ? ex.bases().get(0) : "<base>";
		String action = "Find the revision the existing schema matches (<rev>), then either" + NL
				+ "    - set migrate.baseline-revision=<rev>: it is stamped once, then the later revisions are applied, or" + NL
				+ "    - run `migrate stamp <rev>` against this database before starting the application." + NL
				+ "If the existing tables are what the base revision " + base + " creates, migrate.baseline-on-migrate=true"
				+ " stamps it (Flyway's baselineOnMigrate). If the tables are not the application's, set"
				+ " migrate.baseline-revision=base to apply every revision next to them. For migrate.instances.<name>, set the same properties under that prefix.";
		return new FailureAnalysis(description, action, ex);
	}

}
