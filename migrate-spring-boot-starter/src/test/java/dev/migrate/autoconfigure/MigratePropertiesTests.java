package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.Map;

import dev.migrate.command.MigrateConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The property defaults are the engine's defaults, so they never drift apart silently. */
class MigratePropertiesTests {

	@Test
	void defaultValuesAreConsistentWithTheEngine() {
		MigrateProperties properties = new MigrateProperties();
		MigrateConfig config = MigrateConfig.builder().build();
		assertThat(properties.getLocations()).isEqualTo(config.locations());
		assertThat(properties.getVersionTable()).isEqualTo(config.versionTable());
		assertThat(properties.getSchema()).isEqualTo(config.schema());
		assertThat(properties.isTransactionPerMigration()).isEqualTo(config.transactionPerMigration());
		assertThat(properties.getLockTimeout()).isEqualTo(config.lockTimeout());
		assertThat(properties.getLogTable()).isEqualTo(config.logTable());
		assertThat(properties.getTarget()).isEqualTo("head");
		assertThat(properties.getMode()).isEqualTo(MigrateProperties.Mode.UPGRADE);
		// unset means on, as the engine's default
		assertThat(!Boolean.FALSE.equals(properties.getValidateChecksums())).isEqualTo(config.validateChecksums());
	}

	@Test
	void compareDefaultsAreAlembics() {
		MigrateProperties properties = new MigrateProperties();
		assertThat(properties.isCompareType())
			.isEqualTo(dev.migrate.autogenerate.CompareOptions.defaults().compareType());
		assertThat(properties.isCompareServerDefault())
			.isEqualTo(dev.migrate.autogenerate.CompareOptions.defaults().compareServerDefault());
		assertThat(properties.getDriftExtras()).isEqualTo(dev.migrate.autogenerate.CompareOptions.defaults().driftExtras());
		assertThat(new MigrateProperties.Instance().getDriftExtras()).isNull();
	}

	@Test
	void anInstanceStartsWithNothingSetSoItTakesThePrimarySettings() {
		MigrateProperties.Instance instance = new MigrateProperties.Instance();
		assertThat(instance.getTarget()).isNull();
		assertThat(instance.getLocations()).isNull();
		assertThat(instance.getVersionTable()).isNull();
		assertThat(instance.getMode()).isNull();
		assertThat(instance.getDrift()).isNull();
		assertThat(instance.getModelPackages()).isNull();
		assertThat(instance.getLockTimeout()).isNull();
		assertThat(instance.getCompareType()).isNull();
		assertThat(instance.getTransactionPerMigration()).isNull();
		assertThat(instance.getValidateChecksums()).isNull();
		assertThat(instance.isEnabled()).isTrue();
	}

	@Test
	void primaryAndInstanceBindTheSamePropertyNames() {
		Map<String, String> source = Map.of("migrate.target", "abc", "migrate.lock-timeout", "30",
				"migrate.driver-class-name", "org.h2.Driver", "migrate.instances.reports.target", "def",
				"migrate.instances.reports.lock-timeout", "40", "migrate.instances.reports.locations", "classpath:x,classpath:y",
				"migrate.instances.reports.driver-class-name", "org.postgresql.Driver",
				"migrate.instances.reports.mode", "validate");
		MigrateProperties properties = new Binder(new MapConfigurationPropertySource(source))
			.bind("migrate", MigrateProperties.class)
			.get();
		assertThat(properties.getTarget()).isEqualTo("abc");
		assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.getDriverClassName()).isEqualTo("org.h2.Driver");
		assertThat(properties.getVersionTable()).isEqualTo(MigrateConfig.DEFAULT_VERSION_TABLE);
		MigrateProperties.Instance reports = properties.getInstances().get("reports");
		assertThat(reports.getTarget()).isEqualTo("def");
		assertThat(reports.getLockTimeout()).isEqualTo(Duration.ofSeconds(40));
		assertThat(reports.getLocations()).containsExactly("classpath:x", "classpath:y");
		assertThat(reports.getDriverClassName()).isEqualTo("org.postgresql.Driver");
		assertThat(reports.getMode()).isEqualTo(MigrateProperties.Mode.VALIDATE);
		assertThat(reports.getVersionTable()).isNull();
		assertThat(reports.getUrl()).isNull();
		assertThat(reports.getSchema()).isNull();
	}

}
