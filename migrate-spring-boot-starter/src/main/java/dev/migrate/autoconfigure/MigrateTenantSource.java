package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.command.Tenant;

/**
 * The tenants the starter migrates, for example read from a tenant registry. Define a bean of
 * this type to replace {@code migrate.tenants.schemas}; it is asked on boot and on every read of
 * the endpoint and health, so tenants registered later show up there. Query the DataSource
 * directly: a JdbcTemplate bean waits for the migration and so cannot be used here.
 */
@FunctionalInterface
public interface MigrateTenantSource {

	/** The tenants, in the order they are reported. */
	List<Tenant> tenants();

	/** A fixed list of schemas of the primary DataSource. */
	static MigrateTenantSource schemas(List<String> schemas) {
		List<Tenant> tenants = Tenant.schemas(schemas);
		return () -> tenants;
	}

}
