package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.command.MigrateConfig;
import dev.migrate.command.MigrationListener;
import dev.migrate.command.MigrationListener.StepInfo;
import dev.migrate.command.Migrator;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line is printed before the revision's work: a listener registered after the
 * progress listener is called by the runner right before the revision runs, and reads stdout then.
 */
class ProgressListenerTests {

	@TempDir
	Path dir;

	@Test
	void runningLineIsPrintedBeforeTheWorkAndDoneAfter() throws Exception {
		Path versions = Files.createDirectories(this.dir.resolve("versions"));
		Files.writeString(versions.resolve("aaaa00000001_first.sql"), """
				-- revision: aaaa00000001
				-- down_revision: none
				-- message: first

				-- migrate:upgrade
				CREATE TABLE t1 (id INTEGER PRIMARY KEY);

				-- migrate:downgrade
				DROP TABLE t1;
				""", StandardCharsets.UTF_8);
		TestDatabase db = TestDatabases.freshSqlite();
		StringWriter out = new StringWriter();
		CliContext context = new CliContext(
				Settings.resolve(null, Map.of(), Map.of(), this.dir, true), Map.of(), new PrintWriter(out, true),
				new PrintWriter(new StringWriter(), true), false);
		List<String> seenBeforeWork = new ArrayList<>();
		List<String> seenAfterWork = new ArrayList<>();
		MigrationListener snapshot = new MigrationListener() {
			@Override
			public void beforeStep(StepInfo step) {
				seenBeforeWork.add(out.toString());
			}

			@Override
			public void afterStep(StepInfo step, java.time.Duration duration, Throwable failure) {
				seenAfterWork.add(out.toString());
			}
		};
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.locations(List.of("filesystem:" + versions))
			.dataSource(db.dataSource())
			.listener(new ProgressListener(context))
			.listener(snapshot)
			.build());
		migrator.upgrade("head");
		assertThat(seenBeforeWork).singleElement()
			.isEqualTo("Running upgrade  -> aaaa00000001, first ... ");
		assertThat(seenAfterWork).singleElement().asString().startsWith("Running upgrade  -> aaaa00000001, first ... done (");
		assertThat(out.toString()).matches("(?s)Running upgrade  -> aaaa00000001, first \\.\\.\\. done \\(\\d+ ms\\)\\R");
	}

	@Test
	void aRetriedStepClosesItsLineAndPrintsItAgainWithTheRetry() {
		StringWriter out = new StringWriter();
		CliContext context = new CliContext(
				Settings.resolve(null, Map.of(), Map.of(), this.dir, true), Map.of(), new PrintWriter(out, true),
				new PrintWriter(new StringWriter(), true), false);
		ProgressListener progress = new ProgressListener(context);
		StepInfo first = new StepInfo("aaaa00000001", true, List.of(), List.of("aaaa00000001"), "first", null, false);
		StepInfo second = new StepInfo("bbbb00000002", true, List.of("aaaa00000001"), List.of("bbbb00000002"),
				"second", null, false);
		progress.beforeStep(first);
		progress.afterStep(first, java.time.Duration.ofMillis(3), null);
		progress.beforeStep(second);
		progress.beforeStep(second);
		progress.beforeStep(second);
		progress.afterStep(second, java.time.Duration.ofMillis(7), null);
		assertThat(out.toString().lines()).containsExactly("Running upgrade  -> aaaa00000001, first ... done (3 ms)",
				"Running upgrade aaaa00000001 -> bbbb00000002, second ... lock wait timed out, rolled back",
				"Running upgrade aaaa00000001 -> bbbb00000002, second (retry 1) ... lock wait timed out, rolled back",
				"Running upgrade aaaa00000001 -> bbbb00000002, second (retry 2) ... done (7 ms)");
	}

}
