package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.autoconfigure.MigrateProperties.OnFailure;
import dev.migrate.command.Migrator;
import dev.migrate.command.Tenant;
import dev.migrate.command.TenantListener;
import dev.migrate.command.TenantMigrator;
import dev.migrate.command.TenantReport;

/**
 * The tenants of the primary database ({@code migrate.tenants.*} or a {@link MigrateTenantSource}
 * bean) over the primary {@link Migrator}'s revisions: what the initializer upgrades on boot and
 * what the endpoint and health report. Each call asks the source again.
 */
public class MigrateTenants {

	private final Migrator migrator;

	private final MigrateTenantSource source;

	private final int parallelism;

	private final OnFailure onFailure;

	public MigrateTenants(Migrator migrator, MigrateTenantSource source, int parallelism, OnFailure onFailure) {
		this.migrator = migrator;
		this.source = source;
		this.parallelism = parallelism;
		this.onFailure = (onFailure != null) ? onFailure : OnFailure.FAIL;
		if (parallelism < 1) {
			throw new dev.migrate.ConfigurationException(
					"migrate.tenants.parallelism must be at least 1, got " + parallelism);
		}
	}

	/** The Migrator whose revisions and settings every tenant uses. */
	public Migrator migrator() {
		return this.migrator;
	}

	public OnFailure onFailure() {
		return this.onFailure;
	}

	public int parallelism() {
		return this.parallelism;
	}

	/** The tenants, asked of the source now. */
	public List<Tenant> tenants() {
		List<Tenant> tenants = this.source.tenants();
		return (tenants != null) ? List.copyOf(tenants) : List.of();
	}

	/** A run over the current tenants, or null when there are none. */
	public TenantMigrator tenantMigrator(TenantListener listener) {
		List<Tenant> tenants = tenants();
		if (tenants.isEmpty()) {
			return null;
		}
		return TenantMigrator.builder(this.migrator).tenants(tenants).parallelism(this.parallelism).listener(listener).build();
	}

	/** Every tenant's current and pending revisions (an empty report when there are no tenants). */
	public TenantReport status() {
		TenantMigrator tenants = tenantMigrator(null);
		return (tenants != null) ? tenants.status() : new TenantReport("status", List.of(), java.time.Duration.ZERO);
	}

}
