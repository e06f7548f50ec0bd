package dev.migrate.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the annotations of model classes that their class loader cannot load. The JVM drops such
 * annotations silently ({@link Class#getAnnotations()} does not list them), so an entity's
 * {@code @NotNull} read without {@code jakarta.validation-api} on the class path would simply not
 * be there: the models would lack a NOT NULL the running application has. The class file still
 * names every annotation type in its constant pool; those of the packages the reader interprets
 * are checked here, and each missing jar becomes one warning.
 */
final class UnresolvedAnnotations {

	/** Annotation packages whose meaning for the schema the reader reads, with the jar that has them. */
	private static final Map<String, String[]> PACKAGES = new LinkedHashMap<>();

	static {
		PACKAGES.put("jakarta/validation/constraints/",
				new String[] { "jakarta.validation-api (jakarta.validation:jakarta.validation-api)", "NOT NULL" });
		PACKAGES.put("org/hibernate/annotations/", new String[] { "hibernate-core (org.hibernate.orm:hibernate-core)",
				"ON DELETE, column defaults, comments" });
		PACKAGES.put("jakarta/persistence/",
				new String[] { "jakarta.persistence-api (jakarta.persistence:jakarta.persistence-api)", "the mapping" });
		PACKAGES.put("javax/persistence/",
				new String[] { "javax.persistence-api (javax.persistence:javax.persistence-api)", "the mapping" });
	}

	private static final Pattern DESCRIPTOR = Pattern
		.compile("L((?:jakarta/validation/constraints|org/hibernate/annotations|jakarta/persistence|javax/persistence)"
				+ "/[A-Za-z0-9_$/]+);");

	private UnresolvedAnnotations() {
	}

	/** One warning per missing jar, naming the annotations, a model class using them and the jar. */
	static List<String> of(List<Class<?>> classes) {
		Map<String, Set<String>> missingByPackage = new LinkedHashMap<>();
		Map<String, Set<String>> classesByPackage = new LinkedHashMap<>();
		Set<Class<?>> seen = new LinkedHashSet<>();
		for (Class<?> type : classes) {
			for (Class<?> c = type; c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
				ClassLoader loader = c.getClassLoader();
				if (loader == null) {
					break;
				}
				for (String name : annotationTypes(c, loader)) {
					if (!loadable(name, loader)) {
						String pkg = packageOf(name);
						missingByPackage.computeIfAbsent(pkg, (k) -> new TreeSet<>())
							.add("@" + name.substring(name.lastIndexOf('/') + 1));
						classesByPackage.computeIfAbsent(pkg, (k) -> new TreeSet<>()).add(c.getName());
					}
				}
			}
		}
		List<String> warnings = new ArrayList<>();
		missingByPackage.forEach((pkg, annotations) -> {
			String[] jar = PACKAGES.get(pkg);
			Set<String> users = classesByPackage.get(pkg);
			warnings.add("Model class " + users.iterator().next()
					+ ((users.size() > 1) ? " (and " + (users.size() - 1) + " more)" : "") + " uses "
					+ String.join(", ", annotations) + " from " + pkg.replace('/', '.').replaceAll("\\.$", "")
					+ ", which the models' class path cannot load: add " + jar[0]
					+ " to it, or what those annotations mean for the schema (" + jar[1] + ") is not read");
		});
		return warnings;
	}

	private static Set<String> annotationTypes(Class<?> type, ClassLoader loader) {
		Set<String> names = new LinkedHashSet<>();
		try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
			if (in == null) {
				return names;
			}
			// constant-pool UTF-8 entries of these names are plain ASCII
			Matcher m = DESCRIPTOR.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
			while (m.find()) {
				names.add(m.group(1));
			}
		}
		catch (IOException ex) {
			// unreadable class file: nothing to report beyond what reflection sees
		}
		return names;
	}

	private static boolean loadable(String internalName, ClassLoader loader) {
		try {
			Class.forName(internalName.replace('/', '.'), false, loader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static String packageOf(String internalName) {
		for (String pkg : PACKAGES.keySet()) {
			if (internalName.startsWith(pkg)) {
				return pkg;
			}
		}
		throw new IllegalStateException(internalName);
	}

}
