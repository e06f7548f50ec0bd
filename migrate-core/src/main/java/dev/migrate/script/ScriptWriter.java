package dev.migrate.script;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import dev.migrate.MigrateException;

/**
 * Writes new revision files: a Java class ({@code @Revision} + {@code implements Migration}) or an
 * SQL file in the fixed {@code -- key: value} header format. Used by {@code migrate revision},
 * {@code migrate merge} and autogenerate, so every new revision looks the same.
 *
 * <p>File names. An SQL revision is {@code <id>_<slug>.sql} (Alembic's default
 * {@code %(rev)s_%(slug)s}). A Java revision is the class {@code R<yyyyMMdd>_<HHmmss>_<Slug>}:
 * the creation time first, so that the simple class name, which is the load order the revision
 * graph uses to order independent branches, follows the order in which revisions were created and
 * never changes afterwards; the slug makes it readable. The {@code @Revision} annotation and the
 * SQL header are authoritative, never the names.
 */
public final class ScriptWriter {

	/** Alembic's {@code truncate_slug_length}. */
	public static final int SLUG_LENGTH = 40;

	/** Format of {@code create_date}. */
	public static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter CLASS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

	private static final Pattern ILLEGAL_ID_CHARS = Pattern.compile("[@\\-+:]");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ScriptWriter() {
	}

	/**
	 * What a new revision declares.
	 *
	 * @param id revision id
	 * @param downRevisions down revisions (empty for a base, several for a merge)
	 * @param branchLabels branch labels
	 * @param dependsOn dependencies
	 * @param message message (null: {@code empty message})
	 * @param createDate creation time
	 * @param transactional false to run the revision outside a transaction
	 */
	public record NewRevision(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
			String message, LocalDateTime createDate, boolean transactional) {

		public NewRevision {
			Objects.requireNonNull(id, "id");
			downRevisions = List.copyOf(downRevisions);
			branchLabels = List.copyOf(branchLabels);
			dependsOn = List.copyOf(dependsOn);
			message = (message == null || message.isBlank()) ? "empty message" : message.strip();
			createDate = (createDate != null) ? createDate.withNano(0) : LocalDateTime.now().withNano(0);
		}

		/** A plain revision on top of {@code downRevisions}, created now. */
		public static NewRevision of(String id, List<String> downRevisions, String message) {
			return new NewRevision(id, downRevisions, List.of(), List.of(), message, null, true);
		}

		public String createDateText() {
			return CREATE_DATE.format(this.createDate);
		}

	}

	/**
	 * The body of a revision.
	 *
	 * @param upgrade Java statements of {@code upgrade(Operations op)}, or the SQL of the upgrade
	 * section (may be empty)
	 * @param downgrade likewise for the downgrade
	 * @param imports extra Java imports (fully qualified names; ignored for SQL)
	 */
	public record Body(String upgrade, String downgrade, List<String> imports) {

		public Body {
			upgrade = (upgrade == null) ? "" : upgrade;
			downgrade = (downgrade == null) ? "" : downgrade;
			imports = List.copyOf(imports);
		}

		public static Body empty() {
			return new Body("", "", List.of());
		}

	}

	/** A new random revision id: 12 lowercase hex digits, as Alembic's {@code uuid4().hex[-12:]}. */
	public static String newRevisionId() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * Checks a revision id given by a person ({@code --rev-id}).
	 * @throws MigrateException naming the id when it is empty or contains one of {@code @ - + :}
	 */
	/** Target words a revision id would be shadowed by. */
	private static final java.util.Set<String> RESERVED_IDS = java.util.Set.of("head", "heads", "base", "current");

