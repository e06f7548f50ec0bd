package dev.migrate.actuate.autoconfigure;

import dev.migrate.actuate.endpoint.MigrationsGraphEndpoint;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.command.Migrator;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code migrationsgraph} page, created only when the endpoint is
 * available: its access switched on ({@code management.endpoint.migrationsgraph.access=read-only};
 * it is off by default) and exposed over HTTP.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(value = MigrationsGraphEndpoint.class, exposure = EndpointExposure.WEB)
public final class MigrationsGraphEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(Migrator.class)
	@ConditionalOnMissingBean
	MigrationsGraphEndpoint migrationsGraphEndpoint(ApplicationContext context) {
		return new MigrationsGraphEndpoint(context);
	}

}
