package dev.migrate.model;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.migrate.ConfigurationException;

/** Lists the classes of a package and its sub-packages from the class loader's directories and jars. */
final class ClassScanner {

	private ClassScanner() {
	}

	static List<Class<?>> scan(ClassLoader classLoader, String packageName) {
		String path = packageName.replace('.', '/');
		TreeSet<String> names = new TreeSet<>();
		try {
			Enumeration<URL> roots = classLoader.getResources(path);
			while (roots.hasMoreElements()) {
				URL url = roots.nextElement();
				if ("file".equals(url.getProtocol())) {
					scanDirectory(toPath(url), packageName, names);
				}
				else if ("jar".equals(url.getProtocol())) {
					scanJar(url, path, names);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not scan package '" + packageName + "' for models", ex);
		}
		if (names.isEmpty()) {
			// jars written without directory entries are invisible to getResources(package)
			for (Path jar : classPathJars(classLoader)) {
				scanJarFile(jar, path, names);
			}
		}
		List<Class<?>> classes = new ArrayList<>();
		for (String name : names) {
			try {
				classes.add(Class.forName(name, false, classLoader));
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// a class whose dependencies are absent cannot be a model we can read
			}
		}
		return classes;
	}

	private static Path toPath(URL url) {
		try {
			return Paths.get(url.toURI());
		}
		catch (URISyntaxException ex) {
			return Paths.get(URLDecoder.decode(url.getPath(), StandardCharsets.UTF_8));
		}
	}

	private static void scanDirectory(Path dir, String packageName, TreeSet<String> names) throws IOException {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.filter((f) -> f.toString().endsWith(".class")).forEach((f) -> {
				String relative = dir.relativize(f).toString().replace(File.separatorChar, '.');
				String name = packageName + "." + relative.substring(0, relative.length() - ".class".length());
				addIfClass(name, names);
			});
		}
	}

	private static void scanJar(URL url, String path, TreeSet<String> names) throws IOException {
		URLConnection connection = url.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new ConfigurationException("Cannot scan " + url + " for models: not a jar");
		}
		jarConnection.setUseCaches(false);
		try (JarFile jar = jarConnection.getJarFile()) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				String entry = entries.nextElement().getName();
				if (entry.startsWith(path + "/") && entry.endsWith(".class")) {
					addIfClass(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'), names);
				}
			}
		}
	}

	private static Set<Path> classPathJars(ClassLoader classLoader) {
		Set<Path> jars = new LinkedHashSet<>();
		for (ClassLoader l = classLoader; l != null; l = l.getParent()) {
			if (l instanceof URLClassLoader urls) {
				for (URL url : urls.getURLs()) {
					if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
						jars.add(toPath(url));
					}
				}
			}
		}
		String classPath = System.getProperty("java.class.path", "");
		for (String entry : classPath.split(File.pathSeparator)) {
			if (entry.endsWith(".jar")) {
				jars.add(Paths.get(entry));
			}
		}
		return jars;
	}

	private static void scanJarFile(Path file, String path, TreeSet<String> names) {
		if (!Files.isRegularFile(file)) {
			return;
		}
		try (JarFile jar = new JarFile(file.toFile())) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				String entry = entries.nextElement().getName();
				if (entry.startsWith(path + "/") && entry.endsWith(".class")) {
					addIfClass(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'), names);
				}
			}
		}
		catch (IOException ex) {
			// not a readable jar: nothing to find in it
		}
	}

	private static void addIfClass(String name, TreeSet<String> names) {
		if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
			names.add(name);
		}
	}

}