	public static void verifyRevisionId(String id) {
		if (id == null || id.isBlank()) {
			throw new MigrateException("Revision id must not be empty");
		}
		Matcher m = ILLEGAL_ID_CHARS.matcher(id);
		TreeSet<String> bad = new TreeSet<>();
		while (m.find()) {
			bad.add(m.group());
		}
		if (!bad.isEmpty()) {
			throw new MigrateException("Character(s) '" + String.join(", ", bad)
					+ "' not allowed in revision identifier '" + id + "'");
		}
		if (id.chars().anyMatch(Character::isWhitespace) || id.contains(",")) {
			throw new MigrateException("Whitespace and ',' are not allowed in revision identifier '" + id + "'");
		}
		if (id.length() > 32) {
			throw new MigrateException("Revision identifier '" + id + "' is longer than 32 characters, the width of the version table's column");
		}
		if (!MigrationScript.ID_PATTERN.matcher(id).matches()) {
			// what the loaders accept: a file written with another id would fail every later command
			String others = id.codePoints().filter((c) -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '_')))
				.distinct().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
			throw new MigrateException("Character(s) '" + String.join(", ", others.split("")) + "' not allowed in revision identifier '"
					+ id + "': use letters, digits and underscores");
		}
		if (RESERVED_IDS.contains(id.toLowerCase(java.util.Locale.ROOT))) {
			throw new MigrateException("Revision identifier '" + id + "' is reserved: '" + id.toLowerCase(java.util.Locale.ROOT)
					+ "' is a target (upgrade " + id.toLowerCase(java.util.Locale.ROOT) + "), so the revision could not be addressed by its id");
		}
	}

	/**
	 * Alembic's slug: the words of the message joined by {@code _}, lower case, cut at a word
	 * boundary to {@value #SLUG_LENGTH} characters.
	 */
	public static String slug(String message) {
		List<String> words = words(message);
		String slug = String.join("_", words).toLowerCase(Locale.ROOT);
		if (slug.length() > SLUG_LENGTH) {
			String cut = slug.substring(0, SLUG_LENGTH);
			int last = cut.lastIndexOf('_');
			slug = ((last > 0) ? cut.substring(0, last) : cut) + "_";
		}
		return slug;
	}

	/** The file name of an SQL revision: {@code <id>_<slug>.sql}. */
	public static String sqlFileName(NewRevision revision) {
		String slug = slug(revision.message());
		return revision.id() + (slug.isEmpty() ? "" : "_" + slug) + ".sql";
	}

	/**
	 * The simple class name of a Java revision: {@code R<yyyyMMdd>_<HHmmss>_<Slug>}, the slug in
	 * UpperCamelCase from the message's words (ASCII letters and digits only, at most 40).
	 */
	public static String javaClassName(NewRevision revision) {
		StringBuilder camel = new StringBuilder();
		for (String word : words(revision.message())) {
			for (String part : word.split("_")) {
				String ascii = part.replaceAll("[^A-Za-z0-9]", "");
				if (ascii.isEmpty()) {
					continue;
				}
				camel.append(Character.toUpperCase(ascii.charAt(0))).append(ascii.substring(1));
			}
		}
		String slug = (camel.length() > SLUG_LENGTH) ? camel.substring(0, SLUG_LENGTH) : camel.toString();
		String name = "R" + CLASS_DATE.format(revision.createDate()) + (slug.isEmpty() ? "" : "_" + slug);
		if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
			throw new MigrateException("Cannot derive a Java class name from message '" + revision.message() + "'");
		}
		return name;
	}

	/** Whether {@code name} is a valid Java package name (empty: the default package). */
	public static boolean isValidPackage(String name) {
		return name.isEmpty() || SourceVersion.isName(name);
	}

	/** Java source of a revision class. */
	public static String javaSource(String packageName, String className, NewRevision revision, Body body) {
		if (!isValidPackage(packageName)) {
			throw new MigrateException("Invalid Java package name '" + packageName + "'");
		}
		if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
			throw new MigrateException("Invalid Java class name '" + className + "'");
		}
		TreeSet<String> imports = new TreeSet<>(body.imports());
		imports.add("dev.migrate.operations.Operations");
		imports.add("dev.migrate.script.Migration");
		imports.add("dev.migrate.script.Revision");
		StringBuilder sb = new StringBuilder();
		if (!packageName.isEmpty()) {
			sb.append("package ").append(packageName).append(";\n\n");
		}
		for (String imp : imports) {
			sb.append("import ").append(imp).append(";\n");
		}
		sb.append("\n/**\n");
		sb.append(" * ").append(javadoc(revision.message())).append("\n");
		sb.append(" *\n");
		sb.append(" * <p>Revision ID: ").append(revision.id()).append("<br>\n");
		sb.append(" * Revises: ").append(revision.downRevisions().isEmpty() ? "" : String.join(", ", revision.downRevisions())).append("<br>\n");
		sb.append(" * Create Date: ").append(revision.createDateText()).append("\n");
		sb.append(" */\n");
		sb.append("@Revision(id = ").append(literal(revision.id()));
		appendArray(sb, "down", revision.downRevisions());
		appendArray(sb, "branchLabels", revision.branchLabels());
		appendArray(sb, "dependsOn", revision.dependsOn());
		sb.append(",\n\t\tmessage = ").append(literal(revision.message()));
		sb.append(", createDate = ").append(literal(revision.createDateText()));
		if (!revision.transactional()) {
			sb.append(", transactional = false");
		}
		sb.append(")\n");
		sb.append("public class ").append(className).append(" implements Migration {\n\n");
		appendMethod(sb, "upgrade", body.upgrade());
		sb.append("\n");
		appendMethod(sb, "downgrade", body.downgrade());
		sb.append("\n}\n");
		return sb.toString();
	}

	/** SQL source of a revision in the fixed header format. */
	public static String sqlSource(NewRevision revision, Body body) {
		StringBuilder sb = new StringBuilder();
		sb.append("-- revision: ").append(revision.id()).append("\n");
		sb.append("-- down_revision: ").append(listOrNone(revision.downRevisions())).append("\n");
		sb.append("-- branch_labels: ").append(listOrNone(revision.branchLabels())).append("\n");
		sb.append("-- depends_on: ").append(listOrNone(revision.dependsOn())).append("\n");
		sb.append("-- message: ").append(oneLine(revision.message())).append("\n");
		sb.append("-- create_date: ").append(revision.createDateText()).append("\n");
		if (!revision.transactional()) {
			sb.append("-- migrate:no-transaction\n");
		}
		sb.append("\n-- migrate:upgrade\n");
		appendSql(sb, body.upgrade());
		sb.append("\n-- migrate:downgrade\n");
		appendSql(sb, body.downgrade());
		return sb.toString();
	}

	/**
	 * Writes a Java revision into {@code directory} (created if missing) as
	 * {@code <className>.java}; the class name gets {@code _<id>} appended if the file exists.
	 * @return the file written
	 */
	public static Path writeJava(Path directory, String packageName, NewRevision revision, Body body) {
		String className = javaClassName(revision);
		if (Files.exists(directory.resolve(className + ".java"))) {
			className = className + "_" + revision.id().replaceAll("[^A-Za-z0-9_]", "_");
		}
		return write(directory, className + ".java", javaSource(packageName, className, revision, body));
	}

	/**
	 * Writes an SQL revision into {@code directory} (created if missing) as {@code <id>_<slug>.sql}.
	 * @return the file written
	 */
	public static Path writeSql(Path directory, NewRevision revision, Body body) {
		return write(directory, sqlFileName(revision), sqlSource(revision, body));
	}

	private static Path write(Path directory, String fileName, String content) {
		Path file = directory.resolve(fileName);
		try {
			Files.createDirectories(directory);
			if (Files.exists(file)) {
				throw new MigrateException("Revision file " + file + " already exists");
			}
			Files.writeString(file, content, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write revision file " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> words(String message) {
		List<String> words = new ArrayList<>();
		if (message != null) {
			Matcher m = WORD.matcher(message);
			while (m.find()) {
				words.add(m.group());
			}
		}
		return words;
	}

	private static void appendArray(StringBuilder sb, String name, List<String> values) {
		if (values.isEmpty()) {
			return;
		}
		sb.append(", ").append(name).append(" = ");
		if (values.size() == 1) {
			sb.append(literal(values.get(0)));
			return;
		}
		sb.append("{ ");
		for (int i = 0; i < values.size(); i++) {
			sb.append((i > 0) ? ", " : "").append(literal(values.get(i)));
		}
		sb.append(" }");
	}

	private static void appendMethod(StringBuilder sb, String name, String code) {
		sb.append("\t@Override\n");
		sb.append("\tpublic void ").append(name).append("(Operations op) {\n");
		String trimmed = code.strip();
		if (!trimmed.isEmpty()) {
			String body = code.replaceAll("^(\\s*\\n)+", "").stripTrailing().stripIndent();
			for (String line : body.split("\n", -1)) {
				sb.append(line.isBlank() ? "" : "\t\t" + line).append("\n");
			}
		}
		sb.append("\t}\n");
	}

	private static void appendSql(StringBuilder sb, String sql) {
		String trimmed = sql.strip();
		if (!trimmed.isEmpty()) {
			sb.append(trimmed).append("\n");
		}
	}

	private static String listOrNone(List<String> values) {
		return values.isEmpty() ? "" : String.join(", ", values);
	}

	private static String oneLine(String text) {
		return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}

	private static String javadoc(String text) {
		return oneLine(text).replace("\\", "&#92;").replace("*/", "*&#47;").replace("@", "{@literal @}");
	}

	/** A Java string literal for {@code value}. */
	static String literal(String value) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

}
