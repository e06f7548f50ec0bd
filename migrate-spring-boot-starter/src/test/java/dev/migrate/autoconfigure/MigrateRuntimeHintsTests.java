package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/** The hints cover the revision index, SQL revisions and the Java revision classes the index lists. */
class MigrateRuntimeHintsTests {

	@Test
	void coversTheIndexSqlRevisionsAndIndexedJavaRevisions() {
		RuntimeHints hints = new RuntimeHints();
		new MigrateRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/migrate/revisions.idx")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/000000000001_customers.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/vendor/h2/0000000000f1_h2_only.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(db.javaargs.RecordRegion.class)).accepts(hints);
	}

}
