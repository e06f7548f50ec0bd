package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --revision-cache} / {@code revision-cache}: the cache of a 70-file directory goes where the
 * option says, {@code off} writes none, and an applied revision edited behind a cached run is still
 * reported by {@code upgrade} at head.
 */
class RevisionCacheCliTests {

	private static final String PROPERTY = "migrate.revision-cache";

	@TempDir
	Path dir;

	private String previous;

	private String[] database;

	@BeforeEach
	void setUp() throws IOException {
		this.previous = System.getProperty(PROPERTY);
		this.database = TestDatabases.freshSqlite().cliArgs();
		Path versions = Files.createDirectories(this.dir.resolve("versions"));
		Instant old = Instant.now().minus(Duration.ofHours(2));
		for (int i = 1; i <= 70; i++) {
			String id = String.format("c%03d", i);
			String down = (i == 1) ? "none" : String.format("c%03d", i - 1);
			Path file = Files.writeString(versions.resolve(id + "_t" + i + ".sql"), "-- revision: " + id + "\n-- down_revision: "
					+ down + "\n\n-- migrate:upgrade\nCREATE TABLE cached_" + i + " (id INTEGER);\n\n-- migrate:downgrade\n"
					+ "DROP TABLE cached_" + i + ";\n");
			Files.setLastModifiedTime(file, FileTime.from(old));
		}
	}

	@AfterEach
	void restore() {
		if (this.previous != null) {
			System.setProperty(PROPERTY, this.previous);
		}
		else {
			System.clearProperty(PROPERTY);
		}
	}

	private CliRunner.Result run(String... args) {
		String[] all = Stream.concat(Stream.of("--script-location", "versions"), Stream.of(args)).toArray(String[]::new);
		return new CliRunner(this.dir, this.database).run(all);
	}

	private long cacheFiles(Path cache) throws IOException {
		if (!Files.isDirectory(cache)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(cache)) {
			return files.filter((f) -> f.getFileName().toString().startsWith("versions-")).count();
		}
	}

	@Test
	void theOptionPlacesTheCacheAndAnEditedRevisionIsStillReported() throws IOException {
		Path cache = this.dir.resolve("cache");
		CliRunner.Result up = run("--revision-cache", cache.toString(), "upgrade", "head");
		assertThat(up.exitCode()).as(up.toString()).isZero();
		assertThat(cacheFiles(cache)).isEqualTo(1);
		CliRunner.Result current = run("--revision-cache", cache.toString(), "current");
		assertThat(current.out()).contains("c070 (head)");

		Path edited = this.dir.resolve("versions/c005_t5.sql");
		Files.writeString(edited, Files.readString(edited).replace("(id INTEGER)", "(id INTEGER, note TEXT)"));
		Files.setLastModifiedTime(edited, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		CliRunner.Result again = run("--revision-cache", cache.toString(), "upgrade", "head");
		assertThat(again.exitCode()).as(again.toString()).isNotZero();
		assertThat(again.err()).contains("c005");
	}

	@Test
	void offWritesNoCache() throws IOException {
		Path cache = this.dir.resolve("cache");
		System.setProperty(PROPERTY, cache.toString());
		CliRunner.Result up = run("--revision-cache", "off", "upgrade", "head");
		assertThat(up.exitCode()).as(up.toString()).isZero();
		assertThat(run("--revision-cache", "off", "current").out()).contains("c070 (head)");
		assertThat(cacheFiles(cache)).isZero();
	}

}
