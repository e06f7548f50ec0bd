package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import dev.migrate.command.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Hibernate (and anything else asking) that a DataSource's schema is managed when a
 * migration bean migrates through it, so that {@code ddl-auto} defaults to {@code none}.
 */
class MigrateSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Migrator> migrators;

	MigrateSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		this.migrators = migrators;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		return this.migrators.stream().anyMatch((migrator) -> dataSource.equals(migrator.config().dataSource()))
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
