package dev.migrate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default model package: the package of the one {@code @SpringBootApplication} class, found
 * in the class files (compiled here against a stand-in of the annotation).
 */
class SpringBootApplicationsTests {

	@TempDir
	Path dir;

	@Test
	void findsTheOneAnnotatedClass() throws IOException {
		Path classes = compile("package com.example.shop; @org.springframework.boot.autoconfigure.SpringBootApplication public class ShopApplication { static class Inner {} }",
				"package com.example.shop.model; public class Book { String springBootApplication = \"SpringBootApplication\"; }");
		assertThat(SpringBootApplications.find(classes)).isEqualTo("com.example.shop.ShopApplication");
	}

	@Test
	void noneOrSeveralIsNoDefault() throws IOException {
		assertThat(SpringBootApplications.find(compile("package a; public class Plain {}"))).isNull();
		assertThat(SpringBootApplications.find(compile(
				"package a; @org.springframework.boot.autoconfigure.SpringBootApplication public class One {}",
				"package b; @org.springframework.boot.autoconfigure.SpringBootApplication public class Two {}")))
			.isNull();
		assertThat(SpringBootApplications.find(this.dir.resolve("missing"))).isNull();
	}

	private Path compile(String... sources) throws IOException {
		Path src = Files.createTempDirectory(this.dir, "src");
		Path out = Files.createTempDirectory(this.dir, "classes");
		List<String> args = new ArrayList<>(List.of("-d", out.toString()));
		List<String> all = new ArrayList<>(List.of("package org.springframework.boot.autoconfigure; "
				+ "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface SpringBootApplication {}"));
		all.addAll(List.of(sources));
		for (String source : all) {
			String pkg = source.substring("package ".length(), source.indexOf(';'));
			String name = source.replaceAll("(?s).*public (?:class|@interface) (\\w+).*", "$1");
			Path file = src.resolve(pkg.replace('.', '/')).resolve(name + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, source);
			args.add(file.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, args.toArray(String[]::new))).isZero();
		// the stand-in annotation is not the project's: only the annotated classes remain to be found
		Files.walk(out.resolve("org")).sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		return out;
	}

}
