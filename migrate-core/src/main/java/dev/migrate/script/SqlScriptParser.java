package dev.migrate.script;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

	/** The logger, created on first use: finding the logging backend scans the class path, which a start at head need not pay. */
	private static final class Log {

		static final System.Logger logger = System.getLogger(SqlScriptParser.class.getName());

	}

	/** The header keys a file may use. */
	public static final Set<String> HEADER_KEYS = Set.of("revision", "down_revision", "branch_labels", "depends_on",
			"message", "create_date");


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
		return parse(fileName, origin, path, text, true);
	}

	/** Parses one file; {@code warn}: whether a file name that does not start with the id draws its warning. */
	static SqlMigrationScript parse(String fileName, String origin, Path path, String text, boolean warn) {
		Map<String, String> header = new LinkedHashMap<>();
		boolean noTransaction = false;
		java.time.Duration lockTimeout = null;
		java.time.Duration statementTimeout = null;
		StringBuilder upgrade = null;
		StringBuilder downgrade = null;
		int upgradeLine = 0;
		int downgradeLine = 0;
		StringBuilder section = null;
		// lines as split at \r\n, \n or \r (a trailing terminator leaves a last, empty line)
		int n = text.length();
		boolean carriageReturns = text.indexOf('\r') >= 0;
		int pos = 0;
		for (int i = 0; pos <= n; i++) {
			int end;
			if (carriageReturns) {
				end = pos;
				while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
					end++;
				}
			}
			else {
				end = text.indexOf('\n', pos);
				end = (end < 0) ? n : end;
			}
			int start = pos;
			pos = (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') ? end + 2
					: end + 1;
			if (section != null && !startsWithComment(text, start, end)) {
				// a statement line: copied into its section as it is (only comment lines can be markers)
				section.append(text, start, end).append('\n');
				continue;
			}
			String line = text.substring(start, end);
			String trimmed = line.strip();
			int lineNo = i + 1;
			if (i == 0 && trimmed.startsWith("\uFEFF")) {
				trimmed = trimmed.substring(1);
			}
			String[] timeout = timeoutLine(trimmed);
			if (timeout != null) {
				if (section != null) {
					throw error(origin, "'-- migrate:" + timeout[0] + ":' must be in the header, before '-- migrate:upgrade' (line "
							+ lineNo + ")");
				}
				String what = "'-- migrate:" + timeout[0] + ":' (line " + lineNo + ")";
				java.time.Duration value;
				try {
					value = dev.migrate.runtime.DdlTimeouts.parse(timeout[1], what);
				}
				catch (dev.migrate.ConfigurationException ex) {
					throw error(origin, ex.getMessage());
				}
				if (value.isZero() || value.isNegative()) {
					throw error(origin, what + " must be positive");
				}
				if (timeout[0].equals("lock-timeout")) {
					lockTimeout = value;
				}
				else {
					statementTimeout = value;
				}
				continue;
			}
			// markers and header lines are comments: only those need the patterns
			String markerName = marker(trimmed);
			if (markerName != null) {
				String name = markerName.toLowerCase(Locale.ROOT);
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
					default -> throw error(origin, "unknown marker '-- migrate:" + markerName
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
			String[] h = headerLine(trimmed);
			if (h == null) {
				continue; // a free comment in the header
			}
			String key = h[0].toLowerCase(Locale.ROOT);
			if (!HEADER_KEYS.contains(key)) {
				throw error(origin, "unknown header key '" + h[0] + "' (line " + lineNo
						+ "); known keys: revision, down_revision, branch_labels, depends_on, message, create_date");
			}
			if (header.containsKey(key)) {
				throw error(origin, "header key '" + key + "' given twice (line " + lineNo + ")");
			}
			header.put(key, h[1].strip());
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
		if (warn) {
			warnIfMisnamed(fileName, origin, id);
		}
		RevisionNode node = new RevisionNode(id, down, labels, deps);
		SqlMigrationScript script = new SqlMigrationScript(node, header.get("message"), header.get("create_date"), fileName,
				origin, path, !noTransaction, upgradeSql, downgradeSql, upgradeLine, downgradeLine);
		if (lockTimeout != null || statementTimeout != null) {
			script.timeouts(lockTimeout, statementTimeout);
		}
		return script;
	}

	/** Warns when a file's name is not {@code <id>.sql} or {@code <id>_*} (the header is authoritative). */
	static void warnIfMisnamed(String fileName, String origin, String id) {
		// without string concatenation (a method-handle call per file on a cold start)
		boolean named = fileName.startsWith(id) && ((fileName.length() == id.length() + 4 && fileName.endsWith(".sql"))
				|| (fileName.length() > id.length() && fileName.charAt(id.length()) == '_'));
		if (!named) {
			Log.logger.log(System.Logger.Level.WARNING, "Revision file {0} holds revision {1}; file names are <id>_<slug>.sql"
					+ " (the header is authoritative)", origin, id);
		}
	}

	/**
	 * {@code -- migrate:lock-timeout: <value>} or {@code -- migrate:statement-timeout: <value>}
	 * (case-insensitive): name and value, or null.
	 */
	static String[] timeoutLine(String line) {
		if (!line.startsWith("--") || line.indexOf("timeout", 2) < 0) {
			return null;
		}
		String body = line.substring(2).strip().toLowerCase(Locale.ROOT);
		for (String name : new String[] { "lock-timeout", "statement-timeout" }) {
			String prefix = "migrate:" + name + ":";
			if (body.startsWith(prefix)) {
				return new String[] { name, body.substring(prefix.length()).strip() };
			}
		}
		return null;
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

	// The line patterns are matched by hand: loading runs once per file on every start, in a cold JVM,
	// where java.util.regex costs more than reading the files. Each method matches exactly what its
	// pattern (in its comment) matches; \s is [ \t\n\x0B\f\r] and \S its complement, as in java.util.regex.

	/** Whether {@code text[start, end)}, stripped as {@link String#strip()} strips, starts with {@code --}. */
	private static boolean startsWithComment(String text, int start, int end) {
		int i = start;
		while (i < end && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i + 1 < end && text.charAt(i) == '-' && text.charAt(i + 1) == '-';
	}

	/** {@code --\s*migrate:\s*(\S*)\s*} (ASCII case-insensitive, whole line): the marker name, or null. */
	static String marker(String line) {
		if (!line.startsWith("--")) {
			return null;
		}
		int n = line.length();
		int i = skipSpace(line, 2);
		String word = "migrate:";
		if (i + word.length() > n) {
			return null;
		}
		for (int k = 0; k < word.length(); k++) {
			char c = line.charAt(i + k);
			if (((c >= 'A' && c <= 'Z') ? (char) (c + 32) : c) != word.charAt(k)) {
				return null;
			}
		}
		int start = skipSpace(line, i + word.length());
		int end = start;
		while (end < n && !isSpace(line.charAt(end))) {
			end++;
		}
		return (skipSpace(line, end) == n) ? line.substring(start, end) : null;
	}

	/** {@code --\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:(.*)} (whole line): key and raw value, or null. */
	static String[] headerLine(String line) {
		if (!line.startsWith("--")) {
			return null;
		}
		int n = line.length();
		int start = skipSpace(line, 2);
		if (start >= n || !(isAsciiLetter(line.charAt(start)) || line.charAt(start) == '_')) {
			return null;
		}
		int end = start + 1;
		while (end < n) {
			char c = line.charAt(end);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
				break;
			}
			end++;
		}
		int colon = skipSpace(line, end);
		if (colon >= n || line.charAt(colon) != ':') {
			return null;
		}
		// '.' matches any character but a line terminator (a search each rather than a call per character)
		int from = colon + 1;
		if (line.indexOf('\n', from) >= 0 || line.indexOf('\r', from) >= 0 || line.indexOf('\u0085', from) >= 0
				|| line.indexOf('\u2028', from) >= 0 || line.indexOf('\u2029', from) >= 0) {
			return null;
		}
		return new String[] { line.substring(start, end), line.substring(from) };
	}

	/** {@code [A-Za-z0-9_]{1,32}}: {@link MigrationScript#ID_PATTERN}. */
	static boolean isValidId(String id) {
		int n = id.length();
		if (n < 1 || n > 32) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			char c = id.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return false;
			}
		}
		return true;
	}

	private static int skipSpace(String s, int from) {
		int n = s.length();
		int i = from;
		while (i < n) {
			char c = s.charAt(i);
			if (!(c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r')) {
				break;
			}
			i++;
		}
		return i;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	private static void checkId(String origin, String id, String key) {
		if (!isValidId(id)) {
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
