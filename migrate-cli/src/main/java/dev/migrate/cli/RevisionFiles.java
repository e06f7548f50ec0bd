package dev.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.lang.model.SourceVersion;

import dev.migrate.ConfigurationException;
import dev.migrate.script.ScriptWriter;

/**
 * Where {@code revision} and {@code merge} write new files, and in which Java package: the
 * {@code versions-dir} setting, else the first directory of {@code script-location}; the
 * {@code package} setting, else derived from the directory (the part after a {@code java}
 * directory, as in {@code src/main/java/db/migrations}; else the directory relative to the
 * directory of the config file, {@code db/versions} giving {@code db.versions}; else its last name).
 */
final class RevisionFiles {

	private RevisionFiles() {
	}

	static Path versionsDirectory(CliContext context) {
		String configured = context.settings().get("versions-dir");
		if (configured != null) {
			return context.settings().path(configured);
		}
		String locations = context.settings().require("script-location", "where the revisions are");
		for (String location : Settings.split(locations, false)) {
			if (!location.startsWith("classpath:")) {
				return context.directoryOf(location);
			}
		}
		throw new ConfigurationException("No directory to write the new revision to: script-location '" + locations
				+ "' has only classpath: locations; set 'versions-dir' (--versions-dir, MIGRATE_VERSIONS_DIR) to the "
				+ "source directory of those revisions");
	}

	static String packageName(CliContext context, Path directory) {
		String configured = context.settings().get("package");
		if (configured != null) {
			if (!ScriptWriter.isValidPackage(configured)) {
				throw new ConfigurationException("Invalid Java package '" + configured + "' (package)");
			}
			return configured;
		}
		Path dir = directory.toAbsolutePath().normalize();
		Path projectDir = context.settings().configFile().getParent();
		List<String> names = new ArrayList<>();
		dir.forEach((p) -> names.add(p.toString()));
		int java = names.lastIndexOf("java");
		List<String> segments;
		if (java >= 0) {
			segments = names.subList(java + 1, names.size());
		}
		else if (dir.startsWith(projectDir) && !dir.equals(projectDir)) {
			segments = new ArrayList<>();
			projectDir.relativize(dir).forEach((p) -> segments.add(p.toString()));
		}
		else {
			segments = List.of(dir.getFileName().toString());
		}
		String pkg = String.join(".", segments);
		for (String segment : segments) {
			if (!SourceVersion.isIdentifier(segment) || SourceVersion.isKeyword(segment)) {
				throw new ConfigurationException("Cannot derive a Java package from directory " + dir
						+ " ('" + segment + "' is not a Java identifier): set 'package' (--package, MIGRATE_PACKAGE)");
			}
		}
		return pkg;
	}

}
