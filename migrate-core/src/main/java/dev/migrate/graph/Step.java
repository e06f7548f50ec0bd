package dev.migrate.graph;

import java.util.List;

/** One step of a plan: a revision run up or down, or a stamp. */
public sealed interface Step permits RevisionStep, StampStep {

	boolean upgrade();

	/** Version rows this step moves from (empty for a base). */
	List<String> fromRevisions();

	/** Version rows this step moves to (empty for base). */
	List<String> toRevisions();

}
