package dev.migrate.script;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import dev.migrate.graph.RevisionNode;

/**
 * What loading a directory of SQL revisions needs from each file — its header and the checksum of
 * its upgrade section — kept between runs, so that a start at head need not read and parse every
 * file: the JVM counterpart of the compiled modules Python keeps for Alembic's revision files. A
 * file's entry is used only while the file has the size, modification time and file key (device
 * and inode, kept as a hash) it had when the entry was written, and only files last modified at
 * least {@link #SETTLE_NANOS} before are written (a file being edited within the file system's time
 * granularity is read every time, as git treats "racily clean" files). The sections of a cached
 * revision are read when a run needs them (a pending revision, {@code lint}, placeholders), and
 * the file is then checked against its entry again: header and checksum must agree, or the run
 * stops before it changes anything.
 *
 * <p>Only directories of at least {@link #MIN_FILES} SQL revisions are cached (below that, reading
 * the files costs less than the cache). The cache lives in {@code $MIGRATE_REVISION_CACHE} or the
 * system property {@code migrate.revision-cache} when set (a directory, or {@code off}), else in
 * {@code $XDG_CACHE_HOME/migrate} or {@code ~/.cache/migrate}: one file per revision directory,
 * named after it. Deleting it is always safe; a cache that cannot be read or written is ignored.
 */
final class RevisionCache {

	/** The fewest SQL files in a directory for which the cache is used. */
	static final int MIN_FILES = 64;

	/** How long before the cache is written a file must have been last modified to be cached. */
	static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(2);

	/** The system property naming the cache directory ({@code off}: no cache). */
	static final String PROPERTY = "migrate.revision-cache";

	/** The environment variable naming the cache directory ({@code off}: no cache), after the property. */
	static final String ENVIRONMENT = "MIGRATE_REVISION_CACHE";

	private static final int MAGIC = 0x4d475243; // "MGRC"

	private static final int FORMAT = 3;

	private final Path file;

	private final String directory;

	private final Map<String, Entry> cached;

	private final List<Entry> next = new ArrayList<>();

	private boolean changed;

	private RevisionCache(Path file, String directory, Map<String, Entry> cached) {
		this.file = file;
		this.directory = directory;
		this.cached = cached;
	}

	/**
	 * One file's entry.
	 * @param modified the modification time, in nanoseconds since the epoch
	 * @param fileKey the hash of the file key (device and inode on Unix; 0 where the system has none)
	 * @param lockTimeout the header's lock timeout in nanoseconds, or -1
	 * @param statementTimeout the header's statement timeout in nanoseconds, or -1
	 * @param checksum the checksum of the upgrade section as written
	 * @param fileDigest CRC-32C and CRC-32 of the whole file's text: two copies of one file (sources and
	 * build output) are recognised without reading either
	 */
	record Entry(String name, long size, long modified, int fileKey, String id, List<String> down,
			List<String> labels, List<String> dependsOn, String message, String createDate, boolean transactional,
			long lockTimeout, long statementTimeout, String checksum, long fileDigest) {

		boolean describes(BasicFileAttributes attributes) {
			return this.size == attributes.size() && this.modified == RevisionCache.modified(attributes)
					&& this.fileKey == RevisionCache.fileKey(attributes);
		}

	}

	/**
	 * The cache for the revision directory {@code dir} holding {@code sqlFiles} SQL files, or null
	 * when there is none to use (too few files, turned off, no cache directory).
	 */
	static RevisionCache open(Path dir, int sqlFiles) {
		if (sqlFiles < MIN_FILES) {
			return null;
		}
		Path home = cacheDirectory();
		if (home == null) {
			return null;
		}
		String directory = dir.toString();
		Path file = home.resolve(fileName(dir));
		return new RevisionCache(file, directory, read(file, directory));
	}

