package dev.migrate.command;

import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.ConfigurationException;

/**
 * One target of a {@link TenantMigrator}: a schema of the configured DataSource
 * (schema-per-tenant), a DataSource of its own (database-per-tenant), or a schema of its own
 * DataSource.
 *
 * @param name how reports and progress name the tenant (the schema, or the database)
 * @param dataSource the tenant's own DataSource, or null for the configuration's
 * @param schema the schema the tenant's revisions, version table and lock are in, or null for the
 * connection's default schema
 */
public record Tenant(String name, DataSource dataSource, String schema) {

	public Tenant {
		if (name == null || name.isBlank()) {
			throw new ConfigurationException("A tenant needs a name (tenants)");
		}
		name = name.strip();
		schema = (schema == null || schema.isBlank()) ? null : schema.strip();
	}

	/** A schema of the configuration's DataSource, named by the schema. */
	public static Tenant schema(String schema) {
		if (schema == null || schema.isBlank()) {
			throw new ConfigurationException("A tenant schema name is empty (schemas)");
		}
		return new Tenant(schema, null, schema);
	}

	/** A database of its own, in the DataSource's default schema. */
	public static Tenant database(String name, DataSource dataSource) {
		if (dataSource == null) {
			throw new ConfigurationException("Tenant '" + name + "' has no DataSource (tenants)");
		}
		return new Tenant(name, dataSource, null);
	}

	/** One tenant per schema name, in order. */
	public static List<Tenant> schemas(Collection<String> schemas) {
		return schemas.stream().map(Tenant::schema).toList();
	}

}
