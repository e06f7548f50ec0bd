package dev.migrate.command;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.migrate.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Validation of the engine configuration: one rule for every identifier setting, the lock lease. */
class MigrateConfigTests {

	@Test
	void everyIdentifierSettingFollowsOneRule() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().versionTable("v; DROP TABLE x").build())
			.withMessage("Invalid version table name 'v; DROP TABLE x' (version-table): use letters, digits and underscores, starting with a letter or underscore");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().schema("my schema").build())
			.withMessage("Invalid schema name 'my schema' (schema): use letters, digits and underscores, starting with a letter or underscore");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().logTable("log\"x").build())
			.withMessage("Invalid log table name 'log\"x' (log-table): use letters, digits and underscores, starting with a letter or underscore");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().versionTable("v".repeat(64)).build())
			.withMessage("Invalid version table name '" + "v".repeat(64) + "' (version-table): 64 characters, at most 63 are allowed");
		MigrateConfig ok = MigrateConfig.builder().schema("Other_Meta").logTable("migrate_log").versionTable("alembic_version").build();
		assertThat(ok.schema()).isEqualTo("Other_Meta");
	}

	@Test
	void leaseDefaultsAndLimits() {
		MigrateConfig defaults = MigrateConfig.builder().build();
		assertThat(defaults.lockLease()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.lockRenewInterval()).isEqualTo(Duration.ofMillis(3333));
		assertThat(MigrateConfig.builder().lockLease(Duration.ofSeconds(3)).build().lockRenewInterval())
			.isEqualTo(Duration.ofSeconds(1));
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().lockLease(Duration.ZERO).build())
			.withMessage("lock-lease must be positive, got PT0S");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> MigrateConfig.builder().lockLease(Duration.ofSeconds(2)).lockRenewInterval(Duration.ofSeconds(2)).build())
			.withMessage("lock-renew-interval must be positive and shorter than lock-lease (PT2S), got PT2S");
	}

}
