package dev.migrate.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A directory of many revision files is read and parsed in two halves, one on a second thread
 * ({@link ScriptDirectory#PARALLEL_FROM} files and more): the revisions, their order and the error
 * for bad files are those of a one-by-one load.
 */
class ManyFilesLoadTests {

	@TempDir
	Path dir;

	private static String id(int i) {
		return String.format(Locale.ROOT, "a%05d", i);
	}

	private void write(int count) throws IOException {
		for (int i = 1; i <= count; i++) {
			Files.writeString(this.dir.resolve(id(i) + "_t.sql"), "-- revision: " + id(i) + "\n-- down_revision: "
					+ ((i == 1) ? "" : id(i - 1)) + "\n-- message: t" + i + "\n\n-- migrate:upgrade\nCREATE TABLE t" + i
					+ " (id INT);\n\n-- migrate:downgrade\nDROP TABLE t" + i + ";\n");
		}
	}

	private ScriptDirectory load() {
		return ScriptDirectory.load(List.of("filesystem:" + this.dir), getClass().getClassLoader());
	}

	@Test
	void manyFilesLoadInOrderAsOneByOne() throws IOException {
		int count = ScriptDirectory.PARALLEL_FROM * 3 + 1;
		write(count);
		ScriptDirectory scripts = load();
		assertThat(scripts.scripts()).hasSize(count);
		for (int i = 0; i < count; i++) {
			MigrationScript script = scripts.scripts().get(i);
			assertThat(script.id()).isEqualTo(id(i + 1));
			assertThat(script.message()).isEqualTo("t" + (i + 1));
		}
		assertThat(scripts.graph().heads()).containsExactly(id(count));
	}

	@Test
	void theFirstBadFileInLoadOrderIsTheOneReported() throws IOException {
		int count = ScriptDirectory.PARALLEL_FROM * 2;
		write(count);
		// one bad file in each half: the second half is parsed on the other thread, maybe first
		Files.writeString(this.dir.resolve(id(count - 3) + "_t.sql"), "-- revision: " + id(count - 3) + "\nno sections\n");
		Files.writeString(this.dir.resolve(id(count / 2 - 1) + "_t.sql"), "-- revision: " + id(count / 2 - 1)
				+ "\n-- down_revision: " + id(count / 2 - 2) + "\n\n-- migrate:upgrade\nSELECT 1;\n-- migrate:upgrade\nSELECT 2;\n");
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load)
				.withMessageContaining(id(count / 2 - 1) + "_t.sql")
				.withMessageContaining("second '-- migrate:upgrade' section");
		}
	}

	@Test
	void aDirectoryAmongManyFilesIsNamed() throws IOException {
		write(ScriptDirectory.PARALLEL_FROM + 10);
		Files.createDirectory(this.dir.resolve("zzz_folder.sql"));
		assertThatExceptionOfType(ScriptException.class).isThrownBy(this::load).withMessageContaining("zzz_folder.sql")
			.withMessageContaining("a directory");
	}

}
