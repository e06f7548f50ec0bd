package dev.migrate.autoconfigure.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.ConfigurationException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application without entities ({@link LintApplication}'s package has none): with the model
 * packages defaulted to the application's package the drift check is skipped with a log line, as
 * docs/spring-boot.md says, even with {@code migrate.drift=fail}; a package named in
 * {@code migrate.model-packages} that holds no models is a mistake and fails start-up naming it.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoModelsDriftTests {

	private SpringApplicationBuilder application(TestDatabase db, String... properties) {
		return new SpringApplicationBuilder(LintApplication.class)
			.properties("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.main.web-application-type=none", "migrate.locations=classpath:db/lint",
					"migrate.drift=fail")
			.properties(properties);
	}

	@Test
	void defaultedPackageWithoutModelsSkipsTheDriftCheck(CapturedOutput output) {
		TestDatabase db = TestDatabases.freshPostgres();
		try (ConfigurableApplicationContext context = application(db).run()) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output).contains("no models found in [dev.migrate.autoconfigure.lint], drift check skipped");
	}

	@Test
	void configuredPackageWithoutModelsFailsNamingIt() {
		TestDatabase db = TestDatabases.freshPostgres();
		assertThatThrownBy(() -> application(db, "migrate.model-packages=dev.migrate.autoconfigure.lint").run())
			.rootCause()
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("Model package 'dev.migrate.autoconfigure.lint' has no @Entity classes");
	}

}
