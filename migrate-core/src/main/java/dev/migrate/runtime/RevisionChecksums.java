package dev.migrate.runtime;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.Operations;
import dev.migrate.script.JavaMigrationScript;
import dev.migrate.script.MigrationScript;
import dev.migrate.script.SqlMigrationScript;

/**
 * The checksum of what a revision's upgrade does, recorded when it is applied and compared later
 * to notice an applied revision that was edited afterwards (Flyway's checksums).
 *
 * <ul>
 * <li>SQL revisions: the digest (below) of the {@code -- migrate:upgrade} section as written in the file
 * (before {@code ${key}} placeholders are replaced), normalised: a byte-order mark dropped, CRLF
 * and CR turned into LF, trailing spaces and tabs of each line dropped, blank lines at the start
 * and end of the section dropped. The header and the downgrade section are not covered: fixing a
 * message or a downgrade does not change what the database holds.
 * <li>Java revisions: the digest of the operations {@code upgrade(op)} records, each operation's
 * data ({@code CreateTable[table=Table[...]]}) one per line, run offline against the database's
 * dialect, {@code -x} arguments and schema. Recompiling, reformatting or a JDK upgrade does not
 * change it; logic outside {@code op} (JDBC through {@code op.context().connection()}) is not
 * covered. A revision whose upgrade cannot run offline (it needs the connection), or records
 * different operations on two runs (values made at run time: random ids, the clock), has no
 * checksum and is never reported.
 * </ul>
 *
 * The digest is 64 bits: CRC-32C and CRC-32 of the UTF-8 text, as 16 hex digits. Like Flyway's
 * CRC-32 it is there to notice accidental edits, not to resist forgery; two CRCs of coprime
 * polynomials catch every change of up to 64 consecutive bits and miss a random one with
 * probability 2^-64. Both are JDK intrinsics: an upgrade at head hashes every applied revision on
 * a cold JVM, where SHA-256 (the first rule) cost more than reading the files.
 *
 * A checksum starts with its kind and version ({@code sql2:}, {@code java2:}; {@code sql1:} and
 * {@code java1:} were SHA-256): a recorded checksum of another version is replaced silently, never
 * reported, when the rule changes.
 */
public final class RevisionChecksums {

	/** Prefix of SQL checksums (this normalisation, the 64-bit digest). */
	public static final String SQL = "sql2:";

	/** Prefix of Java checksums (recorded operations, the 64-bit digest). */
	public static final String JAVA = "java2:";

	private final Map<String, String> arguments;

	private final String schema;

	private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

	public RevisionChecksums(Map<String, String> arguments, String schema) {
		this.arguments = Map.copyOf(arguments);
		this.schema = schema;
	}

	/** Whether two checksums were computed by the same rule (same prefix), so that comparing them means something. */
	public static boolean comparable(String recorded, String current) {
		return recorded != null && current != null && prefix(recorded).equals(prefix(current));
	}

	private static String prefix(String checksum) {
		int colon = checksum.indexOf(':');
		return (colon < 0) ? "" : checksum.substring(0, colon + 1);
	}

	/** The checksum of {@code script}'s upgrade for {@code dialect}, or null when it has none (see the class comment). */
	public String of(MigrationScript script, Dialect dialect) {
		if (script instanceof SqlMigrationScript sql) {
			return this.cache.computeIfAbsent(script.id(), (id) -> Optional.of(sql.checksum())).orElse(null);
		}
		String key = script.id() + "@" + dialect.name();
		return this.cache.computeIfAbsent(key, (k) -> Optional.ofNullable(java((JavaMigrationScript) script, dialect)))
			.orElse(null);
	}

	/** The checksum of an SQL upgrade section, normalised as the class comment says. */
	public static String sql(String text) {
		return SQL + digest(normalise(text));
	}

	/**
	 * The normalised text a SQL checksum is computed from: one pass over the text, no regular
	 * expression (an upgrade at head hashes every applied revision on a cold JVM, where compiling a
	 * pattern per line cost more than the hashing).
	 */
	static String normalise(String text) {
		String s = (text != null) ? text : "";
		int n = s.length();
		int i = s.startsWith("\uFEFF") ? 1 : 0;
		StringBuilder out = new StringBuilder(n);
		boolean any = false;
		// blank lines after the last line kept: written only when another non-blank line follows
		int blanks = 0;
		while (true) {
			int end = i;
			while (end < n && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
				end++;
			}
			int trimmed = end;
			while (trimmed > i && (s.charAt(trimmed - 1) == ' ' || s.charAt(trimmed - 1) == '\t')) {
				trimmed--;
			}
			if (trimmed > i) {
				if (any) {
					for (int k = 0; k <= blanks; k++) {
						out.append('\n');
					}
				}
				out.append(s, i, trimmed);
				any = true;
				blanks = 0;
			}
			else if (any) {
				blanks++;
			}
			if (end >= n) {
				return out.toString();
			}
			i = (s.charAt(end) == '\r' && end + 1 < n && s.charAt(end + 1) == '\n') ? end + 2 : end + 1;
		}
	}

	private String java(JavaMigrationScript script, Dialect dialect) {
		String first = recorded(script, dialect);
		if (first == null) {
			return null;
		}
		String second = recorded(script, dialect);
		if (!first.equals(second)) {
			// values made at run time: a checksum would differ on every run
			return null;
		}
		return JAVA + digest(first);
	}

	/** The operations the upgrade records, one per line; null when it cannot run offline. */
	private String recorded(JavaMigrationScript script, Dialect dialect) {
		Recorder context = new Recorder(dialect, this.arguments, this.schema);
		try {
			script.upgrade(new RecordingOperations(context));
		}
		catch (RuntimeException | LinkageError ex) {
			return null;
		}
		return String.join("\n", context.lines);
	}

	/** CRC-32C and CRC-32 of the text's UTF-8 bytes, 16 hex digits (see the class comment). */
	static String digest(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		java.util.zip.CRC32C c = new java.util.zip.CRC32C();
		c.update(bytes, 0, bytes.length);
		java.util.zip.CRC32 d = new java.util.zip.CRC32();
		d.update(bytes, 0, bytes.length);
		HexFormat hex = HexFormat.of();
		return hex.toHexDigits((int) c.getValue()) + hex.toHexDigits((int) d.getValue());
	}

	/** Records each operation instead of rendering it. */
	private static final class RecordingOperations extends Operations {

		private final Recorder recorder;

		RecordingOperations(Recorder recorder) {
			super(recorder);
			this.recorder = recorder;
		}

		@Override
		public void invoke(MigrateOperation operation) {
			this.recorder.lines.add(operation.toString());
		}

	}

	/** An offline context that records raw statements a revision sends to the context itself. */
	private static final class Recorder extends AbstractMigrationContext {

		final List<String> lines = new ArrayList<>();

		Recorder(Dialect dialect, Map<String, String> arguments, String schema) {
			super(dialect, arguments, schema);
		}

		@Override
		public boolean isOffline() {
			return true;
		}

		@Override
		public Connection connection() {
			throw new MigrateException("No database connection while a checksum is computed");
		}

		@Override
		public void executeSql(String sql) {
			this.lines.add("executeSql[" + sql + "]");
		}

		@Override
		public void autocommitBlock(Runnable work) {
			this.lines.add("autocommitBlock[");
			work.run();
			this.lines.add("]");
		}

	}

}
