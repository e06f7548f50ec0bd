package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlScriptParserTests {

	private static final String FULL = """
			-- revision: abc123def456
			-- down_revision: 789xyz000000, 111aaa222bbb
			-- branch_labels: billing
			-- depends_on: 55aa55aa55aa
			-- message: add products table
			-- create_date: 2024-01-01 12:00:00

			-- migrate:upgrade
			CREATE TABLE products (id INT, note TEXT DEFAULT 'a;b');
			CREATE INDEX ix_products_sku ON products (sku);

			-- migrate:downgrade
			DROP INDEX ix_products_sku;
			DROP TABLE products;
			""";

	private static SqlMigrationScript parse(String name, String text) {
		return SqlScriptParser.parse(name, "db/" + name, null, text);
	}

	@Test
	void readsTheHeaderAndBothSections() {
		SqlMigrationScript script = parse("abc123def456_add_products.sql", FULL);
		assertThat(script.id()).isEqualTo("abc123def456");
		assertThat(script.downRevisions()).containsExactly("789xyz000000", "111aaa222bbb");
		assertThat(script.branchLabels()).containsExactly("billing");
		assertThat(script.dependsOn()).containsExactly("55aa55aa55aa");
		assertThat(script.message()).isEqualTo("add products table");
		assertThat(script.createDate()).isEqualTo("2024-01-01 12:00:00");
		assertThat(script.transactional()).isTrue();
		assertThat(script.kind()).isEqualTo("sql");
		assertThat(script.source()).isEqualTo("abc123def456_add_products.sql");
		assertThat(script.upgradeStatements()).containsExactly("CREATE TABLE products (id INT, note TEXT DEFAULT 'a;b')",
				"CREATE INDEX ix_products_sku ON products (sku)");
		assertThat(script.downgradeStatements()).containsExactly("DROP INDEX ix_products_sku", "DROP TABLE products");
	}

	@Test
	void emptyOrNoneMeansNone() {
		SqlMigrationScript script = parse("a1_x.sql", """
				-- revision: a1
				-- down_revision: none
				-- branch_labels:
				-- depends_on: None

				-- migrate:upgrade
				SELECT 1;
				""");
		assertThat(script.downRevisions()).isEmpty();
		assertThat(script.branchLabels()).isEmpty();
		assertThat(script.dependsOn()).isEmpty();
		assertThat(script.hasDowngrade()).isFalse();
		assertThat(script.downgradeStatements()).isEmpty();
		assertThat(script.message()).isEmpty();
		assertThat(script.createDate()).isNull();
	}

	@Test
	void noTransactionMarkerInHeader() {
		SqlMigrationScript script = parse("a1_x.sql", """
				-- revision: a1
				-- migrate:no-transaction

				-- migrate:upgrade
				CREATE INDEX CONCURRENTLY ix ON t (c);
				-- migrate:downgrade
				DROP INDEX CONCURRENTLY ix;
				""");
		assertThat(script.transactional()).isFalse();
	}

	@Test
	void freeCommentsAndWindowsLineEndingsInHeader() {
		SqlMigrationScript script = parse("a1_x.sql",
				"-- A free comment without a key\r\n-- revision: a1\r\n\r\n-- migrate:upgrade\r\nSELECT 1;\r\nSELECT 2;\r\n");
		assertThat(script.upgradeStatements()).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void fileNameNotMatchingTheIdOnlyWarns() {
		assertThat(parse("other_name.sql", "-- revision: a1\n-- migrate:upgrade\nSELECT 1;").id()).isEqualTo("a1");
	}

	@Test
	void missingRevisionHeader() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- message: hi\n-- migrate:upgrade\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: missing '-- revision: <id>' header")
			.satisfies((ex) -> assertThat(ex.source()).isEqualTo("db/x.sql"));
	}

	@Test
	void unknownHeaderKey() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- down_revison: a0\n-- migrate:upgrade\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: unknown header key 'down_revison' (line 2); known keys: "
					+ "revision, down_revision, branch_labels, depends_on, message, create_date");
	}

	@Test
	void missingUpgradeSection() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n"))
			.withMessage("Bad revision file db/x.sql: missing '-- migrate:upgrade' section");
	}

	@Test
	void badId() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1-b2\n-- migrate:upgrade\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: bad revision id 'a1-b2' (use letters, digits and underscores, at most 32 characters)");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: " + "a".repeat(33) + "\n-- migrate:upgrade\nSELECT 1;"))
			.withMessageContaining("bad revision id '" + "a".repeat(33) + "'");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- down_revision: a0, b@head\n-- migrate:upgrade\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: bad down_revision id 'b@head' (use letters, digits and underscores, at most 32 characters)");
	}

	@Test
	void selfReference() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- down_revision: a1\n-- migrate:upgrade\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: revision a1 names itself as down_revision");
	}

	@Test
	void duplicateHeaderKey() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- revision: a2\n-- migrate:upgrade\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: header key 'revision' given twice (line 2)");
	}

	@Test
	void sqlBeforeUpgradeSection() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\nCREATE TABLE t (id INT);\n-- migrate:upgrade\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: SQL before '-- migrate:upgrade' (line 2); the header holds only '-- key: value' lines");
	}

	@Test
	void sectionsOutOfOrderOrTwice() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- migrate:downgrade\nSELECT 1;\n-- migrate:upgrade\nSELECT 2;"))
			.withMessage("Bad revision file db/x.sql: '-- migrate:downgrade' before '-- migrate:upgrade' (line 2)");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:upgrade\nSELECT 2;"))
			.withMessage("Bad revision file db/x.sql: second '-- migrate:upgrade' section (line 4)");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:no-transaction\n"))
			.withMessage("Bad revision file db/x.sql: '-- migrate:no-transaction' must be in the header, before '-- migrate:upgrade' (line 4)");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("x.sql", "-- revision: a1\n-- migrate:upgrad\nSELECT 1;"))
			.withMessage("Bad revision file db/x.sql: unknown marker '-- migrate:upgrad' (line 2); use upgrade, downgrade or no-transaction");
	}

	@Test
	void unterminatedStringNamesFileSectionAndLine() {
		// statements are split on first use (a run validates its whole plan before its first step)
		SqlMigrationScript up = parse("x.sql", "-- revision: a1\n\n-- migrate:upgrade\nSELECT 1;\nSELECT 'oops;\n-- migrate:downgrade\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(up::upgradeStatements)
			.withMessage("Bad revision file db/x.sql: unterminated string literal starting at line 5 in the upgrade section");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(up::validate)
			.withMessage("Bad revision file db/x.sql: unterminated string literal starting at line 5 in the upgrade section");
		SqlMigrationScript down = parse("x.sql", "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\nSELECT $$ x;\n");
		assertThat(down.upgradeStatements()).containsExactly("SELECT 1");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(down::validate)
			.withMessage("Bad revision file db/x.sql: unterminated dollar-quoted string $$ starting at line 5 in the downgrade section");
	}

	@Test
	void linesEndingInCarriageReturnsAreSplitAsNewlines() {
		SqlMigrationScript script = parse("a1.sql",
				"\uFEFF-- revision: a1\r\n-- message: crlf\r-- migrate:upgrade\r\nSELECT 1;\n\rSELECT 2;\r\n-- migrate:downgrade\rSELECT 3");
		assertThat(script.message()).isEqualTo("crlf");
		assertThat(script.upgradeStatements()).containsExactly("SELECT 1", "SELECT 2");
		assertThat(script.downgradeStatements()).containsExactly("SELECT 3");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> parse("a1.sql", "-- revision: a1\r\n\r\nSELECT 0;\r\n-- migrate:upgrade\r\n"))
			.withMessage("Bad revision file db/a1.sql: SQL before '-- migrate:upgrade' (line 3); the header holds only '-- key: value' lines");
	}

	@Test
	void handWrittenLineMatchersAgreeWithTheirPatterns() {
		Pattern marker = Pattern.compile("--\\s*migrate:\\s*(\\S*)\\s*", Pattern.CASE_INSENSITIVE);
		Pattern header = Pattern.compile("--\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*:(.*)");
		List<String> lines = new ArrayList<>(List.of("-- migrate:upgrade", "--migrate:UPGRADE  ", "-- MiGrAtE: no-transaction",
				"-- migrate:", "-- migrate: a b", "-- migrate:\u00a0x", "- migrate:upgrade", "-- migrat:upgrade",
				"-- revision: abc", "--revision:abc", "-- down_revision :  x, y ", "-- 1key: v", "-- key-1: v",
				"-- key: a\u2028b", "-- key: a\u0085b", "-- key:", "-- key", "--\t\u000Bkey\f: v", "--", ""));
		Random random = new Random(42);
		String alphabet = "-m:igrateMIGRATE kK_\t\u000B\f\u00a0\u2028\u0085\u0131\u212a1-:x";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder line = new StringBuilder(random.nextBoolean() ? "--" : "");
			if (random.nextInt(3) == 0) {
				line.append(random.nextBoolean() ? " migrate:" : "key:");
			}
			for (int k = random.nextInt(12); k > 0; k--) {
				line.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			lines.add(line.toString());
		}
		for (String line : lines) {
			Matcher m = marker.matcher(line);
			assertThat(SqlScriptParser.marker(line)).as(line).isEqualTo(m.matches() ? m.group(1) : null);
			Matcher h = header.matcher(line);
			assertThat(SqlScriptParser.headerLine(line)).as(line)
				.isEqualTo(h.matches() ? new String[] { h.group(1), h.group(2) } : null);
			String id = line.replace("-", "");
			assertThat(SqlScriptParser.isValidId(id)).as(id).isEqualTo(MigrationScript.ID_PATTERN.matcher(id).matches());
		}
		assertThat(SqlScriptParser.isValidId("a".repeat(32))).isTrue();
		assertThat(SqlScriptParser.isValidId("a".repeat(33))).isFalse();
	}

}
