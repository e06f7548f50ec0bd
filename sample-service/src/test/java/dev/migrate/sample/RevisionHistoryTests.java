package dev.migrate.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.MigrationResult;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.command.StepResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's whole history, one revision at a time, base to head and back, on a real PostgreSQL,
 * with the schema at head compared to the models (the JPA entities): the guide's "test migrations"
 * routine applied to every revision.
 */
class RevisionHistoryTests {

	/** The story, oldest first; the two branches after the e-mail index may interleave. */
	private static final List<String> REVISIONS = List.of("3f1c2a9b0d11", "7a4e9c1d2b22", "c5d8e1f20a33",
			"0b9f3e7c6d44", "e2a71b4c8f55", "94c3d0e6a166", "5d2e8f1a3b77", "a8f04c6e2d88", "1e6b7d3f9c99",
			"6c1a5e8b0daa", "d7f2b9a4e1bb", SampleMigrations.MERGE, SampleMigrations.HEAD);

	private static final String RENAME = "e2a71b4c8f55";

	private static final String LOWERCASE = "d7f2b9a4e1bb";

	@Test
	void historyHasOneHeadOneBaseAndTheMergedBranches() {
		Migrator migrator = SampleMigrations.migrator(SamplePostgres.fresh());
		List<RevisionInfo> history = migrator.history(null);
		assertThat(history).extracting(RevisionInfo::id).containsExactlyInAnyOrderElementsOf(REVISIONS);
		assertThat(migrator.heads()).extracting(RevisionInfo::id).containsExactly(SampleMigrations.HEAD);
		RevisionInfo merge = migrator.show(SampleMigrations.MERGE);
		assertThat(merge.mergePoint()).isTrue();
		assertThat(merge.downRevisions()).containsExactlyInAnyOrder("1e6b7d3f9c99", LOWERCASE);
		assertThat(migrator.show("94c3d0e6a166").branchPoint()).isTrue();
		assertThat(migrator.show("3f1c2a9b0d11").base()).isTrue();
		assertThat(migrator.show("7a4e9c1d2b22").kind()).isEqualTo("java");
		assertThat(migrator.show(SampleMigrations.HEAD).kind()).isEqualTo("sql");
	}

	@Test
	void everyRevisionUpgradesAndDowngradesOneStepAtATime() {
		SamplePostgres.Database db = SamplePostgres.fresh();
		Migrator migrator = SampleMigrations.migrator(db);
		List<RevisionInfo> oldestFirst = new ArrayList<>(migrator.history(null));
		Collections.reverse(oldestFirst);
		assertThat(oldestFirst.get(0).id()).isEqualTo(REVISIONS.get(0));
		assertThat(oldestFirst.get(oldestFirst.size() - 1).id()).isEqualTo(SampleMigrations.HEAD);

		for (RevisionInfo revision : oldestFirst) {
			MigrationResult result = migrator.upgrade(revision.id());
			assertThat(result.steps()).as("upgrade to %s", revision.id())
				.extracting(StepResult::revision)
				.containsExactly(revision.id());
			assertThat(migrator.current()).as("after upgrade to %s", revision.id()).contains(revision.id());
			if (revision.id().equals(RENAME)) {
				// users written before the data migrations: mixed-case addresses, no status yet
				db.execute("INSERT INTO users (full_name, email) VALUES ('Ada', 'Ada@Example.COM'), "
						+ "('Bob', 'bob@example.com')");
			}
		}
		assertThat(SampleMigrations.versionRows(db)).containsExactly(SampleMigrations.HEAD);
		assertThat(migrator.status().upToDate()).isTrue();
		assertModelsMatch(db);
		assertThat(SampleMigrations.strings(db, "SELECT email || ' ' || status FROM users ORDER BY email"))
			.containsExactly("ada@example.com active", "bob@example.com active");
		assertOrderItemsGoWithTheirOrder(db);

		List<RevisionInfo> newestFirst = new ArrayList<>(oldestFirst);
		Collections.reverse(newestFirst);
		for (RevisionInfo revision : newestFirst) {
			String target = downgradeTarget(migrator, revision);
			MigrationResult result = migrator.downgrade(target);
			assertThat(result.steps()).as("downgrade %s (target %s)", revision.id(), target)
				.extracting(StepResult::revision)
				.containsExactly(revision.id());
			assertThat(migrator.current()).as("after downgrading %s", revision.id()).doesNotContain(revision.id());
			if (revision.id().equals(LOWERCASE)) {
				// the irreversible data migration: its downgrade does nothing
				assertThat(SampleMigrations.strings(db, "SELECT email FROM users ORDER BY email"))
					.containsExactly("ada@example.com", "bob@example.com");
			}
		}
		assertThat(migrator.current()).isEmpty();
		assertThat(SampleMigrations.tables(db)).containsExactly("migrate_version", "migrate_version_checksums");

		assertThat(migrator.upgrade("head").steps()).hasSize(REVISIONS.size());
		assertModelsMatch(db);
	}

	/**
	 * The guide's {@code downgrade -1} where one branch is current; on two parallel branches, the
	 * revision's own branch ({@code <rev>@-1}); a merge point goes back to its parents.
	 */
	private static String downgradeTarget(Migrator migrator, RevisionInfo revision) {
		if (revision.mergePoint()) {
			return revision.downRevisions().get(0);
		}
		return (migrator.current().size() == 1) ? "-1" : revision.id() + "@-1";
	}

	private static void assertModelsMatch(SamplePostgres.Database db) {
		SchemaDiff diff = SampleMigrations.compareWithModels(db);
		assertThat(diff.report()).as("models vs database at head").isEmpty();
	}

	private static void assertOrderItemsGoWithTheirOrder(SamplePostgres.Database db) {
		db.execute("INSERT INTO companies (name) VALUES ('Acme')");
		db.execute("INSERT INTO products (name, sku, price, company_id) "
				+ "SELECT 'Widget', 'W-1', 9.99, id FROM companies WHERE name = 'Acme'");
		db.execute("INSERT INTO orders (user_id) SELECT id FROM users WHERE email = 'ada@example.com'");
		db.execute("INSERT INTO order_items (order_id, product_id, quantity, price) "
				+ "SELECT o.id, p.id, 2, p.price FROM orders o, products p");
		assertThat(SampleMigrations.strings(db, "SELECT count(*) FROM order_items")).containsExactly("1");
		db.execute("DELETE FROM orders");
		assertThat(SampleMigrations.strings(db, "SELECT count(*) FROM order_items")).as("ON DELETE CASCADE")
			.containsExactly("0");
		db.execute("DELETE FROM products");
		db.execute("DELETE FROM companies");
	}

}
