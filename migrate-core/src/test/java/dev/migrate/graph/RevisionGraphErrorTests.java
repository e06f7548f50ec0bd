package dev.migrate.graph;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every graph error, with its exact message and the data it carries. */
class RevisionGraphErrorTests {

	static RevisionNode rev(String id, String... down) {
		return new RevisionNode(id, List.of(down), List.of(), List.of());
	}

	static RevisionNode labelled(String id, String label, String... down) {
		return new RevisionNode(id, List.of(down), List.of(label), List.of());
	}

	static RevisionNode dependent(String id, List<String> down, String... dependsOn) {
		return new RevisionNode(id, down, List.of(), List.of(dependsOn));
	}

	/** Alembic's BranchedPathTest: a, b, c1 {c1branch}, d1, c2 {c2branch}, d2. */
	static RevisionGraph branched() {
		return RevisionGraph.of(List.of(rev("a"), rev("b", "a"), labelled("c1", "c1branch", "b"), rev("d1", "c1"),
				labelled("c2", "c2branch", "b"), rev("d2", "c2")));
	}

	@Test
	void duplicateRevisionIsRejected() {
		DuplicateRevisionException ex = catchThrowableOfType(DuplicateRevisionException.class,
				() -> RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("a", "b"))));
		assertThat(ex).hasMessage("Revision a is present more than once");
		assertThat(ex.getRevision()).isEqualTo("a");
	}

	@Test
	void missingDownRevisionNamesBothRevisions() {
		MissingRevisionException ex = catchThrowableOfType(MissingRevisionException.class,
				() -> RevisionGraph.of(List.of(rev("a"), rev("b", "zzz"))));
		assertThat(ex).hasMessage("Revision zzz referenced from b is not present");
		assertThat(ex.getRevision()).isEqualTo("zzz");
		assertThat(ex.getReferencedFrom()).isEqualTo("b");
	}

	@Test
	void missingDependencyNamesBothRevisions() {
		assertThatExceptionOfType(MissingRevisionException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a"), dependent("b", List.of("a"), "nolabel"))))
			.withMessage("Revision nolabel referenced from b is not present");
	}

	@Test
	void cycleWithoutHeadsOrBasesListsAllRevisionsInLoadOrder() {
		CycleDetectedException ex = catchThrowableOfType(CycleDetectedException.class,
				() -> RevisionGraph.of(List.of(rev("a", "c"), rev("b", "a"), rev("c", "b"))));
		assertThat(ex).hasMessage("Cycle is detected in revisions (a, b, c)");
		assertThat(ex.getRevisions()).containsExactly("a", "b", "c");
		assertThat(ex.getKind()).isEqualTo(CycleDetectedException.Kind.CYCLE);
	}

	@Test
	void cycleBesideAValidBranchListsTheCycleSorted() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> RevisionGraph
				.of(List.of(rev("z"), rev("y", "z"), rev("c", "b"), rev("a", "c"), rev("b", "a"))))
			.withMessage("Cycle is detected in revisions (a, b, c)");
	}

	@Test
	void dependencyCycleIsRejected() {
		CycleDetectedException ex = catchThrowableOfType(CycleDetectedException.class,
				() -> RevisionGraph.of(List.of(dependent("a", List.of(), "b"), rev("b", "a"))));
		assertThat(ex).hasMessage("Dependency cycle is detected in revisions (a, b)");
		assertThat(ex.getKind()).isEqualTo(CycleDetectedException.Kind.DEPENDENCY_CYCLE);
	}

	@Test
	void selfLoopsAreRejected() {
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "a", "b"))))
			.withMessage("Self-loop is detected in revisions (b)");
		assertThatExceptionOfType(CycleDetectedException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a"), dependent("b", List.of("a"), "b"))))
			.withMessage("Dependency self-loop is detected in revisions (b)");
	}

	@Test
	void duplicateBranchLabelNamesBothRevisions() {
		DuplicateBranchLabelException ex = catchThrowableOfType(DuplicateBranchLabelException.class,
				() -> RevisionGraph.of(List.of(labelled("a", "x"), labelled("b", "x", "a"))));
		assertThat(ex).hasMessage("Branch name 'x' in revision b already used by revision a");
		assertThat(ex.getLabel()).isEqualTo("x");
		assertThat(ex.getUsedBy()).isEqualTo("a");
		assertThatExceptionOfType(DuplicateBranchLabelException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a"), labelled("b", "a", "a"))))
			.withMessage("Branch name 'a' in revision b already used by revision a");
	}

	@Test
	void illegalCharactersInIdsAreRejected() {
		assertThatExceptionOfType(IllegalRevisionIdException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a-b"))))
			.withMessage("Character(s) '-' not allowed in revision identifier 'a-b'");
		assertThatExceptionOfType(IllegalRevisionIdException.class)
			.isThrownBy(() -> RevisionGraph.of(List.of(rev("a@b:c+d"))))
			.withMessage("Character(s) '+, :, @' not allowed in revision identifier 'a@b:c+d'");
	}

	@Test
	void ambiguousPrefixNamesTheCandidates() {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("abcd1"), rev("abcd2", "abcd1"), rev("abcd3", "abcd2"),
				rev("abcd4", "abcd3"), rev("abce5", "abcd4")));
		AmbiguousRevisionException ex = catchThrowableOfType(AmbiguousRevisionException.class,
				() -> graph.resolve("abcd"));
		assertThat(ex).hasMessage("Multiple revisions start with 'abcd': 'abcd1', 'abcd2', 'abcd3'...");
		assertThat(ex.getCandidates()).containsExactly("abcd1", "abcd2", "abcd3", "abcd4");
		assertThat(ex.getArgument()).isEqualTo("abcd");
		assertThatExceptionOfType(AmbiguousRevisionException.class)
			.isThrownBy(() -> graph.upgradePlan(List.of(), "abcd"))
			.withMessage("Multiple revisions start with 'abcd': 'abcd1', 'abcd2', 'abcd3'...");
		assertThat(graph.resolve("abce")).extracting(RevisionNode::id).containsExactly("abce5");
	}

	@Test
	void unknownRevisionUsesTheCommandLineMessageAndKeepsTheRawOne() {
		RevisionGraph graph = branched();
		UnknownRevisionException ex = catchThrowableOfType(UnknownRevisionException.class,
				() -> graph.resolve("zzzz"));
		assertThat(ex).hasMessage("Can't locate revision identified by 'zzzz'");
		assertThat(ex.getArgument()).isEqualTo("zzzz");
		assertThat(ex.getCause()).hasMessage("No such revision or branch 'zzzz'");
		assertThat(catchThrowableOfType(UnknownRevisionException.class, () -> graph.resolve("zz")).getCause())
			.hasMessage("No such revision or branch 'zz'; please ensure at least four characters are present for "
					+ "partial revision identifier matches");
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> graph.upgradePlan(List.of("nope"), "heads"))
			.withMessage("Can't locate revision identified by 'nope'");
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> graph.downgradePlan(List.of("d1"), "nosuch@b"))
			.withMessage("Can't locate revision identified by 'nosuch'");
		assertThat(catchThrowableOfType(UnknownRevisionException.class, () -> graph.resolve("c1branch@d2"))
			.getCause()).hasMessage("Revision d2 is not a member of branch 'c1branch'");
	}

	@Test
	void multipleHeadsCarriesHeadsAndArgument() {
		RevisionGraph graph = branched();
		MultipleHeadsException ex = catchThrowableOfType(MultipleHeadsException.class,
				() -> graph.upgradePlan(List.of(), "head"));
		assertThat(ex).hasMessage("Multiple head revisions are present for given argument 'head'; please specify a "
				+ "specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all "
				+ "heads");
		assertThat(ex.getHeads()).containsExactly("d1", "d2");
		assertThat(ex.getArgument()).isEqualTo("head");
		assertThat(ex.getCause()).hasMessage("Multiple heads are present for given argument 'head'; d1, d2");
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.resolve("head"))
			.withMessageStartingWith("Multiple head revisions are present for given argument 'head';");
		// also when the database is at both heads: "head" is still ambiguous, "heads" has nothing to do
		assertThat(catchThrowableOfType(MultipleHeadsException.class,
				() -> graph.upgradePlan(List.of("d1", "d2"), "head"))).hasMessage(ex.getMessage());
		assertThat(graph.upgradePlan(List.of("d2", "d1"), "heads")).isEmpty();
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> graph.stampPlan(List.of(), List.of("head")))
			.withMessage("Multiple heads are present; please specify a single target revision");
	}

	@Test
	void downgradeMinusOneFromSeveralHeadsWarnsAndUsesTheFirstRow() {
		RevisionGraph graph = branched();
		List<String> warnings = new ArrayList<>();
		assertThat(graph.downgradePlan(List.of("d2", "d1"), "-1", warnings::add)).extracting(Object::toString)
			.containsExactly("down:d2");
		assertThat(warnings).containsExactly(
				"downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.");
		warnings.clear();
		assertThat(graph.downgradePlan(List.of("d1"), "-1", warnings::add)).extracting(Object::toString)
			.containsExactly("down:d1");
		assertThat(warnings).isEmpty();
	}

	@Test
	void relativeAndWalkErrors() {
		RevisionGraph merged = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c1", "b"), rev("d1", "c1"),
				labelled("c2", "c2branch", "b"), rev("d2", "c2"), rev("e", "d1", "d2"), rev("f", "e")));
		assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> merged.downgradePlan(List.of("f"), "-2"))
			.withMessage("Ambiguous walk");
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> merged.downgradePlan(List.of("f"), "e+5"))
			.withMessage("Walked too far");
		assertThatExceptionOfType(RangeNotAncestorException.class)
			.isThrownBy(() -> merged.downgradePlan(List.of("d1"), "e"))
			.withMessage("Destination e is not a valid downgrade target from current head(s)");
		// upgrading to an ancestor of the current state is a no-op, as in Alembic
		assertThat(merged.upgradePlan(List.of("e"), "c2")).isEmpty();
	}

	@Test
	void overlappingTargetsAreRejected() {
		RevisionGraph graph = branched();
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> graph.upgradePlan(List.of(), List.of("c1", "d1")))
			.withMessage("Requested revision d1 overlaps with other requested revisions c1");
	}

	@Test
	void historyRangeErrors() {
		RevisionGraph graph = branched();
		assertThatExceptionOfType(RevisionException.class).isThrownBy(() -> graph.history("d1", List.of()))
			.withMessage("History range requires [start]:[end], [start]:, or :[end]");
		assertThatExceptionOfType(RangeNotAncestorException.class).isThrownBy(() -> graph.history("d1:c2", List.of()))
			.withMessage("Requested range d1:c2 does not refer to ancestor/descendant revisions along the same branch");
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> graph.history(":head", List.of()))
			.withMessageStartingWith("Multiple head revisions are present for given argument 'head';");
	}

	@Test
	void unknownIdsInAccessors() {
		RevisionGraph graph = branched();
		assertThat(graph.get("nope")).isNull();
		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> graph.children("nope"))
			.withMessage("Can't locate revision identified by 'nope'");
	}

}
