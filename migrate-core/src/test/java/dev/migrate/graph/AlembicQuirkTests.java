package dev.migrate.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where Alembic's bookkeeping goes wrong on unusual graphs: what Migrate does there, and why. Each
 * case was checked against Alembic's own code (see conformance/alembic-fuzz-generator).
 */
class AlembicQuirkTests {

	private static RevisionNode node(String id, List<String> down, String label, List<String> dependsOn) {
		return new RevisionNode(id, down, (label != null) ? List.of(label) : List.of(), dependsOn);
	}

	/** r0; r1 (base, depends on r0); r2 (base, depends on r0); r3 &lt;- r0, depends on r2; r4. */
	private static RevisionGraph graph() {
		return RevisionGraph.of(List.of(node("r0", List.of(), "L0", List.of()),
				node("r1", List.of(), "L1", List.of("L0")), node("r2", List.of(), "L2", List.of("L0")),
				node("r3", List.of("r0"), null, List.of("L2")), node("r4", List.of(), "L4", List.of())));
	}

	private static List<String> apply(RevisionGraph graph, List<String> rows, List<RevisionStep> steps) {
		for (RevisionStep step : steps) {
			graph.applyToHeads(rows, step);
		}
		return rows;
	}

	@Test
	void undoingAMergeOfRelatedParentsKeepsARedundantRowAsAlembicDoes() {
		RevisionGraph graph = graph();
		List<String> rows = apply(graph, new ArrayList<>(), graph.upgradePlan(List.of(), "r2"));
		assertThat(rows).containsExactly("r2");
		List<RevisionStep> upgrade = graph.upgradePlan(rows, "heads");
		assertThat(upgrade).extracting(Object::toString).containsExactly("up:r4", "up:r3", "up:r1");
		apply(graph, rows, upgrade);
		assertThat(rows).containsExactlyInAnyOrder("r1", "r3", "r4");
		List<RevisionStep> undo = new ArrayList<>();
		for (int i = upgrade.size() - 1; i >= 0; i--) {
			undo.add(new RevisionStep(upgrade.get(i).revision(), false));
		}
		// Alembic's unmerge subtracts only ancestors of the OTHER rows (r4 here), so it re-inserts r0
		// although r0 is an ancestor of r2; the table ends with {r0, r2}, and the next upgrade fails.
		// Migrate keeps Alembic's rows (SPEC 3: same resulting version rows).
		apply(graph, rows, undo);
		assertThat(rows).containsExactlyInAnyOrder("r0", "r2");
		assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> graph.upgradePlan(rows, "heads"))
			.withMessage("Requested revision r2 overlaps with other requested revisions r0");
	}

	@Test
	void mergingWhenOneParentHasNoRowUpdatesTheParentThatHasOne() {
		// r3 <- (r0, r1) depending on r2, where r1 and r2 depend on r0: by the time r3 runs, r0's row
		// has become r1's. Alembic deletes every parent but the last and fails with a KeyError on r0;
		// Migrate deletes and updates only rows that exist.
		RevisionGraph graph = RevisionGraph.of(List.of(node("r0", List.of(), "L0", List.of()),
				node("r1", List.of(), "L1", List.of("L0")), node("r2", List.of(), "L2", List.of("L0")),
				node("r3", List.of("r0", "r1"), null, List.of("L2"))));
		List<RevisionStep> upgrade = graph.upgradePlan(List.of(), "heads");
		List<String> rows = new ArrayList<>();
		List<String> changes = new ArrayList<>();
		for (RevisionStep step : upgrade) {
			graph.applyToHeads(rows, step).forEach(change -> changes.add(change.toString()));
		}
		assertThat(upgrade).extracting(Object::toString).containsExactly("up:r0", "up:r2", "up:r1", "up:r3");
		assertThat(changes).containsExactly("INSERT r0", "UPDATE r0->r2", "INSERT r1", "DELETE r1",
				"UPDATE r2->r3");
		assertThat(rows).containsExactly("r3");
	}

}
