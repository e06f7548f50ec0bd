package dev.migrate.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.operations.Operations;
import dev.migrate.testrevs.branched.B0CreateTB;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptDirectoryTests {

	private static final String BRANCHED = "classpath:dev/migrate/testrevs/branched";

	@Test
	void annotationProcessorIndexesTestRevisions() throws IOException {
		List<String> lines = Collections.list(getClass().getClassLoader().getResources(ScriptDirectory.INDEX_RESOURCE))
			.stream()
			.flatMap((url) -> read(url).lines())
			.toList();
		assertThat(lines).contains("dev.migrate.testrevs.branched.B0CreateTB", "dev.migrate.testrevs.branched.C2Right",
				"dev.migrate.testrevs.branched.D1Left", "dev.migrate.testrevs.branched.F0Final");
	}

	@Test
	void filesystemLocationRefusesDirectoriesNamedLikeRevisionsAndReportsMalformedUtf8(@TempDir Path dir) throws IOException {
		String a = "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n";
		Files.writeString(dir.resolve("a1_first.sql"), a);
		Path notAFile = Files.createDirectory(dir.resolve("z9_not_a_file.sql"));
		Files.writeString(dir.resolve("notes.txt"), "not a revision");
		// a revision that is not loaded must not go unnoticed (issue 23)
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.load(List.of("filesystem:" + dir), null))
			.withMessage("Cannot read revision file " + notAFile + ": it is a directory; revision files must be regular "
					+ "files: rename it or move it out of the revision location");
		Files.delete(notAFile);
		assertThat(ScriptDirectory.load(List.of("filesystem:" + dir), null).scripts()).extracting(MigrationScript::id)
			.containsExactly("a1");
		Path bad = dir.resolve("b2_bad.sql");
		Files.write(bad, new byte[] { '-', '-', ' ', (byte) 0xC3, (byte) 0x28, '\n' });
		// not Files.readString's "Input length = 1": which byte, and that the file is not UTF-8
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.load(List.of("filesystem:" + dir), null))
			.withMessage("Cannot read revision file " + bad + ": it is not UTF-8 (invalid byte 0xC3 at byte offset 3); save it as UTF-8");
	}

	@Test
	void fileNamesSortAsPathsDo() {
		List<String> names = new java.util.ArrayList<>(List.of("b", "a_\uFFFD", "a_\uD83D\uDE00", "a", "a_\u00e9", "A", "a_1"));
		List<String> byPath = names.stream().sorted((x, y) -> Path.of(x).compareTo(Path.of(y))).toList();
		List<String> sorted = new java.util.ArrayList<>(names);
		sorted.sort(ScriptDirectory::compareCodePoints);
		assertThat(sorted).isEqualTo(byPath);
		ScriptDirectory.sortAsPaths(names);
		assertThat(names).isEqualTo(byPath);
		List<String> ascii = new java.util.ArrayList<>(List.of("b2.sql", "a1_x.sql", "A0.sql", "a1.sql"));
		ScriptDirectory.sortAsPaths(ascii);
		assertThat(ascii).containsExactly("A0.sql", "a1.sql", "a1_x.sql", "b2.sql");
	}

	@Test
	void mixesSqlFilesAndJavaClassesInLoadOrder() {
		ScriptDirectory dir = ScriptDirectory.load(List.of(BRANCHED), getClass().getClassLoader());
		// sorted by source name: Java simple class names and SQL file names together
		assertThat(dir.scripts()).extracting(MigrationScript::sourceName)
			.containsExactly("B0CreateTB", "C2Right", "D1Left", "F0Final", "a0_create_t_a0.sql", "c1_left.sql",
					"d2_right.sql", "e0_merge.sql");
		assertThat(dir.scripts()).extracting(MigrationScript::id)
			.containsExactly("b0", "c2", "d1", "f0", "a0", "c1", "d2", "e0");
		MigrationScript b0 = dir.script("b0");
		assertThat(b0.kind()).isEqualTo("java");
		assertThat(b0.source()).isEqualTo(B0CreateTB.class.getName());
		assertThat(b0.downRevisions()).containsExactly("a0");
		assertThat(b0.message()).isEqualTo("create t_b0");
		assertThat(b0.createDate()).isEqualTo("2024-01-02 12:00:00");
		assertThat(((JavaMigrationScript) b0).type()).isEqualTo(B0CreateTB.class);
		MigrationScript e0 = dir.script("e0");
		assertThat(e0.kind()).isEqualTo("sql");
		assertThat(e0.downRevisions()).containsExactly("d1", "d2");
		assertThat(e0.origin()).isEqualTo("classpath:dev/migrate/testrevs/branched/e0_merge.sql");
		assertThat(e0.path()).isNotNull().exists();
		assertThat(dir.script("c2").branchLabels()).containsExactly("right");
		assertThat(dir.locations()).singleElement().satisfies((location) -> {
			assertThat(location.classpath()).isTrue();
			assertThat(location.javaPackage()).isEqualTo("dev.migrate.testrevs.branched");
			assertThat(location.directory()).isNotNull();
			assertThat(location.sourceDirectory(Path.of("/p"))).isEqualTo(Path.of("/p/src/main/resources/dev/migrate/testrevs/branched"));
			assertThat(location.javaSourceDirectory(Path.of("/p"))).isEqualTo(Path.of("/p/src/main/java/dev/migrate/testrevs/branched"));
		});
	}

	@Test
	void fallsBackToScanningThePackageWithoutAnIndex() {
		ClassLoader hidingIndex = new ClassLoader(getClass().getClassLoader()) {
			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return name.equals(ScriptDirectory.INDEX_RESOURCE) ? Collections.emptyEnumeration() : super.getResources(name);
			}
		};
		ScriptDirectory dir = ScriptDirectory.load(List.of(BRANCHED), hidingIndex);
		assertThat(dir.scripts()).extracting(MigrationScript::id)
			.containsExactly("b0", "c2", "d1", "f0", "a0", "c1", "d2", "e0");
	}

	@Test
	void readsSqlRevisionsInsideJars(@TempDir Path tmp) throws IOException {
		Path jar = tmp.resolve("revs.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			add(out, "db/jarred/", null);
			add(out, "db/jarred/b1_second.sql", "-- revision: b1\n-- down_revision: a1\n-- migrate:upgrade\nSELECT 2;\n");
			add(out, "db/jarred/a1_first.sql", "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n");
			add(out, "db/jarred/notes.txt", "not a revision");
			add(out, "db/jarred/sub/c1_nested.sql", "-- revision: c1\n-- migrate:upgrade\nSELECT 3;\n");
		}
		try (URLClassLoader cl = new URLClassLoader(new URL[] { jar.toUri().toURL() }, getClass().getClassLoader())) {
			ScriptDirectory dir = ScriptDirectory.load(List.of("classpath:/db/jarred/"), cl);
			assertThat(dir.scripts()).extracting(MigrationScript::id).containsExactly("a1", "b1");
			assertThat(dir.script("a1").origin()).isEqualTo("classpath:db/jarred/a1_first.sql");
			assertThat(dir.script("a1").path()).isNull();
			assertThat(((SqlMigrationScript) dir.script("b1")).upgradeStatements()).containsExactly("SELECT 2");
		}
	}

	@Test
	void filesystemLocationsPlainAndPrefixed(@TempDir Path tmp) throws IOException {
		Files.writeString(tmp.resolve("a1_first.sql"), "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n");
		Files.writeString(tmp.resolve("README.md"), "not a revision");
		assertThat(ScriptDirectory.load(List.of(tmp.toString()), null).scripts()).extracting(MigrationScript::id)
			.containsExactly("a1");
		ScriptDirectory dir = ScriptDirectory.load(List.of("filesystem:" + tmp), null);
		assertThat(dir.script("a1").path()).isEqualTo(tmp.resolve("a1_first.sql"));
		assertThat(dir.locations().get(0).directory()).isEqualTo(tmp.toAbsolutePath().normalize());
	}

	@Test
	void duplicateIdsNameBothFiles(@TempDir Path tmp) throws IOException {
		Files.writeString(tmp.resolve("a1_first.sql"), "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n");
		Files.writeString(tmp.resolve("a1_again.sql"), "-- revision: a1\n-- migrate:upgrade\nSELECT 2;\n");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.load(List.of(tmp.toString()), null))
			.withMessage("Duplicate revision id 'a1' in " + tmp.resolve("a1_again.sql") + " and " + tmp.resolve("a1_first.sql"));
	}

	@Test
	void malformedFileFailsTheLoad(@TempDir Path tmp) throws IOException {
		Files.writeString(tmp.resolve("a1_first.sql"), "-- revision: a1\n-- migrate:upgrade\nSELECT 1;\n");
		Files.writeString(tmp.resolve("b1_broken.sql"), "-- down_revision: a1\n-- migrate:upgrade\nSELECT 1;\n");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.load(List.of(tmp.toString()), null))
			.withMessage("Bad revision file " + tmp.resolve("b1_broken.sql") + ": missing '-- revision: <id>' header");
	}

	@Test
	void missingFilesystemLocation(@TempDir Path tmp) {
		Path missing = tmp.resolve("nope");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.load(List.of("filesystem:" + missing), null))
			.withMessage("Revision location 'filesystem:" + missing + "' does not exist or is not a directory: " + missing);
	}

	@Test
	void missingClasspathLocationIsEmpty() {
		assertThat(ScriptDirectory.load(List.of("classpath:no/such/place"), getClass().getClassLoader()).scripts()).isEmpty();
	}

	@Test
	void badJavaRevisions() {
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.javaScript(BadId.class, BadId.class.getAnnotation(Revision.class)))
			.withMessage("Bad revision class " + BadId.class.getName()
					+ ": bad id 'bad-id' (use letters, digits and underscores, at most 32 characters)");
		assertThatExceptionOfType(ScriptException.class)
			.isThrownBy(() -> ScriptDirectory.javaScript(NoPublicConstructor.class,
					NoPublicConstructor.class.getAnnotation(Revision.class)))
			.withMessage("Bad revision class " + NoPublicConstructor.class.getName()
					+ ": needs to be public with a public no-argument constructor");
		assertThat(ScriptDirectory.javaScript(NoTransaction.class, NoTransaction.class.getAnnotation(Revision.class))
			.transactional()).isFalse();
	}

	@Revision(id = "bad-id")
	public static class BadId implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	@Revision(id = "x1")
	public static class NoPublicConstructor implements Migration {

		NoPublicConstructor(int x) {
		}

		@Override
		public void upgrade(Operations op) {
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	@Revision(id = "x2", transactional = false)
	public static class NoTransaction implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	private static void add(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		if (content != null) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
		out.closeEntry();
	}

	private static String read(URL url) {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
