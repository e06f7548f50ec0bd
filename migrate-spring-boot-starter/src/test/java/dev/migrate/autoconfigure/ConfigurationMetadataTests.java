package dev.migrate.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated configuration metadata, the test-slice imports and the detector registration. */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionInTheGeneratedMetadata() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			List<Map<String, Object>> properties = JsonPath.read(in, "$.properties[?(@.name =~ /migrate\\..*/)]");
			assertThat(properties).extracting((p) -> p.get("name"))
				.contains("migrate.enabled", "migrate.target", "migrate.locations", "migrate.version-table",
						"migrate.schema", "migrate.mode", "migrate.compare-type", "migrate.compare-server-default",
						"migrate.drift", "migrate.model-packages", "migrate.transaction-per-migration",
						"migrate.lock-timeout", "migrate.lock-lease", "migrate.lock-renew-interval", "migrate.log-table", "migrate.url", "migrate.user", "migrate.password",
						"migrate.instances");
			assertThat(properties).allSatisfy((p) -> assertThat(p.get("description")).as("%s", p.get("name")).isNotNull());
		}
	}

	@Test
	void testSlicesThatInitializeDataSourcesIncludeMigrate() {
		assertThat(ImportCandidates.load(AutoConfigureDataSourceInitialization.class, getClass().getClassLoader()))
			.contains(MigrateAutoConfiguration.class.getName());
	}

	@Test
	void databaseInitializerDetectorsAreRegistered() {
		assertThat(SpringFactoriesLoader.loadFactories(DatabaseInitializerDetector.class, getClass().getClassLoader()))
			.hasAtLeastOneElementOfType(MigratorDatabaseInitializerDetector.class)
			.hasAtLeastOneElementOfType(MigrateInitializerDatabaseInitializerDetector.class);
	}

}
