package dev.migrate.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.runtime.ChecksumMismatchException;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The revision cache: a second load of a large directory takes each settled file's header and
 * checksum from the cache (sections read on first use) and agrees with reading the files; an
 * edited file is read again; fresh files, small directories and {@code off} write no cache; a
 * broken cache is ignored; a file changed behind the cache's back stops a run when its sections
 * are read; an upgrade at head with the cache still reports an edited applied revision.
 */
class RevisionCacheTests {

	private static final int FILES = RevisionCache.MIN_FILES + 6;

	@TempDir
	Path dir;

	@TempDir
	Path cacheHome;

	private String previous;

	@BeforeEach
	void useTemporaryCache() {
		this.previous = System.getProperty(RevisionCache.PROPERTY);
		System.setProperty(RevisionCache.PROPERTY, this.cacheHome.toString());
	}

	@AfterEach
	void restore() {
		if (this.previous != null) {
			System.setProperty(RevisionCache.PROPERTY, this.previous);
		}
		else {
			System.clearProperty(RevisionCache.PROPERTY);
		}
	}

	private static String revision(int i) {
		return String.format("r%03d", i);
	}

	private Path file(int i) {
		return this.dir.resolve(revision(i) + "_create_t" + i + ".sql");
	}

	/** A linear history of {@code n} files, every one but the first with a header the cache must keep. */
	private void history(int n, Instant modified) throws IOException {
		for (int i = 1; i <= n; i++) {
			String header = "-- revision: " + revision(i) + "\n-- down_revision: " + ((i == 1) ? "none" : revision(i - 1))
					+ ((i == 2) ? "\n-- branch_labels: core" : "") + ((i == 3) ? "\n-- migrate:no-transaction" : "")
					+ ((i == 4) ? "\n-- migrate:lock-timeout: 3s\n-- migrate:statement-timeout: 2m" : "")
					+ "\n-- message: create t" + i + "\n-- create_date: 2024-01-0" + (1 + i % 9) + " 00:00:00\n\n";
			Path path = Files.writeString(file(i), header + "-- migrate:upgrade\nCREATE TABLE t" + i
					+ " (id INTEGER PRIMARY KEY, note VARCHAR(20));\n\n-- migrate:downgrade\nDROP TABLE t" + i + ";\n");
			Files.setLastModifiedTime(path, FileTime.from(modified));
		}
	}

	private ScriptDirectory load() {
		return ScriptDirectory.load(List.of("filesystem:" + this.dir), null);
	}

