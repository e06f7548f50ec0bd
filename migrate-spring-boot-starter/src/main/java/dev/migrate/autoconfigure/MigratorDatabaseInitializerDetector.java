package dev.migrate.autoconfigure;

import java.util.Set;

import dev.migrate.command.Migrator;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link Migrator} beans initialize a database, so that JPA, JdbcTemplate,
 * JdbcClient, jOOQ and the like depend on them. Registered in {@code META-INF/spring.factories}.
 */
class MigratorDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(Migrator.class);
	}

	/** Same batch as Flyway's engine beans. */
	@Override
	public int getOrder() {
		return 0;
	}

}
