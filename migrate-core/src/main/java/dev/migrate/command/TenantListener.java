package dev.migrate.command;

/**
 * Progress of a {@link TenantMigrator} run. Called on the worker threads, several at once when the
 * run is parallel: implementations must be thread-safe. Exceptions they throw are logged and
 * ignored.
 */
public interface TenantListener {

	/** A tenant's work starts. */
	default void started(Tenant tenant) {
	}

	/** A listener for the steps of this tenant, or null. */
	default MigrationListener steps(Tenant tenant) {
		return null;
	}

	/** A tenant's work ended, well or not; {@code done} of {@code total} tenants have ended. */
	default void finished(TenantResult result, int done, int total) {
	}

}