	private List<Path> cacheFiles() throws IOException {
		if (!Files.isDirectory(this.cacheHome)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.cacheHome)) {
			return files.toList();
		}
	}

	private static long fromCache(ScriptDirectory directory) {
		return directory.scripts().stream().filter((s) -> !((SqlMigrationScript) s).bodyLoaded()).count();
	}

	@Test
	void aSecondLoadTakesHeadersAndChecksumsFromTheCacheAndAgreesWithTheFiles() throws IOException {
		history(FILES, Instant.now().minus(Duration.ofHours(1)));
		ScriptDirectory first = load();
		assertThat(fromCache(first)).isZero();
		assertThat(cacheFiles()).hasSize(1);

		ScriptDirectory cached = load();
		assertThat(fromCache(cached)).isEqualTo(FILES);
		System.setProperty(RevisionCache.PROPERTY, "off");
		ScriptDirectory read = load();
		assertThat(fromCache(read)).isZero();
		assertThat(cached.graph().heads()).isEqualTo(read.graph().heads());
		for (int i = 0; i < FILES; i++) {
			SqlMigrationScript a = (SqlMigrationScript) cached.scripts().get(i);
			SqlMigrationScript b = (SqlMigrationScript) read.scripts().get(i);
			assertThat(a.sameHeaderAs(b)).as(a.id()).isTrue();
			assertThat(a.origin()).isEqualTo(b.origin());
			assertThat(a.path()).isEqualTo(b.path());
			assertThat(a.branchLabels()).isEqualTo(b.branchLabels());
			assertThat(a.lockTimeout()).isEqualTo(b.lockTimeout());
			assertThat(a.checksum()).isEqualTo(b.checksum());
			assertThat(a.bodyLoaded()).isFalse(); // the checksum came from the cache
			assertThat(a.upgradeStatements()).isEqualTo(b.upgradeStatements());
			assertThat(a.downgradeStatements()).isEqualTo(b.downgradeStatements());
			assertThat(a.bodyLoaded()).isTrue();
		}
		SqlMigrationScript fourth = (SqlMigrationScript) cached.script(revision(4));
		assertThat(fourth.lockTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(fourth.statementTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(cached.script(revision(3)).transactional()).isFalse();
		assertThat(cached.script(revision(2)).branchLabels()).containsExactly("core");
	}

	@Test
	void anEditedOrNewFileIsReadAgainAndAGoneOneIsGone() throws IOException {
		Instant old = Instant.now().minus(Duration.ofHours(1));
		history(FILES, old);
		load();
		// the same modification time, another size; and another time, the same size
		String text = Files.readString(file(5));
		Files.writeString(file(5), text.replace("note VARCHAR(20)", "note VARCHAR(200)"));
		Files.setLastModifiedTime(file(5), FileTime.from(old));
		Files.writeString(file(6), text.replace("t5", "t6").replace("r005", "r006").replace("r004", "r005")
				.replace("VARCHAR(20)", "VARCHAR(21)"));
		Files.setLastModifiedTime(file(6), FileTime.from(old.plusSeconds(1)));
		Files.delete(file(FILES));

		ScriptDirectory second = load();
		assertThat(second.scripts()).hasSize(FILES - 1);
		assertThat(((SqlMigrationScript) second.script(revision(5))).bodyLoaded()).isTrue();
		assertThat(((SqlMigrationScript) second.script(revision(6))).bodyLoaded()).isTrue();
		assertThat(fromCache(second)).isEqualTo(FILES - 3);
		assertThat(((SqlMigrationScript) second.script(revision(5))).upgradeStatements().get(0)).contains("VARCHAR(200)");
		assertThat(((SqlMigrationScript) second.script(revision(6))).upgradeStatements().get(0)).contains("VARCHAR(21)");

		// the cache was rewritten with the two files read again and without the gone one
		ScriptDirectory third = load();
		assertThat(fromCache(third)).isEqualTo(FILES - 1);
		assertThat(third.script(revision(FILES))).isNull();
		assertThat(((SqlMigrationScript) third.script(revision(5))).upgradeStatements().get(0)).contains("VARCHAR(200)");
	}

	@Test
	void freshFilesSmallDirectoriesAndOffWriteNoCache() throws IOException {
		history(FILES, Instant.now()); // just written: within the settling time
		load();
		assertThat(fromCache(load())).isZero();
		assertThat(cacheFiles()).isEmpty();

		for (int i = RevisionCache.MIN_FILES; i <= FILES; i++) {
			Files.delete(file(i));
		}
		history(RevisionCache.MIN_FILES - 1, Instant.now().minus(Duration.ofHours(1)));
		load();
		assertThat(fromCache(load())).isZero();
		assertThat(cacheFiles()).isEmpty();

		history(FILES, Instant.now().minus(Duration.ofHours(1)));
		System.setProperty(RevisionCache.PROPERTY, "off");
		load();
		assertThat(fromCache(load())).isZero();
		assertThat(cacheFiles()).isEmpty();
	}

	@Test
	void aFreshFileAmongSettledOnesIsReadEachTimeWithoutRewritingTheCache() throws IOException {
		history(FILES, Instant.now().minus(Duration.ofHours(1)));
		load();
		Path cache = cacheFiles().get(0);
		byte[] written = Files.readAllBytes(cache);
		Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
		FileTime cacheTime = Files.getLastModifiedTime(cache);
		Path fresh = Files.writeString(this.dir.resolve("r900_fresh.sql"), "-- revision: r900\n-- down_revision: "
				+ revision(FILES) + "\n\n-- migrate:upgrade\nCREATE TABLE t900 (id INTEGER);\n");
		ScriptDirectory second = load();
		ScriptDirectory third = load();
		assertThat(((SqlMigrationScript) third.script("r900")).bodyLoaded()).isTrue();
		assertThat(fromCache(second)).isEqualTo(FILES);
		assertThat(fromCache(third)).isEqualTo(FILES);
		assertThat(Files.getLastModifiedTime(cache)).isEqualTo(cacheTime);
		assertThat(Files.readAllBytes(cache)).isEqualTo(written);
		// once settled, it is added
		Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
		load();
		assertThat(fromCache(load())).isEqualTo(FILES + 1);
	}

	@Test
	void aBrokenOrForeignCacheIsIgnoredAndReplaced() throws IOException {
		history(FILES, Instant.now().minus(Duration.ofHours(1)));
		load();
		Path cache = cacheFiles().get(0);
		byte[] bytes = Files.readAllBytes(cache);
		Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short
		assertThat(fromCache(load())).isZero();
		assertThat(fromCache(load())).isEqualTo(FILES);

		Files.writeString(cache, "not a cache");
		assertThat(fromCache(load())).isZero();
		assertThat(fromCache(load())).isEqualTo(FILES);
		assertThat(cacheFiles()).hasSize(1);
	}

	@Test
	void aFileChangedBehindTheCachesBackStopsTheRunWhenItsSectionsAreRead() throws IOException {
		Instant old = Instant.now().minus(Duration.ofHours(1));
		history(FILES, old);
		load();
		ScriptDirectory cached = load();
		// rewritten in place with the same size and modification time: the cache cannot tell...
		String text = Files.readString(file(7));
		Files.writeString(file(7), text.replace("note VARCHAR(20)", "memo VARCHAR(20)"));
		Files.setLastModifiedTime(file(7), FileTime.from(old));
		SqlMigrationScript seventh = (SqlMigrationScript) load().script(revision(7));
		assertThat(seventh.bodyLoaded()).isFalse();
		// ...until the sections are read: the checksum disagrees, the cache is removed
		assertThatExceptionOfType(ScriptException.class).isThrownBy(seventh::upgradeStatements)
			.withMessageContaining(file(7).toString())
			.withMessageContaining("changed since migrate loaded it");
		assertThat(cacheFiles()).isEmpty();
		// a file edited after the directory was loaded is caught the same way; one only touched is fine
		history(FILES, old);
		load();
		cached = load();
		Files.writeString(file(8), Files.readString(file(8)).replace("VARCHAR(20)", "VARCHAR(200)"));
		SqlMigrationScript eighth = (SqlMigrationScript) cached.script(revision(8));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(eighth::downgradeStatements)
			.withMessageContaining(file(8).toString());
		Files.setLastModifiedTime(file(9), FileTime.from(Instant.now()));
		assertThat(((SqlMigrationScript) cached.script(revision(9))).upgradeStatements()).hasSize(1);
		Files.delete(file(10));
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(((SqlMigrationScript) cached.script(revision(10)))::upgradeStatements)
			.withMessageContaining(file(10).toString());
	}

	@Test
	void twoCopiesOfADirectoryAreOneSetOfRevisionsWithoutReadingEitherAndADifferingCopyIsRefused(@TempDir Path copy)
			throws IOException {
		Instant old = Instant.now().minus(Duration.ofHours(1));
		history(FILES, old);
		for (int i = 1; i <= FILES; i++) {
			Path target = Files.copy(file(i), copy.resolve(file(i).getFileName()));
			Files.setLastModifiedTime(target, FileTime.from(old));
		}
		List<String> both = List.of("filesystem:" + this.dir, "filesystem:" + copy);
		ScriptDirectory first = ScriptDirectory.load(both, null);
		assertThat(first.scripts()).hasSize(FILES);
		ScriptDirectory second = ScriptDirectory.load(both, null);
		assertThat(second.scripts()).hasSize(FILES);
		assertThat(fromCache(second)).isEqualTo(FILES);

		// a copy whose downgrade differs (a stale build output) is still refused
		Path stale = copy.resolve(file(9).getFileName());
		Files.writeString(stale, Files.readString(stale).replace("DROP TABLE t9;", "DROP TABLE IF EXISTS t9;"));
		Files.setLastModifiedTime(stale, FileTime.from(old));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> ScriptDirectory.load(both, null))
			.withMessageContaining("two copies of one file that differ");
	}

	@Test
	void anUpgradeAtHeadThroughTheCacheStillReportsAnEditedAppliedRevision() throws IOException {
		Instant old = Instant.now().minus(Duration.ofHours(1));
		history(FILES, old);
		DataSource ds = TestDatabases.freshSqlite().dataSource();
		assertThat(migrator(ds).upgrade("head").steps()).hasSize(FILES);
		// at head: nothing read but the cache, nothing run
		assertThat(migrator(ds).upgrade("head").steps()).isEmpty();

		// a new pending revision: its sections are read when it runs
		List<String> lines = new ArrayList<>(List.of("-- revision: r900", "-- down_revision: " + revision(FILES), "",
				"-- migrate:upgrade", "CREATE TABLE t900 (id INTEGER);", "", "-- migrate:downgrade", "DROP TABLE t900;"));
		Files.write(this.dir.resolve("r900_t900.sql"), lines);
		Files.setLastModifiedTime(this.dir.resolve("r900_t900.sql"), FileTime.from(old));
		load(); // cached while pending
		assertThat(migrator(ds).upgrade("head").steps()).extracting((s) -> s.revision()).containsExactly("r900");

		Files.writeString(file(10), Files.readString(file(10)).replace("VARCHAR(20)", "VARCHAR(300)"));
		Files.setLastModifiedTime(file(10), FileTime.from(old));
		assertThatThrownBy(() -> migrator(ds).upgrade("head")).isInstanceOf(ChecksumMismatchException.class)
			.hasMessageContaining(revision(10));
	}

	private Migrator migrator(DataSource ds) {
		return Migrator.create(MigrateConfig.builder().dataSource(ds).locations("filesystem:" + this.dir).build());
	}

}
