package dev.migrate.script;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;

/**
 * Finds and loads the revisions of a set of locations, in load order, and builds their graph.
 *
 * <p>Locations: {@code classpath:db/migrations} (SQL files in that resource directory, also inside
 * jars, and Java revisions in package {@code db.migrations}), {@code filesystem:/path} or a plain
 * directory path (SQL files). Within a location, revisions are sorted by source name (an SQL file's
 * name, a Java class's simple name); locations follow in the order given. That order is the
 * tie-breaker of the graph's topological sort.
 *
 * <p>Java revisions are found through {@code META-INF/migrate/revisions.idx}, written at compile
 * time by {@link RevisionIndexProcessor}. When no index lists a class of a location's package, the
 * package directory is scanned instead and a warning says to enable the processor.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class ScriptDirectory {

	/** The logger, created on first use: finding the logging backend scans the class path, which a start at head need not pay. */
	private static final class Log {

		static final System.Logger logger = System.getLogger(ScriptDirectory.class.getName());

	}

	/** Where the annotation processor lists Java revision classes. */
	public static final String INDEX_RESOURCE = "META-INF/migrate/revisions.idx";

	private static final Set<String> warnedPackages = ConcurrentHashMap.newKeySet();

	/** Load order within a location: by source name (a class rather than a lambda: no bootstrap on a cold start). */
	private static final Comparator<MigrationScript> BY_SOURCE_NAME = new BySourceName();

	private final List<Location> locations;

	private final List<MigrationScript> scripts;

	private final Map<String, MigrationScript> byId;

	private volatile RevisionGraph graph;

	private ScriptDirectory(List<Location> locations, List<MigrationScript> scripts) {
		this.locations = List.copyOf(locations);
		this.scripts = List.copyOf(scripts);
		Map<String, MigrationScript> map = new LinkedHashMap<>();
		for (MigrationScript script : scripts) {
			map.put(script.id(), script);
		}
		this.byId = Collections.unmodifiableMap(map);
	}

	/**
	 * A revision location.
	 *
	 * @param spec the location as configured
	 * @param classpath whether it is a classpath location
	 * @param resourcePath the resource directory ({@code db/migrations}) for classpath locations
	 * @param javaPackage the package of Java revisions ({@code db.migrations}), null for filesystem
	 * @param directory the directory on disk: a filesystem location's directory, or a classpath
	 * location's first exploded directory; null when it lives only in jars or does not exist
	 */
	public record Location(String spec, boolean classpath, String resourcePath, String javaPackage, Path directory) {

		/** Parses {@code classpath:x/y}, {@code filesystem:/p} or a plain path. */
		public static Location parse(String spec, ClassLoader classLoader) {
			String s = spec.strip();
			if (s.startsWith("classpath:")) {
				String path = s.substring("classpath:".length()).replace('\\', '/');
				while (path.startsWith("/")) {
					path = path.substring(1);
				}
				while (path.endsWith("/")) {
					path = path.substring(0, path.length() - 1);
				}
				String pkg = path.replace('/', '.');
				Path dir = null;
				URL url = (classLoader != null) ? classLoader.getResource(path) : null;
				if (url != null && "file".equals(url.getProtocol())) {
					try {
						dir = Paths.get(url.toURI());
					}
					catch (URISyntaxException | IllegalArgumentException ex) {
						dir = null;
					}
				}
				return new Location(spec, true, path, pkg, dir);
			}
			String path = s.startsWith("filesystem:") ? s.substring("filesystem:".length()) : s;
			return new Location(spec, false, null, null, Paths.get(path).toAbsolutePath().normalize());
		}

		/**
		 * Where new SQL revision files of this location belong in a Maven/Gradle source tree rooted at
		 * {@code projectDir}: a filesystem location's directory, or
		 * {@code src/main/resources/<path>} for a classpath location.
		 */
		public Path sourceDirectory(Path projectDir) {
			return this.classpath ? projectDir.resolve("src/main/resources").resolve(this.resourcePath) : this.directory;
		}

		/**
		 * Where new Java revisions of this location belong in a source tree rooted at
		 * {@code projectDir} ({@code src/main/java/<package path>}), or null for a filesystem location.
		 */
		public Path javaSourceDirectory(Path projectDir) {
			return this.classpath ? projectDir.resolve("src/main/java").resolve(this.resourcePath) : null;
		}
	}

	/** Loads every revision of {@code locations} (see the class description). */
	public static ScriptDirectory load(List<String> locations, ClassLoader classLoader) {
		ClassLoader cl = (classLoader != null) ? classLoader : ScriptDirectory.class.getClassLoader();
		List<Location> parsed = new ArrayList<>();
		List<MigrationScript> all = new ArrayList<>();
		Map<String, MigrationScript> seen = new LinkedHashMap<>();
		Set<String> indexed = null;
		for (String spec : locations) {
			Location location = Location.parse(spec, cl);
			parsed.add(location);
			List<MigrationScript> found = new ArrayList<>();
			if (location.classpath()) {
				found.addAll(loadClasspathSql(location, cl));
				if (indexed == null) {
					indexed = readIndex(cl);
				}
				found.addAll(loadJava(location, cl, indexed));
			}
			else {
				found.addAll(loadFilesystemSql(location));
			}
			found.sort(BY_SOURCE_NAME);
			for (MigrationScript script : found) {
				MigrationScript other = seen.putIfAbsent(script.id(), script);
				if (other != null) {
					if (other.origin().equals(script.origin())) {
						continue; // the same resource reached twice (e.g. a location listed twice)
					}
					if (other instanceof SqlMigrationScript a && script instanceof SqlMigrationScript b) {
						if (a.isCopyOf(b)) {
							continue; // one file reached through two locations (sources and build output)
						}
						if (a.source().equals(b.source())) {
							throw new ScriptException(script.origin(), "Duplicate revision id '" + script.id()
									+ "' in " + other.origin() + " and " + script.origin()
									+ ": two copies of one file that differ (a stale build output? rebuild, or"
									+ " list only one of the locations)");
						}
					}
					throw new ScriptException(script.origin(), "Duplicate revision id '" + script.id() + "' in "
							+ other.origin() + " and " + script.origin());
				}
				all.add(script);
			}
		}
		return new ScriptDirectory(parsed, all);
	}

	/** Loads the given scripts as they are (tests, tools); {@code scripts} are in load order. */
	public static ScriptDirectory of(List<MigrationScript> scripts) {
		Map<String, MigrationScript> seen = new LinkedHashMap<>();
		for (MigrationScript script : scripts) {
			MigrationScript other = seen.putIfAbsent(script.id(), script);
			if (other != null) {
				throw new ScriptException(script.origin(), "Duplicate revision id '" + script.id() + "' in "
						+ other.origin() + " and " + script.origin());
			}
		}
		return new ScriptDirectory(List.of(), scripts);
	}

	private static final class BySourceName implements Comparator<MigrationScript> {

		@Override
		public int compare(MigrationScript a, MigrationScript b) {
			return a.sourceName().compareTo(b.sourceName());
		}

	}

	/** The same locations with other scripts (the same ids, in the same order). */
	ScriptDirectory withScripts(List<MigrationScript> replaced) {
		return new ScriptDirectory(this.locations, replaced);
	}

	/** The locations, as configured and resolved. */
	public List<Location> locations() {
		return this.locations;
	}

	/** Every revision, in load order. */
	public List<MigrationScript> scripts() {
		return this.scripts;
	}

	/** The revision with exactly this id, or null. */
	public MigrationScript script(String id) {
		return this.byId.get(id);
	}

	/** The revision graph of these revisions, built and validated on first call. */
	public RevisionGraph graph() {
		RevisionGraph g = this.graph;
		if (g == null) {
			synchronized (this) {
				g = this.graph;
				if (g == null) {
					List<RevisionNode> nodes = new ArrayList<>(this.scripts.size());
					for (MigrationScript script : this.scripts) {
						nodes.add(script.node());
					}
					g = RevisionGraph.of(nodes);
					this.graph = g;
				}
			}
		}
		return g;
	}

	// ---- SQL files

	private static List<MigrationScript> loadFilesystemSql(Location location) {
		Path dir = location.directory();
		if (!Files.isDirectory(dir)) {
			throw new ScriptException(location.spec(), "Revision location '" + location.spec()
					+ "' does not exist or is not a directory: " + dir);
		}
		List<MigrationScript> out = new ArrayList<>();
		// java.io: one call lists the names (no Path per entry), one stat and one stream per SQL file
		File directory = dir.toFile();
		List<String> names = new ArrayList<>();
		for (String name : listNames(directory, dir, location.spec())) {
			if (isSqlRevisionName(name)) {
				names.add(name);
			}
		}
		sortAsPaths(names);
		return loadSqlFiles(dir, directory, names, null);
	}

	/**
	 * The SQL revisions {@code names} (sorted) of directory {@code dir}, through the
	 * {@link RevisionCache} when the directory has enough of them.
	 * @param originPrefix what comes before a file's name in its origin ({@code classpath:db/x/}), or
	 * null for the file's path
	 */
	private static List<MigrationScript> loadSqlFiles(Path dir, File directory, List<String> names, String originPrefix) {
		List<MigrationScript> out = new ArrayList<>(names.size());
		RevisionCache cache = RevisionCache.open(dir, names.size());
		for (String name : names) {
			File file = new File(directory, name);
			Path path = dir.resolve(name);
			String origin = (originPrefix != null) ? originPrefix + name : path.toString();
			if (cache == null) {
				if (!file.isFile()) {
					throw notARevisionFile(path);
				}
				out.add(SqlScriptParser.parse(name, origin, path, read(file, path)));
				continue;
			}
			java.nio.file.attribute.BasicFileAttributes attributes;
			try {
				attributes = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
			}
			catch (IOException ex) {
				throw notARevisionFile(path);
			}
			if (!attributes.isRegularFile()) {
				throw notARevisionFile(path);
			}
			SqlMigrationScript script = cache.lookup(name, origin, path, attributes);
			if (script == null) {
				String text = read(file, path);
				script = SqlScriptParser.parse(name, origin, path, text);
				cache.parsed(name, attributes, script, text);
			}
			out.add(script);
		}
		if (cache != null) {
			cache.save();
		}
		return out;
	}

	/** A {@code *.sql} entry that cannot be a revision: never skipped in silence (a revision would go missing). */
	private static ScriptException notARevisionFile(Path path) {
		String what;
		if (Files.isSymbolicLink(path)) {
			String target;
			try {
				target = String.valueOf(Files.readSymbolicLink(path));
			}
			catch (IOException ex) {
				target = "?";
			}
			what = Files.exists(path) ? "a symbolic link to " + target + ", which is not a regular file"
					: "a symbolic link to " + target + ", which does not exist";
		}
		else if (Files.isDirectory(path)) {
			what = "a directory";
		}
		else if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			what = "not a regular file (a pipe, socket or device)";
		}
		else {
			what = "gone (deleted while loading)";
		}
		return new ScriptException(path.toString(), "Cannot read revision file " + path + ": it is " + what
				+ "; revision files must be regular files: rename it or move it out of the revision location");
	}

	/** The names in a directory; an error is reported as the NIO listing reports it. */
	private static List<String> listNames(File directory, Path dir, String spec) {
		String[] names = directory.list();
		if (names != null) {
			return Arrays.asList(names);
		}
		List<String> out = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			for (Path file : files) {
				out.add(file.getFileName().toString());
			}
		}
		catch (IOException ex) {
			throw new ScriptException(spec, "Cannot read revision location " + dir + ": " + ex.getMessage(), ex);
		}
		return out;
	}

	private static List<MigrationScript> loadClasspathSql(Location location, ClassLoader cl) {
		List<MigrationScript> out = new ArrayList<>();
		for (URL url : resources(cl, location.resourcePath())) {
			if ("file".equals(url.getProtocol())) {
				// an exploded directory (a build's output): its files, through the revision cache
				Path dir = fileDirectory(url, location);
				if (dir != null) {
					List<String> names = new ArrayList<>();
					for (String name : listNames(dir.toFile(), dir, location.spec())) {
						if (isSqlRevisionName(name)) {
							names.add(name);
						}
					}
					sortAsPaths(names);
					out.addAll(loadSqlFiles(dir, dir.toFile(), names, "classpath:" + location.resourcePath() + "/"));
				}
				continue;
			}
			for (Entry entry : list(url, location)) {
				if (isSqlRevisionName(entry.name())) {
					String origin = "classpath:" + location.resourcePath() + "/" + entry.name();
					out.add(SqlScriptParser.parse(entry.name(), origin, entry.file(), entry.content()));
				}
			}
		}
		return out;
	}

	/**
	 * Sorts file names of one directory as their paths sort (by code point, as UTF-8 bytes do). The
	 * natural String order agrees unless a name holds a surrogate pair, which is checked afterwards.
	 */
	static void sortAsPaths(List<String> names) {
		names.sort(null);
		boolean pairs = false;
		for (String name : names) {
			// constant time for Latin-1 names; only a surrogate pair orders differently by code point
			pairs |= name.codePointCount(0, name.length()) != name.length();
		}
		if (!pairs) {
			return;
		}
		for (int i = 1; i < names.size(); i++) {
			if (compareCodePoints(names.get(i - 1), names.get(i)) > 0) {
				names.sort(ScriptDirectory::compareCodePoints);
				return;
			}
		}
	}

	/** Code point order: how file names of one directory sort as paths (UTF-8 bytes), without Path objects. */
	static int compareCodePoints(String a, String b) {
		int n = Math.min(a.length(), b.length());
		for (int i = 0; i < n; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
					return Integer.compare(a.codePointAt(i), b.codePointAt(i));
				}
				return Character.compare(x, y);
			}
		}
		return Integer.compare(a.length(), b.length());
	}

	private static boolean isSqlRevisionName(String name) {
		return name.endsWith(".sql") && !name.startsWith(".");
	}

	// ---- Java classes

	private static List<MigrationScript> loadJava(Location location, ClassLoader cl, Set<String> indexed) {
		String pkg = location.javaPackage();
		List<String> names = new ArrayList<>();
		for (String name : indexed) {
			int dot = name.lastIndexOf('.');
			String classPackage = (dot < 0) ? "" : name.substring(0, dot);
			if (classPackage.equals(pkg)) {
				names.add(name);
			}
		}
		boolean scanned = false;
		if (names.isEmpty()) {
			for (URL url : resources(cl, location.resourcePath())) {
				for (Entry entry : list(url, location)) {
					if (entry.name().endsWith(".class") && !entry.name().contains("$")
							&& !entry.name().equals("package-info.class")) {
						names.add(pkg + "." + entry.name().substring(0, entry.name().length() - ".class".length()));
					}
				}
			}
			scanned = true;
		}
		List<MigrationScript> out = new ArrayList<>();
		for (String name : new LinkedHashSet<>(names)) {
			Class<?> type;
			try {
				type = Class.forName(name, false, cl);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				if (!scanned) {
					Log.logger.log(System.Logger.Level.WARNING, "Revision class {0} is listed in " + INDEX_RESOURCE
							+ " but cannot be loaded ({1}); rebuild the project", name, ex.toString());
				}
				continue;
			}
			Revision revision = type.getAnnotation(Revision.class);
			if (revision == null) {
				if (!scanned) {
					Log.logger.log(System.Logger.Level.WARNING, "Class {0} is listed in " + INDEX_RESOURCE
							+ " but has no @Revision; rebuild the project", name);
				}
				continue;
			}
			out.add(javaScript(type, revision));
		}
		if (scanned && !out.isEmpty() && warnedPackages.add(pkg)) {
			Log.logger.log(System.Logger.Level.WARNING, "Java revisions in package {0} were found by scanning, not through "
					+ INDEX_RESOURCE + ": compile them with migrate-core on the annotation processor path "
					+ "(dev.migrate.script.RevisionIndexProcessor) so start-up does not scan", pkg);
		}
		return out;
	}

	/** Builds the script for an annotated class, checking what the compiler cannot. */
	@SuppressWarnings("unchecked")
	static JavaMigrationScript javaScript(Class<?> type, Revision revision) {
		String origin = type.getName();
		if (!Migration.class.isAssignableFrom(type)) {
			throw new ScriptException(origin, "Bad revision class " + origin + ": @Revision class does not implement "
					+ Migration.class.getName());
		}
		if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
			throw new ScriptException(origin, "Bad revision class " + origin + ": @Revision class is abstract");
		}
		try {
			Constructor<?> ctor = type.getDeclaredConstructor();
			if (!Modifier.isPublic(ctor.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
				throw new NoSuchMethodException();
			}
		}
		catch (NoSuchMethodException ex) {
			throw new ScriptException(origin, "Bad revision class " + origin
					+ ": needs to be public with a public no-argument constructor");
		}
		String id = revision.id().strip();
		checkJavaId(origin, id, "id");
		List<String> down = clean(revision.down());
		for (String d : down) {
			checkJavaId(origin, d, "down");
		}
		if (down.contains(id)) {
			throw new ScriptException(origin, "Bad revision class " + origin + ": revision " + id
					+ " names itself as down revision");
		}
		RevisionNode node = new RevisionNode(id, down, clean(revision.branchLabels()), clean(revision.dependsOn()));
		return new JavaMigrationScript(node, revision.message(), revision.createDate(),
				(Class<? extends Migration>) type, revision.transactional());
	}

	private static void checkJavaId(String origin, String id, String attribute) {
		if (!MigrationScript.ID_PATTERN.matcher(id).matches()) {
			throw new ScriptException(origin, "Bad revision class " + origin + ": bad " + attribute + " '" + id
					+ "' (use letters, digits and underscores, at most 32 characters)");
		}
	}

	private static List<String> clean(String[] values) {
		return Arrays.stream(values).map(String::strip).filter((v) -> !v.isEmpty() && !v.equalsIgnoreCase("none")).toList();
	}

	/** Every class name listed by every index on the class path. */
	private static Set<String> readIndex(ClassLoader cl) {
		Set<String> names = new LinkedHashSet<>();
		for (URL url : resources(cl, INDEX_RESOURCE)) {
			try (InputStream in = open(url)) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
					String name = line.strip();
					if (!name.isEmpty() && !name.startsWith("#")) {
						names.add(name);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + url, ex);
			}
		}
		return names;
	}

	// ---- listing resource directories (file: and jar: URLs)

	private record Entry(String name, Path file, String content) {
	}

	private static List<URL> resources(ClassLoader cl, String path) {
		try {
			Map<String, URL> unique = new LinkedHashMap<>();
			Enumeration<URL> urls = cl.getResources(path);
			while (urls.hasMoreElements()) {
				URL url = urls.nextElement();
				unique.putIfAbsent(url.toExternalForm(), url);
			}
			return new ArrayList<>(unique.values());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list class path resources " + path, ex);
		}
	}

	/** The directory of a {@code file:} resource URL, or null when it is not one. */
	private static Path fileDirectory(URL url, Location location) {
		try {
			Path dir = Paths.get(url.toURI());
			return Files.isDirectory(dir) ? dir : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new ScriptException(location.spec(), "Cannot read revision location " + location.spec() + " at " + url
					+ ": " + ex.getMessage(), ex);
		}
	}

	/** Direct children of a resource directory (files only), with their content. */
	private static List<Entry> list(URL url, Location location) {
		List<Entry> out = new ArrayList<>();
		try {
			if ("file".equals(url.getProtocol())) {
				Path dir = Paths.get(url.toURI());
				if (!Files.isDirectory(dir)) {
					return out;
				}
				File directory = dir.toFile();
				String[] listed = directory.list();
				List<String> names = new ArrayList<>();
				if (listed != null) {
					names.addAll(Arrays.asList(listed));
				}
				else {
					try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
						for (Path file : files) {
							names.add(file.getFileName().toString());
						}
					}
				}
				sortAsPaths(names);
				for (String name : names) {
					File file = new File(directory, name);
					if (file.isFile()) {
						Path path = dir.resolve(name);
						out.add(new Entry(name, path, name.endsWith(".sql") ? read(file, path) : null));
					}
					else if (isSqlRevisionName(name)) {
						throw notARevisionFile(dir.resolve(name));
					}
				}
				return out;
			}
			URLConnection connection = url.openConnection();
			if (connection instanceof JarURLConnection jar) {
				jar.setUseCaches(false);
				try (JarFile jarFile = jar.getJarFile()) {
					String prefix = jar.getEntryName();
					prefix = (prefix == null || prefix.isEmpty()) ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
					List<JarEntry> entries = new ArrayList<>();
					for (Enumeration<JarEntry> e = jarFile.entries(); e.hasMoreElements();) {
						JarEntry entry = e.nextElement();
						String name = entry.getName();
						if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
							entries.add(entry);
						}
					}
					entries.sort(Comparator.comparing(JarEntry::getName));
					for (JarEntry entry : entries) {
						String name = entry.getName().substring(prefix.length());
						String content = null;
						if (name.endsWith(".sql")) {
							try (InputStream in = jarFile.getInputStream(entry)) {
								content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
							}
						}
						out.add(new Entry(name, null, content));
					}
				}
				return out;
			}
			Log.logger.log(System.Logger.Level.WARNING, "Cannot list revision location {0} at {1}: unsupported URL type",
					location.spec(), url);
			return out;
		}
		catch (IOException | URISyntaxException ex) {
			throw new ScriptException(location.spec(), "Cannot read revision location " + location.spec() + " at " + url
					+ ": " + ex.getMessage(), ex);
		}
	}

	private static InputStream open(URL url) throws IOException {
		URLConnection connection = url.openConnection();
		connection.setUseCaches(false);
		return connection.getInputStream();
	}

	static String read(File file, Path path) {
		// a plain stream (fewer classes and calls on a cold start than Files.readString); anything
		// unusual (an error, a replaced character) is read again as Files.readString reads it, so
		// malformed UTF-8 and unreadable files fail with the same messages
		try (InputStream in = new FileInputStream(file)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (text.indexOf('\uFFFD') < 0) {
				return text; // nothing was replaced: the bytes are well-formed UTF-8
			}
		}
		catch (IOException ex) {
			// reported below
		}
		return read(path);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new ScriptException(file.toString(), "Cannot read revision file " + file + ": it is not UTF-8 (invalid byte "
					+ sequenceAt(file) + "); save it as UTF-8", ex);
		}
		catch (java.nio.file.AccessDeniedException ex) {
			throw new ScriptException(file.toString(), "Cannot read revision file " + file
					+ ": permission denied (the user running migrate cannot read it)", ex);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new ScriptException(file.toString(), "Cannot read revision file " + file + ": it does not exist", ex);
		}
		catch (IOException ex) {
			String cause = ex.getMessage();
			if (cause == null || cause.equals(file.toString())) {
				cause = ex.getClass().getSimpleName();
			}
			throw new ScriptException(file.toString(), "Cannot read revision file " + file + ": " + cause, ex);
		}
	}

	/** {@code 0xE9 at byte offset 118}: the first byte that is not well-formed UTF-8. */
	private static String sequenceAt(Path file) {
		try {
			java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
			java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
				.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
				.decode(bytes, java.nio.CharBuffer.allocate(bytes.remaining()), true);
			if (result.isError()) {
				int offset = bytes.position();
				return String.format("0x%02X at byte offset %d", bytes.get(offset) & 0xff, offset);
			}
		}
		catch (IOException ex) {
			// the offset is a detail
		}
		return "sequence";
	}

}
