package dev.migrate.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.migrate.ConfigurationException;

/**
 * The {@code migrate.*} and {@code spring.datasource.*} keys of a Spring project's
 * {@code application.properties} and {@code application.yml}/{@code .yaml} (in its resource
 * directories), flattened to dotted keys as Spring Boot reads them: lists become comma-separated
 * values, keys are compared in their relaxed form ({@code model-packages}, {@code modelPackages}
 * and {@code model_packages} are the same key), {@code ${NAME:default}} placeholders are resolved
 * from the environment and system properties. {@code .properties} win over {@code .yml}, as in Boot.
 */
final class ProjectProperties {

	private final Map<String, String> values;

	private final Map<String, Path> origins;

	private final UnaryOperator<String> lookup;

	private ProjectProperties(Map<String, String> values, Map<String, Path> origins, UnaryOperator<String> lookup) {
		this.values = values;
		this.origins = origins;
		this.lookup = lookup;
	}

	/** Reads {@code application.yml}, {@code .yaml} then {@code .properties} of each directory (later wins). */
	static ProjectProperties load(List<Path> resourceDirectories, UnaryOperator<String> lookup) {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, Path> origins = new LinkedHashMap<>();
		for (Path dir : resourceDirectories) {
			for (String name : List.of("application.yml", "application.yaml", "application.properties")) {
				Path file = dir.resolve(name);
				if (!Files.isRegularFile(file)) {
					continue;
				}
				Map<String, String> read = name.endsWith(".properties") ? readProperties(file) : readYaml(file);
				read.forEach((key, value) -> {
					String relaxed = relaxed(key);
					if (relaxed.startsWith("migrate.") || relaxed.startsWith("spring.datasource.")) {
						values.put(relaxed, value);
						origins.put(relaxed, file);
					}
				});
			}
		}
		return new ProjectProperties(values, origins, lookup);
	}

	/** The value of the first of {@code keys} that is set (relaxed names), placeholders resolved, or null. */
	String get(String... keys) {
		for (String key : keys) {
			String value = this.values.get(relaxed(key));
			if (value != null) {
				value = resolvePlaceholders(value, this.lookup, this.origins.get(relaxed(key)), key).strip();
			}
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

	/** Where the first of {@code keys} that is set comes from, for messages. */
	String origin(String... keys) {
		for (String key : keys) {
			Path file = this.origins.get(relaxed(key));
			if (file != null && this.values.get(relaxed(key)) != null) {
				return "'" + key + "' in " + file;
			}
		}
		return null;
	}

	/** Spring's relaxed binding, as one canonical form: lower case, no dashes or underscores. */
	static String relaxed(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	private static Map<String, String> readProperties(Path file) {
		Properties props = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			props.load(reader);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new ConfigurationException("Cannot read " + file + ": " + ex.getMessage());
		}
		Map<String, String> out = new LinkedHashMap<>();
		for (String name : props.stringPropertyNames()) {
			out.put(name, props.getProperty(name));
		}
		return out;
	}

	/** Every document of the file that is not for a profile ({@code spring.config.activate.on-profile}). */
	private static Map<String, String> readYaml(Path file) {
		Map<String, String> out = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(file)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
				Map<String, String> flat = new LinkedHashMap<>();
				flatten("", document, flat);
				boolean forProfile = flat.keySet().stream().anyMatch((k) -> relaxed(k).startsWith("spring.config.activate.onprofile")
						|| relaxed(k).equals("spring.profiles"));
				if (!forProfile) {
					out.putAll(flat);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new ConfigurationException("Cannot read " + file + ": " + oneLine(ex.getMessage()));
		}
		return out;
	}

	private static void flatten(String prefix, Object node, Map<String, String> out) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
		}
		else if (node instanceof List<?> list) {
			boolean scalars = list.stream().noneMatch((e) -> e instanceof Map || e instanceof List);
			if (scalars) {
				out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
			}
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), out);
			}
		}
		else if (node != null && !prefix.isEmpty()) {
			out.put(prefix, String.valueOf(node));
		}
	}

	/** Resolves {@code ${NAME}} and {@code ${NAME:default}}, innermost first. */
	static String resolvePlaceholders(String value, UnaryOperator<String> lookup, Path file, String key) {
		String text = value;
		for (int guard = 0; guard < 32; guard++) {
			int end = text.indexOf('}');
			int start = (end < 0) ? -1 : text.lastIndexOf("${", end);
			if (start < 0) {
				return text;
			}
			String inner = text.substring(start + 2, end);
			int colon = inner.indexOf(':');
			String name = (colon < 0) ? inner : inner.substring(0, colon);
			String resolved = lookup.apply(name);
			if (resolved == null) {
				if (colon < 0) {
					throw new ConfigurationException("Cannot resolve placeholder '${" + name + "}' of '" + key + "' in "
							+ file + ": set the environment variable " + name + " or give the value with -D");
				}
				resolved = inner.substring(colon + 1);
			}
			text = text.substring(0, start) + resolved + text.substring(end + 1);
		}
		return text;
	}

	private static String oneLine(String text) {
		return (text == null) ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}

}
