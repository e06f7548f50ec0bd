package dev.migrate.runtime;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.DialectResolver;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.ScriptDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checksum rules, pinned: a change to the SQL normalisation or to what a Java revision's
 * recorded operations look like (an operation record gaining a component) fails here, and must
 * then come with a new rule prefix ({@code sql2:}, {@code java2:}) so that recorded checksums of
 * the old rule are replaced silently instead of reported as edits on every database.
 */
class RevisionChecksumsTests {

	@Test
	void sqlIsNormalisedForLineEndingsTrailingWhitespaceAndOuterBlankLines() {
		assertThat(RevisionChecksums.normalise("\uFEFF\r\n\r\nCREATE TABLE t (  \r\n  id INT\t\r\n);\r\n\r\n"))
			.isEqualTo("CREATE TABLE t (\n  id INT\n);");
		assertThat(RevisionChecksums.normalise("a\rb")).isEqualTo("a\nb");
		assertThat(RevisionChecksums.sql("CREATE TABLE t (id INT);\r\n"))
			.isEqualTo(RevisionChecksums.sql("\nCREATE TABLE t (id INT);   "))
			.isEqualTo("sql2:" + RevisionChecksums.digest("CREATE TABLE t (id INT);"))
			// CRC-32C then CRC-32 of the UTF-8 bytes, computed independently (Python: a bitwise CRC-32C, zlib.crc32)
			.isEqualTo("sql2:86b015815cc32e0a")
			.isNotEqualTo(RevisionChecksums.sql("CREATE TABLE t (id  INT);"));
	}

	/**
	 * The one-pass normalisation gives exactly what the rule's first implementation (split, a
	 * regular expression per line, blank lines dropped at both ends) gave, so that no checksum
	 * recorded by an earlier version changes: 20,000 random texts over the characters that matter.
	 */
	@Test
	void onePassNormalisationEqualsTheOriginalRule() {
		java.util.Random random = new java.util.Random(12);
		char[] alphabet = { 'a', 'B', ' ', '\t', '\n', '\r', ';', '\uFEFF', '\u00e9', ' ' };
		for (int round = 0; round < 20_000; round++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(24);
			for (int i = 0; i < length; i++) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String input = text.toString();
			assertThat(RevisionChecksums.normalise(input)).as("normalise(%s)", input.replace("\r", "\\r").replace("\n", "\\n"))
				.isEqualTo(originalRule(input));
		}
		assertThat(RevisionChecksums.normalise("")).isEqualTo(originalRule(""));
		assertThat(RevisionChecksums.normalise(null)).isEqualTo("");
		assertThat(RevisionChecksums.normalise("a\n\n  \n\tb \r\n\r\n")).isEqualTo("a\n\n\n\tb");
	}

	/** The rule as first written (stop 26), kept here as the oracle. */
	private static String originalRule(String text) {
		String s = text;
		if (s.startsWith("\uFEFF")) {
			s = s.substring(1);
		}
		s = s.replace("\r\n", "\n").replace('\r', '\n');
		java.util.List<String> lines = new java.util.ArrayList<>(List.of(s.split("\n", -1)));
		for (int i = 0; i < lines.size(); i++) {
			lines.set(i, lines.get(i).replaceFirst("[ \\t]+$", ""));
		}
		while (!lines.isEmpty() && lines.get(0).isEmpty()) {
			lines.remove(0);
		}
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return String.join("\n", lines);
	}

	@Test
	void aJavaRevisionIsChecksummedByTheOperationsItRecords() {
		MigrationScript script = ScriptDirectory
			.load(List.of("classpath:dev/migrate/testrevs/checksum/v1"), getClass().getClassLoader())
			.script("cj1");
		RevisionChecksums checksums = new RevisionChecksums(Map.of(), null);
		String h2 = checksums.of(script, DialectResolver.byName("h2"));
		assertThat(h2).isEqualTo(GOLDEN_J1);
		// the operations, not the SQL: the same on every dialect
		assertThat(checksums.of(script, DialectResolver.byName("postgresql"))).isEqualTo(h2);
	}

	@Test
	void aJavaRevisionRecordingOtherOperationsOnEachRunHasNoChecksum() {
		MigrationScript script = ScriptDirectory
			.load(List.of("classpath:dev/migrate/testrevs/checksum/v1"), getClass().getClassLoader())
			.script("cj2");
		assertThat(new RevisionChecksums(Map.of(), null).of(script, DialectResolver.byName("h2"))).isNull();
	}

	/** The digest of {@code CreateTable[table=Table[schema=null, name=items, columns=[Column[name=id, ...]]]]}. */
	private static final String GOLDEN_J1 = "java2:b6a0bbd3782730cd";

}
