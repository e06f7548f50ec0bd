package dev.migrate.graph;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written match of Python's integer literals against the pattern it replaced, kept here as the oracle. */
class PyIntLiteralTests {

	private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*", Pattern.UNICODE_CHARACTER_CLASS);

	@Test
	void matchesWhatThePatternMatched() {
		String[] alphabet = { "0", "7", "_", "+", "-", "a", " ", "\u0663", "\uD835\uDFCE", "\uD835", "x" };
		Random random = new Random(12);
		for (int k = 0; k < 100_000; k++) {
			StringBuilder s = new StringBuilder();
			int n = random.nextInt(7);
			for (int i = 0; i < n; i++) {
				s.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String t = s.toString();
			assertThat(RevisionGraph.isPyIntLiteral(t)).as("'%s'", t).isEqualTo(PY_INT.matcher(t).matches());
		}
		assertThat(RevisionGraph.isPyIntLiteral("1_000")).isTrue();
		assertThat(RevisionGraph.isPyIntLiteral("-3")).isTrue();
		assertThat(RevisionGraph.isPyIntLiteral("1__0")).isFalse();
		assertThat(RevisionGraph.isPyIntLiteral("006758989008")).isTrue();
		assertThat(RevisionGraph.isPyIntLiteral("0067a8")).isFalse();
	}

}
