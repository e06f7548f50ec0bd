package dev.migrate.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.graph.RevisionNode;

/**
 * Reads SQL revision files in the format of SPEC §2b:
 *
 * <pre>
 * -- revision: abc123def456
 * -- down_revision: 789xyz000000
 * -- branch_labels: billing
 * -- depends_on: 55aa55aa55aa
 * -- message: add products table
 * -- create_date: 2024-01-01 12:00:00
 * -- migrate:no-transaction
 *
 * -- migrate:upgrade
 * CREATE TABLE products (...);
 *
 * -- migrate:downgrade
 * DROP TABLE products;
 * </pre>
 *
 * The header is authoritative; a file name that is not {@code <id>_<slug>.sql} only draws a
 * warning. Every problem is a {@link ScriptException} naming the file and the problem.
 */
public final class SqlScriptParser {

	private static final System.Logger logger = System.getLogger(SqlScriptParser.class.getName());

	/** The header keys a file may use. */
	public static final Set<String> HEADER_KEYS = Set.of("revision", "down_revision", "branch_labels", "depends_on",
			"message", "create_date");

	private static final Pattern MARKER = Pattern.compile("--\\s*migrate:\\s*(\\S*)\\s*", Pattern.CASE_INSENSITIVE);

	private static final Pattern HEADER = Pattern.compile("--\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*:(.*)");

	private SqlScriptParser() {
	}

	/**
	 * Parses one file.
	 * @param fileName the file's name (its load-order key)
	 * @param origin where it came from, for messages
	 * @param path the file on disk, or null (inside a jar)
	 * @param text the file's content
	 */
	public static SqlMigrationScript parse(String fileName, String origin, Path path, String text) {
		Map<String, String> header = new LinkedHashMap<>();
		boolean noTransaction = false;
		StringBuilder upgrade = null;
		StringBuilder downgrade = null;
		int upgradeLine = 0;
		int downgradeLine = 0;
		StringBuilder section = null;
		// lines as split at \r\n, \n or \r (a trailing terminator leaves a last, empty line)
		int n = text.length();
		int pos = 0;
		for (int i = 0; pos <= n; i++) {
			int end = pos;
			while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			String line = text.substring(pos, end);
			pos = (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') ? end + 2
					: end + 1;
			String trimmed = line.strip();
			int lineNo = i + 1;
			if (i == 0 && trimmed.startsWith("\uFEFF")) {
				trimmed = trimmed.substring(1);
			}
			// markers and header lines are comments: only those need the patterns
			Matcher marker = trimmed.startsWith("--") ? MARKER.matcher(trimmed) : null;
			if (marker != null && marker.matches()) {
				String name = marker.group(1).toLowerCase(Locale.ROOT);
				switch (name) {
					case "no-transaction" -> {
						if (section != null) {
							throw error(origin, "'-- migrate:no-transaction' must be in the header, before '-- migrate:upgrade' (line "
									+ lineNo + ")");
						}
						noTransaction = true;
					}
					case "upgrade" -> {
						if (upgrade != null) {
							throw error(origin, "second '-- migrate:upgrade' section (line " + lineNo + ")");
						}
						if (downgrade != null) {
							throw error(origin, "'-- migrate:upgrade' must come before '-- migrate:downgrade' (line " + lineNo + ")");
						}
						upgrade = new StringBuilder();
						upgradeLine = lineNo;
						section = upgrade;
					}
					case "downgrade" -> {
						if (downgrade != null) {
							throw error(origin, "second '-- migrate:downgrade' section (line " + lineNo + ")");
						}
						if (upgrade == null) {
							throw error(origin, "'-- migrate:downgrade' before '-- migrate:upgrade' (line " + lineNo + ")");
						}
						downgrade = new StringBuilder();
						downgradeLine = lineNo;
						section = downgrade;
					}
					default -> throw error(origin, "unknown marker '-- migrate:" + marker.group(1)
							+ "' (line " + lineNo + "); use upgrade, downgrade or no-transaction");
				}
				continue;
			}
			if (section != null) {
				section.append(line).append('\n');
				continue;
			}
			if (trimmed.isEmpty()) {
				continue;
			}
			if (!trimmed.startsWith("--")) {
				throw error(origin, "SQL before '-- migrate:upgrade' (line " + lineNo
						+ "); the header holds only '-- key: value' lines");
			}
			Matcher h = HEADER.matcher(trimmed);
			if (!h.matches()) {
				continue; // a free comment in the header
			}
			String key = h.group(1).toLowerCase(Locale.ROOT);
			if (!HEADER_KEYS.contains(key)) {
				throw error(origin, "unknown header key '" + h.group(1) + "' (line " + lineNo
						+ "); known keys: revision, down_revision, branch_labels, depends_on, message, create_date");
			}
			if (header.containsKey(key)) {
				throw error(origin, "header key '" + key + "' given twice (line " + lineNo + ")");
			}
			header.put(key, h.group(2).strip());
		}
		String id = header.get("revision");
		if (id == null || id.isEmpty()) {
			throw error(origin, "missing '-- revision: <id>' header");
		}
		checkId(origin, id, "revision");
		if (upgrade == null) {
			throw error(origin, "missing '-- migrate:upgrade' section");
		}
		List<String> down = list(header.get("down_revision"));
		for (String d : down) {
			checkId(origin, d, "down_revision");
		}
		if (down.contains(id)) {
			throw error(origin, "revision " + id + " names itself as down_revision");
		}
		List<String> labels = list(header.get("branch_labels"));
		List<String> deps = list(header.get("depends_on"));
		String upgradeSql = upgrade.toString();
		String downgradeSql = (downgrade != null) ? downgrade.toString() : null;
		if (!fileName.equals(id + ".sql") && !fileName.startsWith(id + "_")) {
			logger.log(System.Logger.Level.WARNING, "Revision file {0} holds revision {1}; file names are <id>_<slug>.sql"
					+ " (the header is authoritative)", origin, id);
		}
		RevisionNode node = new RevisionNode(id, down, labels, deps);
		return new SqlMigrationScript(node, header.get("message"), header.get("create_date"), fileName, origin, path,
				!noTransaction, upgradeSql, downgradeSql, upgradeLine, downgradeLine);
	}

	/**
	 * Splits a section into statements; a string, identifier, comment or dollar-quoted body left
	 * open is a {@link ScriptException} naming the file, the line and the section.
	 */
	static List<String> split(String origin, String section, String sql, int markerLine) {
		try {
			return SqlStatementSplitter.split(sql, false, markerLine);
		}
		catch (IllegalArgumentException ex) {
			throw error(origin, ex.getMessage() + " in the " + section + " section");
		}
	}

	private static void checkId(String origin, String id, String key) {
		if (!MigrationScript.ID_PATTERN.matcher(id).matches()) {
			throw error(origin, "bad " + key + " id '" + id
					+ "' (use letters, digits and underscores, at most 32 characters)");
		}
	}

	/** A comma-separated header value: empty or {@code none} means none. */
	static List<String> list(String value) {
		List<String> out = new ArrayList<>();
		if (value == null) {
			return out;
		}
		for (String part : value.split(",")) {
			String p = part.strip();
			if (!p.isEmpty() && !p.equalsIgnoreCase("none")) {
				out.add(p);
			}
		}
		return out;
	}

	private static ScriptException error(String origin, String problem) {
		return new ScriptException(origin, "Bad revision file " + origin + ": " + problem);
	}

}
