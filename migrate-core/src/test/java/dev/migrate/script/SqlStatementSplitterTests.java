package dev.migrate.script;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SqlStatementSplitterTests {

	@Test
	void splitsAtTopLevelSemicolonsAndTrims() {
		assertThat(SqlStatementSplitter.split("CREATE TABLE a (id INT);\n\n  DROP TABLE b ;\nSELECT 1"))
			.containsExactly("CREATE TABLE a (id INT)", "DROP TABLE b", "SELECT 1");
	}

	@Test
	void singleQuotedStringsWithDoubledQuotes() {
		assertThat(SqlStatementSplitter.split("INSERT INTO t VALUES ('a;b', 'it''s; here');SELECT ';'"))
			.containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; here')", "SELECT ';'");
	}

	@Test
	void quotedIdentifiers() {
		assertThat(SqlStatementSplitter.split("CREATE TABLE \"we;ird\"\"name\" (`x;y` INT); SELECT 2"))
			.containsExactly("CREATE TABLE \"we;ird\"\"name\" (`x;y` INT)", "SELECT 2");
		assertThat(SqlStatementSplitter.split("SELECT `a``;b` FROM t; SELECT 3")).containsExactly("SELECT `a``;b` FROM t",
				"SELECT 3");
	}

	@Test
	void lineAndBlockCommentsIncludingNested() {
		String sql = "-- first; comment\nSELECT 1; /* block; /* nested; */ still; comment */ SELECT 2;\n-- only a comment;\n";
		assertThat(SqlStatementSplitter.split(sql)).containsExactly("-- first; comment\nSELECT 1",
				"/* block; /* nested; */ still; comment */ SELECT 2");
	}

	@Test
	void chunksWithOnlyCommentsAreDropped() {
		assertThat(SqlStatementSplitter.split("-- nothing here;\n/* nor; here */ ;;  ;")).isEmpty();
	}

	@Test
	void dollarQuotedBodies() {
		String fn = "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 'a;b';\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql";
		assertThat(SqlStatementSplitter.split(fn + ";\nSELECT 1;")).containsExactly(fn, "SELECT 1");
	}

	@Test
	void taggedDollarQuotesMayContainPlainDollarQuotes() {
		String fn = "CREATE FUNCTION g() RETURNS int AS $body$ SELECT $$;$$; SELECT 1; $body$ LANGUAGE sql";
		assertThat(SqlStatementSplitter.split(fn + "; SELECT 2")).containsExactly(fn, "SELECT 2");
	}

	@Test
	void positionalParametersAndDollarsInIdentifiersAreNotDollarQuotes() {
		assertThat(SqlStatementSplitter.split("PREPARE p AS SELECT $1; SELECT a$b$ FROM t; SELECT 3"))
			.containsExactly("PREPARE p AS SELECT $1", "SELECT a$b$ FROM t", "SELECT 3");
	}

	@Test
	void escapeStringsHonourBackslashes() {
		assertThat(SqlStatementSplitter.split("SELECT E'it\\'s; here'; SELECT e'\\\\'; SELECT 1"))
			.containsExactly("SELECT E'it\\'s; here'", "SELECT e'\\\\'", "SELECT 1");
	}

	@Test
	void backslashIsPlainInStandardStrings() {
		// standard_conforming_strings: 'a\' is a complete string
		assertThat(SqlStatementSplitter.split("SELECT 'a\\'; SELECT 2")).containsExactly("SELECT 'a\\'", "SELECT 2");
	}

	@Test
	void mysqlBackslashEscapesWhenAsked() {
		assertThat(SqlStatementSplitter.split("SELECT 'it\\'s; fine'; SELECT 2", true))
			.containsExactly("SELECT 'it\\'s; fine'", "SELECT 2");
	}

	@Test
	void identifierEndingInEIsNotAnEscapeStringPrefix() {
		assertThat(SqlStatementSplitter.split("SELECT name FROM t WHERE code='x\\'; SELECT 2"))
			.containsExactly("SELECT name FROM t WHERE code='x\\'", "SELECT 2");
	}

	@Test
	void triggerBodiesWithBeginEnd() {
		String trigger = "CREATE TRIGGER trg AFTER INSERT ON t FOR EACH ROW BEGIN\n  UPDATE u SET n = CASE WHEN n > 0 THEN n + 1 ELSE 1 END;\n  INSERT INTO log VALUES (1);\nEND";
		assertThat(SqlStatementSplitter.split(trigger + ";\nSELECT 1;")).containsExactly(trigger, "SELECT 1");
	}

	@Test
	void sqlStandardFunctionBodies() {
		String fn = "CREATE OR REPLACE FUNCTION add_one(i int) RETURNS int LANGUAGE sql BEGIN ATOMIC\n  SELECT i + 1;\nEND";
		assertThat(SqlStatementSplitter.split(fn + ";\nSELECT add_one(1);")).containsExactly(fn, "SELECT add_one(1)");
	}

	@Test
	void beginOutsideTriggerDoesNotNest() {
		assertThat(SqlStatementSplitter.split("BEGIN; SELECT 1; COMMIT;")).containsExactly("BEGIN", "SELECT 1", "COMMIT");
	}

	@Test
	void unterminatedConstructsNameTheLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> SqlStatementSplitter.split("SELECT 1;\nSELECT 'abc"))
			.withMessage("unterminated string literal starting at line 2");
		assertThatIllegalArgumentException().isThrownBy(() -> SqlStatementSplitter.split("\n\nSELECT $x$ abc"))
			.withMessage("unterminated dollar-quoted string $x$ starting at line 3");
		assertThatIllegalArgumentException().isThrownBy(() -> SqlStatementSplitter.split("/* a /* b */"))
			.withMessage("unterminated /* comment starting at line 1");
		assertThatIllegalArgumentException().isThrownBy(() -> SqlStatementSplitter.split("SELECT \"x"))
			.withMessage("unterminated quoted identifier starting at line 1");
	}

	@Test
	void keepsStatementTextExactly() {
		List<String> out = SqlStatementSplitter.split("INSERT INTO t VALUES ('line1\nline2;');");
		assertThat(out).containsExactly("INSERT INTO t VALUES ('line1\nline2;')");
	}

}
