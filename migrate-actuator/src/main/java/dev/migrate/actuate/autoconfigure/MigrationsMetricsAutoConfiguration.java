package dev.migrate.actuate.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import dev.migrate.actuate.metrics.MigrationMetrics;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.Migrator;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Micrometer meters for migrations: revisions run and failed, step
 * durations and pending revisions.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ Migrator.class, MeterRegistry.class })
@ConditionalOnBean({ MeterRegistry.class, Migrator.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationMetrics migrationMetrics(ObjectProvider<MeterRegistry> registry, ListableBeanFactory beanFactory) {
		return new MigrationMetrics(registry, beanFactory);
	}

}
