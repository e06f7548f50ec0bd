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
						"migrate.instances", "migrate.baseline-revision", "migrate.baseline-on-migrate",
						"migrate.connect-retries", "migrate.connect-retries-interval", "migrate.init-sqls",
						"migrate.create-schemas", "migrate.arguments", "migrate.placeholders.enabled",
						"migrate.drift-include-schemas", "migrate.drift-exclude-tables", "migrate.validate-checksums",
						"migrate.drift-extras");
			assertThat(properties).allSatisfy((p) -> assertThat(p.get("description")).as("%s", p.get("name")).isNotNull());
		}
	}

	@Test
	void newPropertiesHaveTheirDefaultsAndInstancesGetHints() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat((List<Object>) JsonPath.read(json, "$.properties[?(@.name == 'migrate.baseline-on-migrate')].defaultValue"))
				.containsExactly(false);
			assertThat((List<Object>) JsonPath.read(json, "$.properties[?(@.name == 'migrate.connect-retries')].defaultValue"))
				.containsExactly(0);
			assertThat((List<Object>) JsonPath.read(json, "$.properties[?(@.name == 'migrate.create-schemas')].defaultValue"))
				.containsExactly(true);
			assertThat((List<Object>) JsonPath.read(json, "$.properties[?(@.name == 'migrate.placeholders.enabled')].defaultValue"))
				.containsExactly(false);
			assertThat((List<Object>) JsonPath.read(json, "$.properties[?(@.name == 'migrate.validate-checksums')].defaultValue"))
				.containsExactly(true);
			assertThat((List<Object>) JsonPath.read(json, "$.hints[*].name")).contains("migrate.instances.values",
					"migrate.baseline-revision");
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
