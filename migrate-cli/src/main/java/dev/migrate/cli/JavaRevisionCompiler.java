package dev.migrate.cli;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.script.RevisionIndexProcessor;

/**
 * Compiles the Java revision sources ({@code *.java}) found in the directory locations of the
 * script location, so that a revision written by {@code migrate revision} runs without a build
 * step, as an Alembic script does. The classes are loaded through the {@code classpath:<package>}
 * location of their package. They are cached in {@code <java.io.tmpdir>/migrate-cli-classes/<hash>},
 * the hash covering the sources' contents and the class path's jars, so an unchanged set of
 * revisions is compiled once (with class directories on the class path, every run compiles). Needs a JDK (the system Java compiler).
 */
final class JavaRevisionCompiler implements AutoCloseable {

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

	private Path output;

	private final Set<String> packages = new LinkedHashSet<>();

	/** Java sources directly in {@code directory}, sorted. */
	static List<Path> sources(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".java") && Files.isRegularFile(f))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Compiles {@code sources} against the command line's own classes and {@code classpath}.
	 * @return the output directory
	 */
	Path compile(List<Path> sources, List<Path> classpath) {
		for (Path source : sources) {
			this.packages.add(packageOf(source));
		}
		String hash = hash(sources, classpath);
		if (hash == null) {
			return doCompile(sources, classpath);
		}
		Path cache = Path.of(System.getProperty("java.io.tmpdir"), "migrate-cli-classes", hash);
		if (Files.isDirectory(cache)) {
			return cache;
		}
		Path compiled = doCompile(sources, classpath);
		try {
			Files.createDirectories(cache.getParent());
			Files.move(compiled, cache, StandardCopyOption.ATOMIC_MOVE);
			this.output = null;
			return cache;
		}
		catch (IOException ex) {
			// another run cached the same classes meanwhile, or the cache is not writable: use ours
			return compiled;
		}
	}

	/** The cache key, or null when the class path has directories (nothing to key on). */
	private static String hash(List<Path> sources, List<Path> classpath) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path source : sources) {
				digest.update(source.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
				digest.update(Files.readAllBytes(source));
			}
			List<String> cp = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
			classpath.forEach((p) -> cp.add(p.toString()));
			for (String entry : cp) {
				Path path = Path.of(entry);
				digest.update(entry.getBytes(StandardCharsets.UTF_8));
				if (Files.isRegularFile(path)) {
					digest.update(Long.toString(Files.getLastModifiedTime(path).toMillis()).getBytes(StandardCharsets.UTF_8));
					digest.update(Long.toString(Files.size(path)).getBytes(StandardCharsets.UTF_8));
				}
				else if (Files.isDirectory(path)) {
					return null; // classes in a directory change without it changing: compile afresh
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path doCompile(List<Path> sources, List<Path> classpath) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new ConfigurationException("Java revision " + sources.get(0) + " needs a JDK to compile: run migrate "
					+ "with a JDK, or compile the revisions and put them on --classpath with a classpath: location");
		}
		try {
			this.output = Files.createTempDirectory("migrate-revisions");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> cp = new ArrayList<>();
		cp.add(System.getProperty("java.class.path"));
		classpath.forEach((p) -> cp.add(p.toString()));
		List<String> options = List.of("-d", this.output.toString(), "-classpath", String.join(File.pathSeparator, cp),
				"-processorpath", System.getProperty("java.class.path"), "-processor",
				RevisionIndexProcessor.class.getName(), "-encoding", "UTF-8", "-nowarn", "-g");
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
			boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, options, null, units).call();
			if (!ok) {
				Diagnostic<? extends JavaFileObject> first = diagnostics.getDiagnostics()
					.stream()
					.filter((d) -> d.getKind() == Diagnostic.Kind.ERROR)
					.findFirst()
					.orElse(null);
				String where = (first != null && first.getSource() != null)
						? Path.of(first.getSource().toUri()) + ":" + first.getLineNumber() : sources.get(0).toString();
				String what = (first != null) ? first.getMessage(Locale.ROOT) : "compilation failed";
				throw new MigrateException("Cannot compile Java revision " + where + ": " + CliContext.oneLine(what));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this.output;
	}

	/** The {@code classpath:} locations of the compiled revisions' packages. */
	List<String> locations() {
		return this.packages.stream().map((p) -> "classpath:" + p.replace('.', '/')).toList();
	}

	static String packageOf(Path source) {
		try {
			Matcher m = PACKAGE.matcher(Files.readString(source, StandardCharsets.UTF_8));
			if (!m.find()) {
				throw new MigrateException("Java revision " + source + " has no package declaration; put it in a "
						+ "package (see 'package' in migrate.properties)");
			}
			return m.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.output == null) {
			return;
		}
		try (Stream<Path> walk = Files.walk(this.output)) {
			walk.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory: nothing else to do
		}
	}

}
