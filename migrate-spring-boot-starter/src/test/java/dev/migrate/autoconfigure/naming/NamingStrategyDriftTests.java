package dev.migrate.autoconfigure.naming;

import dev.migrate.ConfigurationException;
import dev.migrate.autoconfigure.MigrateDriftException;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drift check reads the models with the application's Hibernate naming strategies: a table
 * made with snake_case columns matches Spring Boot's default naming and is drift under
 * {@code PhysicalNamingStrategyStandardImpl} (where Hibernate would query {@code firstName}).
 */
class NamingStrategyDriftTests {

	static final TestDatabase db = TestDatabases.freshPostgres();

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(NamingApplication.class)
			.properties("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.main.web-application-type=none", "migrate.locations=classpath:db/naming",
					"migrate.model-packages=dev.migrate.autoconfigure.naming", "migrate.drift=fail")
			.properties(properties)
			.run();
	}

	@Test
	void springBootsDefaultNamingMatchesSnakeCaseColumns() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void standardPhysicalNamingIsDriftAgainstSnakeCaseColumns() {
		assertThatThrownBy(() -> run("spring.jpa.hibernate.naming.physical-strategy="
				+ "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl"))
			.hasRootCauseInstanceOf(MigrateDriftException.class)
			.rootCause()
			.hasMessageContaining("firstname")
			.hasMessageContaining("first_name");
	}

	@Test
	void theApplicationsOwnStrategyClassIsApplied() {
		try (ConfigurableApplicationContext context = run(
				"spring.jpa.hibernate.naming.physical-strategy=" + SnakeCaseStrategy.class.getName())) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void aStrategyTheModelsCannotBeReadWithFailsTheCheckNamingIt() {
		assertThatThrownBy(() -> run("spring.jpa.hibernate.naming.physical-strategy="
				+ SnakeCaseStrategy.Prefixed.class.getName()))
			.hasRootCauseInstanceOf(ConfigurationException.class)
			.rootCause()
			.hasMessageContaining(SnakeCaseStrategy.Prefixed.class.getName())
			.hasMessageContaining("names tables and columns differently");
		assertThatThrownBy(() -> run("spring.jpa.hibernate.naming.implicit-strategy=com.example.NoSuchStrategy"))
			.rootCause()
			.hasMessageContaining("Implicit naming strategy 'com.example.NoSuchStrategy'");
	}

}