	/** Where cache files go, or null when the cache is off or no directory is known. */
	static Path cacheDirectory() {
		String configured = System.getProperty(PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv(ENVIRONMENT);
		}
		if (configured != null && !configured.isBlank()) {
			String value = configured.strip();
			if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("none")) {
				return null;
			}
			return Path.of(value);
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
			return Path.of(xdg, "migrate");
		}
		String home = System.getProperty("user.home");
		return (home == null || home.isBlank() || home.equals("?")) ? null : Path.of(home, ".cache", "migrate");
	}

	/** {@code <directory name>-<16 hex digits of the absolute path>.idx}: readable, and one per directory. */
	static String fileName(Path dir) {
		byte[] bytes = dir.toString().getBytes(StandardCharsets.UTF_8);
		CRC32C c = new CRC32C();
		c.update(bytes);
		CRC32 d = new CRC32();
		d.update(bytes);
		Path last = dir.getFileName();
		StringBuilder name = new StringBuilder();
		String base = (last != null) ? last.toString() : "root";
		for (int i = 0; i < base.length() && name.length() < 40; i++) {
			char ch = base.charAt(i);
			name.append((Character.isLetterOrDigit(ch) && ch < 128) || ch == '-' || ch == '_' ? ch : '_');
		}
		name.append('-').append(hex8(c.getValue())).append(hex8(d.getValue())).append(".idx");
		return name.toString();
	}

	private static String hex8(long value) {
		String hex = Long.toHexString(value & 0xffffffffL);
		return "00000000".substring(hex.length()) + hex;
	}

	/** The modification time in nanoseconds (through the instant: {@code FileTime.to} is slow on a cold JVM). */
	static long modified(BasicFileAttributes attributes) {
		java.time.Instant instant = attributes.lastModifiedTime().toInstant();
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	/**
	 * The hash of the file key ({@code (dev, ino)} on Unix; 0 where the system has none): its
	 * {@code toString} would cost more than the stat on a cold JVM, and beside the size and the
	 * nanosecond modification time a hash tells a replaced file well enough.
	 */
	static int fileKey(BasicFileAttributes attributes) {
		Object key = attributes.fileKey();
		return (key != null) ? key.hashCode() : 0;
	}

	/**
	 * The revision of file {@code name} as its entry has it, when the entry still describes the
	 * file (its sections are read on first use), or null.
	 */
	SqlMigrationScript lookup(String name, String origin, Path path, BasicFileAttributes attributes) {
		Entry entry = this.cached.get(name);
		if (entry == null || !entry.describes(attributes)) {
			return null;
		}
		this.next.add(entry);
		SqlScriptParser.warnIfMisnamed(name, origin, entry.id());
		RevisionNode node = new RevisionNode(entry.id(), entry.down(), entry.labels(), entry.dependsOn());
		SqlMigrationScript script = new SqlMigrationScript(node, entry.message(), entry.createDate(), name, origin, path,
				entry.transactional(), entry.checksum(), new CachedBody(this, entry));
		if (entry.lockTimeout() >= 0 || entry.statementTimeout() >= 0) {
			script.timeouts(duration(entry.lockTimeout()), duration(entry.statementTimeout()));
		}
		script.fileDigest(entry.fileDigest());
		return script;
	}

	/** Records a revision read from its file ({@code text}), to be cached when the file has settled. */
	void parsed(String name, BasicFileAttributes attributes, SqlMigrationScript script, String text) {
		this.changed = true;
		RevisionNode node = script.node();
		this.next.add(new Entry(name, attributes.size(), modified(attributes), fileKey(attributes), node.id(),
				node.downRevisions(), List.copyOf(node.branchLabels()), node.dependsOn(), script.message(),
				script.createDate(), script.transactional(), nanos(script.lockTimeout()), nanos(script.statementTimeout()),
				script.checksum(), digest(text)));
	}

	/** CRC-32C and CRC-32 of {@code text}'s UTF-8 bytes, never 0 (0: unknown). */
	static long digest(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		CRC32C c = new CRC32C();
		c.update(bytes);
		CRC32 d = new CRC32();
		d.update(bytes);
		long value = (c.getValue() << 32) | d.getValue();
		return (value == 0) ? 1 : value;
	}

	/**
	 * Writes the cache when a file was read rather than found in it, or one has gone (a new file
	 * replaces the old one in one move). Never fails: a cache is an optimisation.
	 */
	void save() {
		if (!this.changed && this.next.size() == this.cached.size()) {
			return;
		}
		long settled = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - SETTLE_NANOS;
		List<Entry> entries = new ArrayList<>(this.next.size());
		boolean differs = false;
		for (Entry entry : this.next) {
			if (entry.modified() <= settled && fits(entry)) {
				entries.add(entry);
				// an entry found in the cache is that very object; one read from its file is new
				differs |= this.cached.get(entry.name()) != entry;
			}
		}
		if (entries.isEmpty() || (!differs && entries.size() == this.cached.size())) {
			return; // nothing to add and nothing gone (files too fresh, or too long, are read each time)
		}
		Path temporary = null;
		try {
			Files.createDirectories(this.file.getParent());
			temporary = Files.createTempFile(this.file.getParent(), ".revisions", ".tmp");
			try (OutputStream stream = Files.newOutputStream(temporary);
					DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16))) {
				out.writeInt(MAGIC);
				out.writeInt(FORMAT);
				out.writeUTF(this.directory);
				out.writeInt(entries.size());
				for (Entry entry : entries) {
					write(out, entry);
				}
			}
			Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			temporary = null;
		}
		catch (IOException | RuntimeException ex) {
			// not cached this time
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// left behind in the cache directory
				}
			}
		}
	}

	/** Removes the cache file (its entry for a file was found not to hold). */
	void discard() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// the next run finds the file changed or reads the files again
		}
	}

	/** Whether the entry's strings fit the format (DataOutput's modified UTF-8, 65535 bytes each). */
	private static boolean fits(Entry entry) {
		return entry.message().length() < 8192 && entry.name().length() < 4096
				&& (entry.createDate() == null || entry.createDate().length() < 1024);
	}

	/** Reads a cached revision's sections (a class, not a lambda: no bootstrap on a cold start). */
	private static final class CachedBody implements SqlMigrationScript.BodyLoader {

		private final RevisionCache cache;

		private final Entry entry;

		CachedBody(RevisionCache cache, Entry entry) {
			this.cache = cache;
			this.entry = entry;
		}

		@Override
		public SqlMigrationScript.Body load(SqlMigrationScript script) {
			return this.cache.body(script, this.entry);
		}

	}

	/**
	 * The sections of a cached revision, from its file, whose header and upgrade section must still
	 * be what the entry says (a file only touched since is fine; one edited is not).
	 */
	private SqlMigrationScript.Body body(SqlMigrationScript script, Entry entry) {
		Path path = script.path();
		SqlMigrationScript read;
		try {
			read = SqlScriptParser.parse(entry.name(), script.origin(), path, ScriptDirectory.read(path.toFile(), path), false);
		}
		catch (ScriptException ex) {
			discard();
			throw new ScriptException(script.origin(), "Revision file " + script.origin() + " changed since migrate loaded"
					+ " it: " + ex.getMessage() + "; nothing was changed for it: run again", ex);
		}
		if (!read.sameHeaderAs(script) || !read.checksum().equals(entry.checksum())) {
			discard();
			throw new ScriptException(script.origin(), "Revision file " + script.origin() + " changed since migrate loaded"
					+ " it (the revision cache " + this.file + " no longer describes it and has been removed); nothing was"
					+ " changed for it: run again");
		}
		return read.body();
	}

	private static Duration duration(long nanos) {
		return (nanos < 0) ? null : Duration.ofNanos(nanos);
	}

	private static long nanos(Duration duration) {
		return (duration == null) ? -1 : duration.toNanos();
	}

	// ---- the file: DataOutput, a header then one record per revision file

	private static Map<String, Entry> read(Path file, String directory) {
		File f = file.toFile();
		if (!f.isFile()) {
			return Map.of();
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(f), 1 << 16))) {
			if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(directory)) {
				return Map.of();
			}
			int count = in.readInt();
			Map<String, Entry> entries = new HashMap<>(Math.max(16, count * 2));
			for (int i = 0; i < count; i++) {
				Entry entry = readEntry(in);
				entries.put(entry.name(), entry);
			}
			return entries;
		}
		catch (IOException | RuntimeException ex) {
			return Map.of(); // unreadable or cut short: read the files
		}
	}

	private static void write(DataOutputStream out, Entry entry) throws IOException {
		out.writeUTF(entry.name());
		out.writeLong(entry.size());
		out.writeLong(entry.modified());
		out.writeInt(entry.fileKey());
		out.writeUTF(entry.id());
		writeList(out, entry.down());
		writeList(out, entry.labels());
		writeList(out, entry.dependsOn());
		out.writeUTF(entry.message());
		out.writeBoolean(entry.createDate() != null);
		if (entry.createDate() != null) {
			out.writeUTF(entry.createDate());
		}
		out.writeBoolean(entry.transactional());
		out.writeLong(entry.lockTimeout());
		out.writeLong(entry.statementTimeout());
		out.writeUTF(entry.checksum());
		out.writeLong(entry.fileDigest());
	}

	private static Entry readEntry(DataInputStream in) throws IOException {
		String name = in.readUTF();
		long size = in.readLong();
		long modified = in.readLong();
		int fileKey = in.readInt();
		String id = in.readUTF();
		List<String> down = readList(in);
		List<String> labels = readList(in);
		List<String> dependsOn = readList(in);
		String message = in.readUTF();
		String createDate = in.readBoolean() ? in.readUTF() : null;
		boolean transactional = in.readBoolean();
		long lockTimeout = in.readLong();
		long statementTimeout = in.readLong();
		String checksum = in.readUTF();
		long fileDigest = in.readLong();
		return new Entry(name, size, modified, fileKey, id, down, labels, dependsOn, message, createDate, transactional,
				lockTimeout, statementTimeout, checksum, fileDigest);
	}

	private static void writeList(DataOutputStream out, List<String> values) throws IOException {
		out.writeShort(values.size());
		for (String value : values) {
			out.writeUTF(value);
		}
	}

	private static List<String> readList(DataInputStream in) throws IOException {
		int n = in.readUnsignedShort();
		if (n == 0) {
			return List.of();
		}
		List<String> values = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			values.add(in.readUTF());
		}
		return values;
	}

}
