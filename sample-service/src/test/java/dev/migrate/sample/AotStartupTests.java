package dev.migrate.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.command.Migrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.aot.AotDetector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service after Spring AOT processing (the build runs spring-boot:process-aot), started in
 * JVM mode from the generated {@code SampleServiceApplication__ApplicationContextInitializer}
 * ({@code spring.aot.enabled=true}, set by the build's {@code aot-startup} test run): every
 * revision is applied and the native-image hints name the revision index, the SQL revisions and
 * the Java revision classes.
 */
@EnabledIfSystemProperty(named = "spring.aot.enabled", matches = "true")
class AotStartupTests {

	private static final Path AOT_RESOURCES = Path
		.of("target/spring-aot/main/resources/META-INF/native-image/dev.migrate/sample-service");

	@Test
	void startsFromTheGeneratedInitializerWithEveryRevisionApplied() {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
		assertThat(SampleServiceApplication.class.getClassLoader()
			.getResource("dev/migrate/sample/SampleServiceApplication__ApplicationContextInitializer.class")).isNotNull();
		SamplePostgres.Database db = SamplePostgres.fresh();
		try (SampleApp app = SampleApp.start(db, null)) {
			assertThat(app.context().getClass().getName()).doesNotContain("Annotation");
			Migrator migrator = app.context().getBean(Migrator.class);
			List<String> heads = migrator.graph().heads();
			assertThat(migrator.current()).containsExactlyInAnyOrderElementsOf(heads);
			assertThat(migrator.scripts()).extracting((s) -> s.kind()).contains("java", "sql");
			assertThat(app.get("/api/products").status()).isEqualTo(200);
		}
	}

	@Test
	void theHintsCoverTheRevisions() throws IOException {
		StringBuilder metadata = new StringBuilder();
		try (var files = Files.list(AOT_RESOURCES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).toList()) {
				metadata.append(Files.readString(file).replace("\\/", "/"));
			}
		}
		assertThat(metadata).contains("META-INF/migrate/revisions.idx")
			.contains("db/*/*.sql")
			.contains("db.migrations.CreateBaseTables")
			.contains("db.migrations.AddProductsTable");
	}

}
