package dev.migrate.autoconfigure;

import dev.migrate.command.MigrateConfig;
import org.junit.jupiter.api.Test;

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
	}

	@Test
	void compareDefaultsAreAlembics() {
		MigrateProperties properties = new MigrateProperties();
		assertThat(properties.isCompareType())
			.isEqualTo(dev.migrate.autogenerate.CompareOptions.defaults().compareType());
		assertThat(properties.isCompareServerDefault())
			.isEqualTo(dev.migrate.autogenerate.CompareOptions.defaults().compareServerDefault());
	}

}
