package dev.migrate.script;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migrate.MigrateException;
import dev.migrate.script.ScriptWriter.Body;
import dev.migrate.script.ScriptWriter.NewRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptWriterTests {

	private static final LocalDateTime DATE = LocalDateTime.of(2024, 1, 1, 12, 0, 0);

	@TempDir
	Path dir;

	@Test
	void slugIsAlembicsWordsJoinedLowerCasedAndCutAtAWordBoundary() {
		assertThat(ScriptWriter.slug("Add products table")).isEqualTo("add_products_table");
		assertThat(ScriptWriter.slug("add-column: users.phone!")).isEqualTo("add_column_users_phone");
		assertThat(ScriptWriter.slug("this message is much longer than forty characters in total"))
			.isEqualTo("this_message_is_much_longer_than_forty_");
		assertThat(ScriptWriter.slug(null)).isEmpty();
	}

	@Test
	void newRevisionIdsAreTwelveLowercaseHexDigits() {
		String id = ScriptWriter.newRevisionId();
		assertThat(id).matches("[0-9a-f]{12}");
		assertThat(ScriptWriter.newRevisionId()).isNotEqualTo(id);
	}

	@Test
	void revisionIdsWithAlembicsIllegalCharactersAreRejected() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> ScriptWriter.verifyRevisionId("ab@c-d"))
			.withMessage("Character(s) '-, @' not allowed in revision identifier 'ab@c-d'");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> ScriptWriter.verifyRevisionId("a b"))
			.withMessageContaining("'a b'");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> ScriptWriter.verifyRevisionId("x".repeat(33)))
			.withMessageContaining("longer than 32");
		ScriptWriter.verifyRevisionId("abc123def456");
	}

	@Test
	void sqlRevisionHasTheFixedHeaderFormat() {
		NewRevision rev = new NewRevision("abc123def456", List.of("789abc000000"), List.of("billing"),
				List.of("55aa55aa55aa"), "add products table", DATE, true);
		Path file = ScriptWriter.writeSql(this.dir, rev,
				new Body("CREATE TABLE products (id INT);", "DROP TABLE products;", List.of()));
		assertThat(file.getFileName()).hasToString("abc123def456_add_products_table.sql");
		assertThat(file).content().isEqualTo("""
				-- revision: abc123def456
				-- down_revision: 789abc000000
				-- branch_labels: billing
				-- depends_on: 55aa55aa55aa
				-- message: add products table
				-- create_date: 2024-01-01 12:00:00

				-- migrate:upgrade
				CREATE TABLE products (id INT);

				-- migrate:downgrade
				DROP TABLE products;
				""");
	}

	@Test
	void sqlMergeRevisionListsItsDownRevisionsAndMarksNoTransaction() {
		NewRevision rev = new NewRevision("m1", List.of("a1", "b1"), List.of(), List.of(), "merge\nbranches", DATE,
				false);
		String sql = ScriptWriter.sqlSource(rev, Body.empty());
		assertThat(sql).contains("-- down_revision: a1, b1\n")
			.contains("-- message: merge branches\n")
			.contains("-- migrate:no-transaction\n")
			.contains("-- depends_on: \n");
	}

	@Test
	void javaClassNameStartsWithTheCreationTimeSoThatLoadOrderIsCreationOrder() {
		NewRevision rev = new NewRevision("abc", List.of(), List.of(), List.of(), "add products table", DATE, true);
		assertThat(ScriptWriter.javaClassName(rev)).isEqualTo("R20240101_120000_AddProductsTable");
		NewRevision later = new NewRevision("000", List.of(), List.of(), List.of(), "a first thing", DATE.plusSeconds(1),
				true);
		assertThat(ScriptWriter.javaClassName(later)).isGreaterThan(ScriptWriter.javaClassName(rev));
		NewRevision empty = new NewRevision("abc", List.of(), List.of(), List.of(), null, DATE, true);
		assertThat(ScriptWriter.javaClassName(empty)).isEqualTo("R20240101_120000_EmptyMessage");
		NewRevision symbols = new NewRevision("abc", List.of(), List.of(), List.of(), "!!! ???", DATE, true);
		assertThat(ScriptWriter.javaClassName(symbols)).isEqualTo("R20240101_120000");
	}

	@Test
	void writingAJavaRevisionTwiceInTheSameSecondAppendsTheId() {
		NewRevision a = new NewRevision("aaa", List.of(), List.of(), List.of(), "same", DATE, true);
		NewRevision b = new NewRevision("bbb", List.of("aaa"), List.of(), List.of(), "same", DATE, true);
		Path first = ScriptWriter.writeJava(this.dir, "db.versions", a, Body.empty());
		Path second = ScriptWriter.writeJava(this.dir, "db.versions", b, Body.empty());
		assertThat(first.getFileName()).hasToString("R20240101_120000_Same.java");
		assertThat(second.getFileName()).hasToString("R20240101_120000_Same_bbb.java");
	}

	@Test
	void javaRevisionCompilesAndCarriesItsMetadata() throws Exception {
		NewRevision rev = new NewRevision("abc123def456", List.of("a1", "b2"), List.of("billing"), List.of("c3"),
				"tricky \"quotes\" */ \\u00e9 @since and\nnewline", DATE, false);
		Body body = new Body("op.execute(\"CREATE TABLE t (id INT)\");\nList<String> unused = List.of();",
				"op.dropTable(\"t\");", List.of("java.util.List"));
		Path source = ScriptWriter.writeJava(this.dir.resolve("src/db/versions"), "db.versions", rev, body);
		String className = source.getFileName().toString().replace(".java", "");
		Class<?> type = compileAndLoad(source, "db.versions." + className);
		assertThat(Migration.class).isAssignableFrom(type);
		Revision annotation = type.getAnnotation(Revision.class);
		assertThat(annotation.id()).isEqualTo("abc123def456");
		assertThat(annotation.down()).containsExactly("a1", "b2");
		assertThat(annotation.branchLabels()).containsExactly("billing");
		assertThat(annotation.dependsOn()).containsExactly("c3");
		assertThat(annotation.message()).isEqualTo("tricky \"quotes\" */ \\u00e9 @since and\nnewline");
		assertThat(annotation.createDate()).isEqualTo("2024-01-01 12:00:00");
		assertThat(annotation.transactional()).isFalse();
		assertThat(Files.readString(source)).contains("\t\top.execute(\"CREATE TABLE t (id INT)\");")
			.contains(" * Revises: a1, b2<br>");
	}

	@Test
	void emptyJavaRevisionInTheDefaultPackageCompiles() throws Exception {
		NewRevision rev = NewRevision.of("base00000001", List.of(), "first");
		Path source = ScriptWriter.writeJava(this.dir.resolve("src"), "", rev, Body.empty());
		Class<?> type = compileAndLoad(source, source.getFileName().toString().replace(".java", ""));
		assertThat(type.getAnnotation(Revision.class).down()).isEmpty();
		assertThat(Files.readString(source)).doesNotContain("package");
	}

	@Test
	void bodiesAreReindentedIntoTheMethod() {
		NewRevision rev = NewRevision.of("a1", List.of(), "m");
		String source = ScriptWriter.javaSource("p", "X", rev,
				new Body("\n\t\t\top.createTable(\"t\",\n\t\t\t\t\tcolumn(\"id\"));\n", "", List.of()));
		assertThat(source).contains("\tpublic void upgrade(Operations op) {\n\t\top.createTable(\"t\",\n\t\t\t\tcolumn(\"id\"));\n\t}\n")
			.contains("\tpublic void downgrade(Operations op) {\n\t}\n");
	}

	@Test
	void invalidPackageIsRejected() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(
				() -> ScriptWriter.javaSource("db.1versions", "X", NewRevision.of("a", List.of(), "m"), Body.empty()))
			.withMessageContaining("db.1versions");
	}

	private Class<?> compileAndLoad(Path source, String className) throws Exception {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		Path out = Files.createDirectories(this.dir.resolve("classes"));
		int result = compiler.run(null, null, null, "-proc:none", "-classpath", System.getProperty("java.class.path"),
				"-d", out.toString(), source.toString());
		assertThat(result).as("javac of " + source + ":\n" + Files.readString(source)).isZero();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { out.toUri().toURL() },
				getClass().getClassLoader())) {
			Class<?> type = loader.loadClass(className);
			type.getDeclaredConstructor().newInstance();
			return type;
		}
	}

}
