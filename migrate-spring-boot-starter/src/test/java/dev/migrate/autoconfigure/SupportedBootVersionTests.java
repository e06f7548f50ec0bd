package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Boot 3 is refused at start with the supported versions; Boot 4.0 and 4.1 pass. */
class SupportedBootVersionTests {

	@Test
	void boot3IsRefusedNamingTheVersions() {
		assertThatIllegalStateException().isThrownBy(() -> SupportedBootVersion.check("3.5.7"))
			.withMessage("migrate-spring-boot-starter supports Spring Boot 4.0.x and 4.1.x on Java 17 or newer, but"
					+ " this application runs Spring Boot 3.5.7: upgrade the application to Spring Boot 4, or remove"
					+ " the starter and run migrations with the migrate command line (migrate upgrade head)");
	}

	@Test
	void boot4Passes() {
		assertThatCode(() -> {
			SupportedBootVersion.check("4.0.7");
			SupportedBootVersion.check("4.1.2");
			SupportedBootVersion.check(SpringBootVersion.getVersion());
			SupportedBootVersion.check(null);
		}).doesNotThrowAnyException();
	}

	@Test
	void isRegisteredAsAnApplicationListenerAndAStartingApplicationPassesIt() {
		assertThat(SpringFactoriesLoader.loadFactories(ApplicationListener.class, getClass().getClassLoader()))
			.hasAtLeastOneElementOfType(SupportedBootVersion.class);
		assertThat(new SpringApplication().getListeners()).hasAtLeastOneElementOfType(SupportedBootVersion.class);
	}

}
