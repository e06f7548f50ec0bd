package dev.migrate.autoconfigure;

/**
 * What happens to each database on boot, before the drift check. Define a bean of this type to
 * replace the default ({@link DefaultMigrateMigrationStrategy}: upgrade, validate or nothing by
 * {@code migrate.mode}), for example to run a downgrade first or to migrate from a separate job.
 */
@FunctionalInterface
public interface MigrateMigrationStrategy {

	/** Brings {@code instance}'s database to where it should be (or checks it is there). */
	void migrate(MigrateInstance instance);

}
