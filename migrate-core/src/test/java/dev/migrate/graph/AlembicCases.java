package dev.migrate.graph;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Reads a file of cases recorded from Alembic and checks one case against {@link RevisionGraph}. */
final class AlembicCases {

	final JsonNode data;

	private final Map<String, RevisionGraph> graphs = new HashMap<>();

	AlembicCases(String resource) {
		try (InputStream in = AlembicCases.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource + " on the test classpath").isNotNull();
			this.data = JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<JsonNode> cases(String kind) {
		return (this.data.has(kind)) ? new ArrayList<>(this.data.get(kind).values()) : List.of();
	}

	RevisionGraph graph(String fixture) {
		return this.graphs.computeIfAbsent(fixture, name -> RevisionGraph.of(nodes(this.data.get("fixtures").get(name))));
	}

	static List<RevisionNode> nodes(JsonNode fixture) {
		List<RevisionNode> nodes = new ArrayList<>();
		for (JsonNode rev : fixture.get("revisions").values()) {
			nodes.add(new RevisionNode(rev.get("rev").asString(), strings(rev.get("down")), strings(rev.get("labels")),
					strings(rev.get("depends_on"))));
		}
		return nodes;
	}

	static List<String> strings(JsonNode node) {
		List<String> result = new ArrayList<>();
		if (node == null || node.isNull()) {
			return result;
		}
		if (node.isString()) {
			result.add(node.asString());
			return result;
		}
		for (JsonNode item : node.values()) {
			result.add(item.asString());
		}
		return result;
	}

	static List<String> sorted(List<String> values) {
		return values.stream().sorted().toList();
	}

	/** Applies HeadMaintainer over every step, starting from the given version rows. */
	static List<String> headsAfter(RevisionGraph graph, List<String> current, List<? extends Step> steps) {
		List<String> rows = new ArrayList<>(current);
		for (Step step : steps) {
			graph.applyToHeads(rows, step);
		}
		return sorted(rows);
	}

	static String describe(JsonNode c, String... fields) {
		StringBuilder sb = new StringBuilder(c.has("source") ? c.get("source").asString() : "case")
			.append(" [").append(c.get("fixture").asString());
		for (String field : fields) {
			if (c.has(field)) {
				sb.append(' ').append(field).append('=').append(c.get(field).toString());
			}
		}
		return sb.append(']').toString();
	}

	/**
	 * Asserts the error of a case. Alembic prints an ambiguous partial id as "Can't locate revision
	 * identified by 'x'"; Migrate deliberately keeps the underlying message that names the candidates,
	 * which the recording keeps as {@code raw_error}.
	 */
	static void assertError(Throwable thrown, JsonNode c) {
		assertThat(thrown).isInstanceOf(RevisionException.class);
		if (thrown instanceof AmbiguousRevisionException ambiguous) {
			assertThat(c.get("error").asString())
				.isEqualTo("Can't locate revision identified by '" + ambiguous.getArgument() + "'");
			assertThat(thrown).hasMessage(c.get("raw_error").asString());
		}
		else {
			assertThat(thrown).hasMessage(c.get("error").asString());
		}
	}

	List<RevisionStep> plan(JsonNode c, List<String> warnings) {
		RevisionGraph graph = graph(c.get("fixture").asString());
		List<String> current = strings(c.get("current"));
		JsonNode target = c.get("target");
		if (c.get("cmd").asString().equals("upgrade")) {
			return target.isArray() ? graph.upgradePlan(current, strings(target))
					: graph.upgradePlan(current, target.asString());
		}
		assertThat(target.isString()).as("downgrade target is a string").isTrue();
		return graph.downgradePlan(current, target.asString(), warnings::add);
	}

	void runCommandCase(JsonNode c) {
		RevisionGraph graph = graph(c.get("fixture").asString());
		List<String> warnings = new ArrayList<>();
		if (c.has("error")) {
			assertError(catchThrowable(() -> plan(c, warnings)), c);
		}
		else {
			List<RevisionStep> steps = plan(c, warnings);
			assertThat(steps).map(RevisionStep::toString).isEqualTo(strings(c.get("steps")));
			if (c.has("ops")) {
				assertOps(graph, strings(c.get("current")), steps, c.get("ops"));
			}
			assertThat(headsAfter(graph, strings(c.get("current")), steps))
				.isEqualTo(strings(c.get("heads_after")));
		}
		assertThat(warnings).isEqualTo(strings(c.get("warnings")));
	}

	/**
	 * Compares the row changes of every step. At a merge or unmerge step Alembic picks WHICH parent
	 * row is deleted/inserted and which is updated from a Python set, so that choice depends on
	 * PYTHONHASHSEED; only the kinds of row changes and the resulting rows are deterministic there.
	 */
	static void assertOps(RevisionGraph graph, List<String> current, List<RevisionStep> steps, JsonNode expectedOps) {
		List<String> rows = new ArrayList<>(current);
		for (int i = 0; i < steps.size(); i++) {
			RevisionStep step = steps.get(i);
			List<String> ops = graph.applyToHeads(rows, step).stream().map(Object::toString).toList();
			List<String> expected = strings(expectedOps.get(i));
			if (graph.normalizedDownRevisions(step.revision().id()).size() > 1) {
				assertThat(ops).as(step + " (kinds of row changes)")
					.map(op -> op.substring(0, op.indexOf(' ')))
					.containsExactlyInAnyOrderElementsOf(
							expected.stream().map(op -> op.substring(0, op.indexOf(' '))).toList());
			}
			else {
				assertThat(ops).as(step.toString()).isEqualTo(expected);
			}
		}
	}

	List<RevisionNode> iterate(JsonNode c) {
		RevisionGraph graph = graph(c.get("fixture").asString());
		JsonNode upper = c.get("upper");
		JsonNode lower = c.get("lower");
		boolean inclusive = c.get("inclusive").asBoolean();
		boolean implicitBase = c.get("implicit_base").asBoolean();
		boolean downgrade = c.get("select_for_downgrade").asBoolean();
		if (upper.isArray() && lower.isArray()) {
			return graph.iterate(strings(upper), strings(lower), inclusive, implicitBase, downgrade);
		}
		if (upper.isArray()) {
			return graph.iterate(strings(upper), lower.asString(), inclusive, implicitBase, downgrade);
		}
		if (lower.isArray()) {
			return graph.iterate(upper.asString(), strings(lower), inclusive, implicitBase, downgrade);
		}
		return graph.iterate(upper.asString(), lower.asString(), inclusive, implicitBase, downgrade);
	}

	void runIterateCase(JsonNode c) {
		if (c.has("error")) {
			// recorded as "<Alembic exception class>: <raw message>"
			String error = c.get("error").asString();
			int colon = error.indexOf(": ");
			Class<? extends RevisionException> type = switch (error.substring(0, colon)) {
				case "RangeNotAncestorError" -> RangeNotAncestorException.class;
				case "MultipleHeads" -> MultipleHeadsException.class;
				case "ResolutionError" -> UnknownRevisionException.class;
				case "RevisionError" -> RevisionException.class;
				default -> throw new AssertionError("unexpected error class in " + error);
			};
			assertThatThrownBy(() -> iterate(c)).isInstanceOf(type).hasMessage(error.substring(colon + 2));
		}
		else {
			assertThat(iterate(c)).map(RevisionNode::id).isEqualTo(strings(c.get("expected")));
		}
	}

	void runStampCase(JsonNode c) {
		RevisionGraph graph = graph(c.get("fixture").asString());
		List<String> current = strings(c.get("current"));
		List<String> destinations = strings(c.get("stamp"));
		if (c.has("error")) {
			assertError(catchThrowable(() -> graph.stampPlan(current, destinations)), c);
			return;
		}
		List<StampStep> steps = graph.stampPlan(current, destinations);
		List<StampStep> expected = new ArrayList<>();
		for (JsonNode step : c.get("steps").values()) {
			expected.add(new StampStep(strings(step.get("from")), strings(step.get("to")),
					step.get("is_upgrade").asBoolean(), step.get("branch_move").asBoolean()));
		}
		assertThat(steps).isEqualTo(expected);
		assertThat(headsAfter(graph, current, steps)).isEqualTo(strings(c.get("heads_after")));
	}

	void runHistoryCase(JsonNode c) {
		RevisionGraph graph = graph(c.get("fixture").asString());
		List<String> current = strings(c.get("current"));
		String range = c.get("range").asString();
		if (c.has("error")) {
			assertError(catchThrowable(() -> graph.history(range, current)), c);
		}
		else {
			assertThat(graph.history(range, current)).map(RevisionNode::id).isEqualTo(strings(c.get("expected")));
		}
	}

}
