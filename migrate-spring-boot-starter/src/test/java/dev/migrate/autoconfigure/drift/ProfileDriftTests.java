package dev.migrate.autoconfigure.drift;

import dev.migrate.autoconfigure.MigrateDriftException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same application on PostgreSQL under two profiles ({@code drift-dev.yml} and
 * {@code drift-production.yml}): development warns about a drifted schema, production refuses
 * to start.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProfileDriftTests {

	static final TestDatabase db = TestDatabases.freshPostgres();

	private SpringApplicationBuilder application(String profile) {
		return new SpringApplicationBuilder(DriftApplication.class).profiles(profile)
			.properties("spring.config.name=drift", "spring.datasource.url=" + db.url(),
					"spring.datasource.username=" + db.user(), "spring.main.web-application-type=none");
	}

	@Test
	void developmentWarnsAboutDriftAndStarts(CapturedOutput output) {
		try (ConfigurableApplicationContext context = application("dev").run()) {
			assertThat(context.isActive()).isTrue();
			assertThat(output).contains("migrator: database differs from the models in [dev.migrate.autoconfigure.drift] (1)")
				.contains("email")
				.doesNotContain("customers.name");
		}
	}

	@Test
	void productionFailsStartupOnDriftWithTheDifferences(CapturedOutput output) {
		assertThatThrownBy(() -> application("production").run()).hasRootCauseInstanceOf(MigrateDriftException.class)
			.rootCause()
			.hasMessageContaining("email");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("customers.name")
			.contains("The database of 'migrator' differs from the application's models (migrate.drift=fail):")
			.contains("migrate revision --autogenerate");
	}

}
