package dev.migrate.model;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URL;
import java.util.List;

import dev.migrate.autogenerate.validation.Member;
import dev.migrate.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Bean Validation constraints count for the DDL only where Hibernate applies them: with a provider present. */
class BeanValidationModelsTest {

	@Test
	void withoutAProviderHibernateAppliesNothingAndNeitherDoesTheReader() {
		Table members = new JpaModelReader(List.of(Member.class), Naming.SPRING_BOOT, false).read().get(0);
		assertThat(members.checkConstraints()).isEmpty();
		assertThat(members.column("name").orElseThrow().type().length()).isEqualTo(100);
		assertThat(members.column("code").orElseThrow().type().length()).isEqualTo(255);
		assertThat(members.column("amount").orElseThrow().type().precision()).isEqualTo(38);
	}

	@Test
	void withAProviderTheConstraintsOfTheDefaultGroupCount() {
		Table members = new JpaModelReader(List.of(Member.class), Naming.SPRING_BOOT, true).read().get(0);
		assertThat(members.checkConstraints()).extracting((c) -> c.condition())
			.containsExactly("age>=18", "age<=130", "score>=-5", "score<=5");
		assertThat(members.column("name").orElseThrow().type().length()).isEqualTo(40);
		assertThat(members.column("code").orElseThrow().type().length()).isEqualTo(12);
		assertThat(members.column("amount").orElseThrow().type().precision()).isEqualTo(7);
		assertThat(members.column("amount").orElseThrow().type().scale()).isEqualTo(2);
	}

	@Test
	void aProviderIsAServiceFileOnTheClassPath(@TempDir Path dir) throws Exception {
		try (URLClassLoader none = new URLClassLoader(new URL[] { dir.toUri().toURL() }, null)) {
			assertThat(BeanValidationDdl.present(none)).isFalse();
		}
		Path services = Files.createDirectories(dir.resolve("META-INF/services"));
		Files.writeString(services.resolve("jakarta.validation.spi.ValidationProvider"), "x.Provider\n");
		try (URLClassLoader one = new URLClassLoader(new URL[] { dir.toUri().toURL() }, null)) {
			assertThat(BeanValidationDdl.present(one)).isTrue();
		}
		// this test class path has one (a stand-in), as an application with Hibernate Validator has
		assertThat(BeanValidationDdl.present(getClass().getClassLoader())).isTrue();
	}

}
