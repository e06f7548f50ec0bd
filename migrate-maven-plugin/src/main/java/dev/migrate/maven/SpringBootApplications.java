package dev.migrate.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migrate.MigrateException;

/**
 * Finds the project's {@code @SpringBootApplication} class among its compiled classes without
 * loading them: the annotation's descriptor is in the class file's constant pool. The starter's
 * default model package is that class's package; the plugin defaults to the same.
 */
final class SpringBootApplications {

	private static final byte[] DESCRIPTOR = "Lorg/springframework/boot/autoconfigure/SpringBootApplication;"
		.getBytes(StandardCharsets.UTF_8);

	private SpringBootApplications() {
	}

	/** The class name of the one {@code @SpringBootApplication} class under {@code classes}, else null. */
	static String find(Path classes) {
		if (!Files.isDirectory(classes)) {
			return null;
		}
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
				if (contains(Files.readAllBytes(file), DESCRIPTOR)) {
					String relative = classes.relativize(file).toString().replace('\\', '/');
					found.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
				}
			}
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot read the compiled classes in " + classes + ": " + ex.getMessage(), ex);
		}
		return (found.size() == 1) ? found.get(0) : null;
	}

	static boolean contains(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
