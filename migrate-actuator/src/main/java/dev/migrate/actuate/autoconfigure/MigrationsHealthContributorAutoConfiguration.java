package dev.migrate.actuate.autoconfigure;

import dev.migrate.actuate.health.MigrationsHealthIndicator;
import dev.migrate.actuate.health.MigrationsHealthProperties;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateTenants;
import dev.migrate.command.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrations} health contributor: one indicator per migration
 * bean (a composite when there are several).
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(MigrationsHealthProperties.class)
public final class MigrationsHealthContributorAutoConfiguration
		extends CompositeHealthContributorConfiguration<MigrationsHealthIndicator, Migrator> {

	MigrationsHealthContributorAutoConfiguration(MigrationsHealthProperties properties,
			ObjectProvider<MigrateTenants> tenants) {
		super((migrator) -> new MigrationsHealthIndicator(migrator,
				tenants.stream().filter((t) -> t.migrator() == migrator).findFirst().orElse(null),
				properties.getPendingStatus(), properties.getAheadStatus()));
	}

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, Migrator.class);
	}

}
