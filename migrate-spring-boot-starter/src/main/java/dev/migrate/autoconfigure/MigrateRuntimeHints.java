package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import dev.migrate.script.ScriptDirectory;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * What Migrate reads reflectively or as resources at runtime, for Spring AOT processing and native
 * images: the revision index ({@code META-INF/migrate/revisions.idx}), SQL revision files under
 * {@code db/} (the default {@code classpath:db/migrations} and its {@code -<instance>} and
 * {@code {vendor}} variants), and every Java revision class the index lists, which the engine
 * instantiates through its public no-argument constructor and whose {@code @Revision} it reads.
 */
public class MigrateRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern(ScriptDirectory.INDEX_RESOURCE);
		hints.resources().registerPattern("db/*/*.sql");
		hints.resources().registerPattern("db/*/*/*.sql");
		ClassLoader cl = (classLoader != null) ? classLoader : MigrateRuntimeHints.class.getClassLoader();
		try {
			Enumeration<URL> indexes = cl.getResources(ScriptDirectory.INDEX_RESOURCE);
			while (indexes.hasMoreElements()) {
				try (InputStream in = indexes.nextElement().openStream()) {
					for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
						String name = line.strip();
						if (!name.isEmpty() && !name.startsWith("#")) {
							hints.reflection()
								.registerType(TypeReference.of(name), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
										MemberCategory.INVOKE_PUBLIC_METHODS);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + ScriptDirectory.INDEX_RESOURCE, ex);
		}
	}

}
