package dev.migrate.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that the {@link MigrateInitializer} initializes the database (after the
 * migration beans), so that every bean using the database waits for the boot-time upgrade.
 * Registered in {@code META-INF/spring.factories}.
 */
class MigrateInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateInitializer.class);
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
