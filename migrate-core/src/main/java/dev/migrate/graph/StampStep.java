package dev.migrate.graph;

import java.util.List;

/** Moving version rows without running any revision. */
public record StampStep(List<String> fromRevisions, List<String> toRevisions, boolean upgrade, boolean branchMove)
		implements Step {

	public StampStep {
		fromRevisions = List.copyOf(fromRevisions);
		toRevisions = List.copyOf(toRevisions);
	}

}
