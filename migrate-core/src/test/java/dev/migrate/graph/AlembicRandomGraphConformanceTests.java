package dev.migrate.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Differential cases: random graphs and commands whose outcome was recorded by running Alembic's
 * own traversal code ({@code conformance/alembic-fuzz.json}; how it was recorded is in its
 * {@code semantics} block). One dynamic test per case.
 */
class AlembicRandomGraphConformanceTests {

	private static final AlembicCases CASES = new AlembicCases("/conformance/alembic-fuzz.json");

	@TestFactory
	Stream<DynamicTest> commandCases() {
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode c : CASES.cases("command_cases")) {
			tests.add(DynamicTest.dynamicTest(AlembicCases.describe(c, "cmd", "current", "target"),
					() -> CASES.runCommandCase(c)));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> stampCases() {
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode c : CASES.cases("stamp_cases")) {
			tests.add(DynamicTest.dynamicTest(AlembicCases.describe(c, "current", "stamp"),
					() -> CASES.runStampCase(c)));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> historyCases() {
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode c : CASES.cases("history_cases")) {
			tests.add(DynamicTest.dynamicTest(AlembicCases.describe(c, "current", "range"),
					() -> CASES.runHistoryCase(c)));
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> iterateCases() {
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode c : CASES.cases("iterate_cases")) {
			tests.add(DynamicTest.dynamicTest(
					AlembicCases.describe(c, "upper", "lower", "inclusive", "implicit_base", "select_for_downgrade"),
					() -> CASES.runIterateCase(c)));
		}
		return tests.stream();
	}

}
