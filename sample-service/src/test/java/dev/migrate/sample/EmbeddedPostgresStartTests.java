package dev.migrate.sample;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The README's main job as a newcomer runs it: the default profile starts its own embedded
 * PostgreSQL in a persistent data directory, migrates it to head, and on the next start finds the
 * database at head and applies nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresStartTests {

	@Test
	void theDefaultProfileRunsOnAPersistentEmbeddedPostgres(@TempDir Path dir, CapturedOutput output) {
		Path data = dir.resolve("pgdata");
		String[] args = { "--sample.embedded-postgres.data-directory=" + data, "--sample.embedded-postgres.port=0",
				"--server.port=0" };

		try (ConfigurableApplicationContext context = SpringApplication.run(SampleServiceApplication.class, args)) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:")
				.endsWith("/sample");
			assertThat(versionRows(context)).isEqualTo(SampleMigrations.HEAD);
		}
		assertThat(Files.exists(data.resolve("PG_VERSION"))).as("the data directory is kept").isTrue();
		assertThat(output.getOut()).contains("new database 'sample'");
		assertThat(output.getOut()).contains("upgraded from base to " + SampleMigrations.HEAD);

		int firstStart = output.getOut().length();
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleServiceApplication.class, args)) {
			assertThat(versionRows(context)).isEqualTo(SampleMigrations.HEAD);
		}
		String secondStart = output.getOut().substring(firstStart);
		assertThat(secondStart).contains("existing database 'sample'");
		assertThat(secondStart).doesNotContain("applied upgrade");
		assertThat(secondStart).contains("Database is at head (" + SampleMigrations.HEAD + "), nothing to do");
	}

	@Test
	void anInvalidDatabaseNameIsRefusedNamingTheProperty(@TempDir Path dir) {
		assertThatIllegalStateException()
			.isThrownBy(() -> SpringApplication.run(SampleServiceApplication.class,
					"--sample.embedded-postgres.data-directory=" + dir.resolve("pgdata"),
					"--sample.embedded-postgres.database=Robert'); DROP TABLE students;--", "--server.port=0"))
			.withMessageContaining("sample.embedded-postgres.database");
		assertThat(dir.resolve("pgdata")).as("nothing was started").doesNotExist();
	}

	private static String versionRows(ConfigurableApplicationContext context) {
		return String.join(",", context.getBean(JdbcTemplate.class)
			.queryForList("SELECT version_num FROM migrate_version ORDER BY version_num", String.class));
	}

}
