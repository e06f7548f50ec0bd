package dev.migrate.model;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.ToolProvider;

import dev.migrate.ConfigurationException;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Models read from a class path as the command line builds it: an entity whose bean-validation
 * and Hibernate annotations resolve only when their jars are there. The JVM drops an annotation it
 * cannot load without a word; the reader must say so.
 */
class ModelClassPathTests {

	@TempDir
	static Path dir;

	static Path annotations;

	static Path entities;

	@BeforeAll
	static void compile() throws Exception {
		annotations = Files.createDirectories(dir.resolve("annotations"));
		entities = Files.createDirectories(dir.resolve("entities"));
		Path src = Files.createDirectories(dir.resolve("src"));
		List<Path> annotationSources = new ArrayList<>();
		annotationSources.add(write(src, "jakarta/validation/constraints/NotBlank.java", annotation("jakarta.validation.constraints", "NotBlank")));
		annotationSources.add(write(src, "jakarta/validation/constraints/NotNull.java", annotation("jakarta.validation.constraints", "NotNull")));
		annotationSources.add(write(src, "org/hibernate/annotations/BatchSize.java", annotation("org.hibernate.annotations", "BatchSize")));
		javac(annotations, System.getProperty("java.class.path"), annotationSources);
		Path owner = write(src, "app/model/Owner.java", """
				package app.model;

				@jakarta.persistence.Entity
				@org.hibernate.annotations.BatchSize
				public class Owner {
					@jakarta.persistence.Id
					private Long id;
					@jakarta.validation.constraints.NotBlank
					private String firstName;
					@jakarta.validation.constraints.NotNull
					private String lastName;
					private String city;
				}
				""");
		javac(entities, System.getProperty("java.class.path") + java.io.File.pathSeparator + annotations,
				List.of(owner));
	}

	static String annotation(String pkg, String name) {
		return "package " + pkg + ";\n@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
				+ "public @interface " + name + " {}\n";
	}

	static Path write(Path root, String path, String text) throws Exception {
		Path file = root.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text);
	}

	static void javac(Path out, String classpath, List<Path> sources) {
		List<String> args = new ArrayList<>(List.of("-classpath", classpath, "-proc:none", "-d", out.toString()));
		sources.forEach((s) -> args.add(s.toString()));
		assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
	}

	static ClassLoader loader(Path... entries) throws Exception {
		URL[] urls = new URL[entries.length];
		for (int i = 0; i < entries.length; i++) {
			urls[i] = entries[i].toUri().toURL();
		}
		return new URLClassLoader(urls, ModelClassPathTests.class.getClassLoader());
	}

	@Test
	void beanValidationOnTheClassPathMakesNotNullColumns() throws Exception {
		List<String> warnings = new ArrayList<>();
		SchemaSnapshot models = Models.fromPackages(loader(entities, annotations), List.of("app.model"),
				Naming.SPRING_BOOT, warnings::add);
		Table owner = models.table("owner").orElseThrow();
		assertThat(owner.column("first_name").orElseThrow().nullable()).isFalse();
		assertThat(owner.column("last_name").orElseThrow().nullable()).isFalse();
		assertThat(owner.column("city").orElseThrow().nullable()).isTrue();
		assertThat(warnings).isEmpty();
	}

	@Test
	void annotationsTheClassPathCannotLoadAreWarningsNamingTheJar() throws Exception {
		List<String> warnings = new ArrayList<>();
		SchemaSnapshot models = Models.fromPackages(loader(entities), List.of("app.model"), Naming.SPRING_BOOT,
				warnings::add);
		// what the JVM makes of it: the constraints are simply not there
		assertThat(models.table("owner").orElseThrow().column("first_name").orElseThrow().nullable()).isTrue();
		assertThat(warnings).containsExactly(
				"Model class app.model.Owner uses @NotBlank, @NotNull from jakarta.validation.constraints, which the "
						+ "models' class path cannot load: add jakarta.validation-api (jakarta.validation:jakarta."
						+ "validation-api) to it, or what those annotations mean for the schema (NOT NULL) is not read",
				"Model class app.model.Owner uses @BatchSize from org.hibernate.annotations, which the models' class "
						+ "path cannot load: add hibernate-core (org.hibernate.orm:hibernate-core) to it, or what those "
						+ "annotations mean for the schema (ON DELETE, column defaults, comments) is not read");
	}

	@Test
	void physicalNamingStrategiesDecideColumnNames() throws Exception {
		ClassLoader loader = loader(entities, annotations);
		Table standard = Models.fromPackages(loader, List.of("app.model"),
				Naming.of(Naming.PHYSICAL_STANDARD, null), (w) -> { }).table("owner").orElseThrow();
		// as Hibernate sends them, unquoted: PostgreSQL and H2 fold them to these
		assertThat(standard.columns()).extracting((c) -> c.name()).containsExactly("id", "firstname", "lastname", "city");
		assertThat(Naming.of("standard", "jpa").toString()).contains("jpa-compliant");
		assertThatThrownBy(() -> Naming.of("com.example.Custom", null, loader))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("Physical naming strategy com.example.Custom")
			.hasMessageContaining("cannot be applied to the models outside Hibernate");
		assertThatThrownBy(() -> Naming.of(null, "com.example.Implicit"))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageStartingWith("Implicit naming strategy 'com.example.Implicit'");
	}

}
