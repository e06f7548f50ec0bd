package dev.migrate.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectPropertiesTests {

	@TempDir
	Path dir;

	private ProjectProperties load(Map<String, String> env) {
		return ProjectProperties.load(List.of(this.dir), env::get);
	}

	@Test
	void readsYamlAsSpringBootFlattensIt() throws IOException {
		Files.writeString(this.dir.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:postgresql://${PGHOST:localhost}:${PGPORT:5432}/shop
				    username: app
				migrate:
				  modelPackages: [shop.model, shop.other]
				  locations:
				    - classpath:db/migrations
				    - classpath:db/more
				  compare_type: false
				other:
				  url: ignored
				---
				spring:
				  config:
				    activate:
				      on-profile: production
				  datasource:
				    url: jdbc:postgresql://prod/shop
				""");
		ProjectProperties props = load(Map.of("PGPORT", "6543"));
		assertThat(props.get("migrate.url", "spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:6543/shop");
		assertThat(props.get("spring.datasource.username")).isEqualTo("app");
		assertThat(props.get("migrate.model-packages")).isEqualTo("shop.model,shop.other");
		assertThat(props.get("migrate.locations")).isEqualTo("classpath:db/migrations,classpath:db/more");
		assertThat(props.get("migrate.compare-type")).isEqualTo("false");
		assertThat(props.get("other.url")).isNull();
		assertThat(props.origin("spring.datasource.url")).contains("application.yml");
	}

	@Test
	void propertiesWinOverYaml() throws IOException {
		Files.writeString(this.dir.resolve("application.yml"), "migrate:\n  version-table: from_yaml\n  schema: app\n");
		Files.writeString(this.dir.resolve("application.properties"), "migrate.versionTable=from_properties\n");
		ProjectProperties props = load(Map.of());
		assertThat(props.get("migrate.version-table")).isEqualTo("from_properties");
		assertThat(props.get("migrate.schema")).isEqualTo("app");
	}

	@Test
	void noFilesNoValues() {
		assertThat(load(Map.of()).get("migrate.url", "spring.datasource.url")).isNull();
	}

	@Test
	void unresolvablePlaceholderNamesTheKeyAndFileWhenRead() throws IOException {
		Files.writeString(this.dir.resolve("application.properties"),
				"spring.datasource.url=${DATABASE_URL}\nmigrate.schema=app\n");
		ProjectProperties props = load(Map.of());
		assertThat(props.get("migrate.schema")).isEqualTo("app");
		assertThatThrownBy(() -> props.get("spring.datasource.url")).isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("'${DATABASE_URL}' of 'spring.datasource.url'")
			.hasMessageContaining("application.properties");
	}

	@Test
	void malformedYamlIsOneLineNamingTheFile() throws IOException {
		Files.writeString(this.dir.resolve("application.yml"), "migrate:\n  url: [unclosed\n");
		assertThatThrownBy(() -> load(Map.of())).isInstanceOf(ConfigurationException.class)
			.hasMessageStartingWith("Cannot read " + this.dir.resolve("application.yml"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

}
