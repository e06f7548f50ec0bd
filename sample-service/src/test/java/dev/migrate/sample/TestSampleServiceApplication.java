package dev.migrate.sample;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * The sample on a PostgreSQL 17 Docker container instead of the embedded server, for developers
 * who have Docker: run this class from the IDE (or
 * {@code ./mvnw -pl sample-service -am spring-boot:test-run}). Spring Boot's
 * {@link ServiceConnection} points the DataSource at the container; the {@code containers}
 * profile switches the embedded server off. The container, and its data, go away on exit.
 */
public final class TestSampleServiceApplication {

	private TestSampleServiceApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleServiceApplication::main)
			.with(ContainersConfiguration.class)
			.withAdditionalProfiles("containers")
			.run(args);
	}

	/** The PostgreSQL container, connected by {@link ServiceConnection}. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ContainersConfiguration {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return new PostgreSQLContainer(SamplePostgres.IMAGE);
		}

	}

}
