package dev.migrate.autoconfigure;

import dev.migrate.command.MigrateConfig;

/**
 * Adjusts the engine configuration of each database after the {@code migrate.*} properties are
 * applied. Customizer beans run in {@link org.springframework.core.annotation.Order @Order}.
 */
@FunctionalInterface
public interface MigrateConfigCustomizer {

	/**
	 * Customizes the configuration of one database.
	 * @param instance instance name ({@value MigrateInstance#PRIMARY} or a key of
	 * {@code migrate.instances})
	 * @param builder the configuration being built
	 */
	void customize(String instance, MigrateConfig.Builder builder);

}
