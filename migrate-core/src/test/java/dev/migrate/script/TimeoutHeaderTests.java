package dev.migrate.script;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.migrate.ConfigurationException;
import dev.migrate.operations.Operations;
import dev.migrate.runtime.DdlTimeouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A revision's own lock and statement timeouts: SQL header lines and {@code @Revision} attributes. */
class TimeoutHeaderTests {

	@Test
	void sqlHeaderSetsTheRevisionsTimeouts() {
		SqlMigrationScript script = LintFixtures.sql("r1", """
				-- revision: r1
				-- migrate:lock-timeout: 5s
				-- migrate:statement-timeout: 2m
				-- migrate:upgrade
				ALTER TABLE t ADD COLUMN c INTEGER;
				""");
		assertThat(script.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(script.statementTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(LintFixtures.sql("r2", "-- revision: r2\n-- migrate:upgrade\nSELECT 1;\n").lockTimeout()).isNull();
	}

	@Test
	void placeholdersKeepTheHeadersTimeouts() {
		SqlMigrationScript script = LintFixtures.sql("r1", """
				-- revision: r1
				-- migrate:lock-timeout: 5s
				-- migrate:statement-timeout: 2m
				-- migrate:upgrade
				ALTER TABLE ${table} ADD COLUMN c INTEGER;
				""");
		ScriptDirectory replaced = Placeholders.apply(ScriptDirectory.of(java.util.List.of(script)),
				java.util.Map.of("table", "accounts"));
		SqlMigrationScript copy = (SqlMigrationScript) replaced.scripts().get(0);
		assertThat(copy.upgradeSql()).contains("ALTER TABLE accounts");
		assertThat(copy.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(copy.statementTimeout()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void badValueNamesTheFileAndLine() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> LintFixtures.sql("r1", "-- revision: r1\n-- migrate:lock-timeout: soon\n-- migrate:upgrade\nSELECT 1;\n"))
			.withMessageStartingWith("Bad revision file classpath:db/lint/r1_case.sql: Invalid '-- migrate:lock-timeout:' (line 2) 'soon'");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> LintFixtures.sql("r1", "-- revision: r1\n-- migrate:lock-timeout: 0s\n-- migrate:upgrade\nSELECT 1;\n"))
			.withMessageContaining("(line 2) must be positive");
	}

	@Test
	void headerLineInsideASectionIsRejected() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> LintFixtures.sql("r1", "-- revision: r1\n-- migrate:upgrade\n-- migrate:lock-timeout: 5s\nSELECT 1;\n"))
			.withMessageContaining("'-- migrate:lock-timeout:' must be in the header, before '-- migrate:upgrade' (line 3)");
	}

	@Test
	void revisionAnnotationSetsTheJavaRevisionsTimeouts() {
		JavaMigrationScript script = LintFixtures.java(WithTimeouts.class);
		assertThat(script.lockTimeout()).isEqualTo(Duration.ofMillis(750));
		assertThat(script.statementTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> LintFixtures.java(BadTimeout.class).lockTimeout())
			.withMessageContaining("lockTimeout of @Revision on " + BadTimeout.class.getName());
	}

	@Test
	void durationsAndBackOff() {
		assertThat(DdlTimeouts.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
		assertThat(DdlTimeouts.parse("7", "x")).isEqualTo(Duration.ofSeconds(7));
		assertThat(DdlTimeouts.parse("PT1M", "x")).isEqualTo(Duration.ofMinutes(1));
		DdlTimeouts t = new DdlTimeouts(Duration.ofSeconds(1), null, 5, Duration.ofMillis(100));
		assertThat(t.backoff(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(t.backoff(3)).isEqualTo(Duration.ofMillis(400));
		assertThat(t.forRevision(Duration.ofSeconds(9), null).lockTimeout()).isEqualTo(Duration.ofSeconds(9));
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> new DdlTimeouts(Duration.ZERO, null, 0, Duration.ZERO))
			.withMessage("lock-timeout-ddl must be positive, got PT0S");
	}

	@Revision(id = "t1", lockTimeout = "750ms", statementTimeout = "30s")
	public static class WithTimeouts implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	@Revision(id = "t2", lockTimeout = "a while")
	public static class BadTimeout extends WithTimeouts {
	}

}
