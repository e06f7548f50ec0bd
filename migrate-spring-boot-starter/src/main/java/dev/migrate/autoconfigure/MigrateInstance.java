package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.autogenerate.DriftExtras;
import dev.migrate.autoconfigure.MigrateProperties.Drift;
import dev.migrate.autoconfigure.MigrateProperties.Mode;
import dev.migrate.command.Migrator;

/**
 * One database the starter migrates on boot: its bean, its engine and its boot-time settings.
 *
 * @param name instance name ({@value #PRIMARY} for the {@code migrate.*} database, else the key
 * under {@code migrate.instances})
 * @param beanName name of the {@link Migrator} bean
 * @param migrator the engine for this database
 * @param target revision to upgrade to
 * @param mode what to do on boot
 * @param drift what the drift check does
 * @param compareType whether the drift check compares column types
 * @param compareServerDefault whether the drift check compares server defaults
 * @param modelPackages packages holding the models (empty: no drift check)
 * @param propertyPrefix prefix of the properties configuring it, for messages
 * @param driftIncludeSchemas schemas the drift check compares (empty: the version table's)
 * @param driftExcludeTables table name patterns the drift check leaves alone
 * @param modelPackagesDefaulted whether {@code modelPackages} were taken from the application
 * ({@code @EntityScan}, its own package) rather than configured: then finding no models there skips the
 * drift check instead of failing
 * @param driftExtras what the drift check does with what only the database has
 */
public record MigrateInstance(String name, String beanName, Migrator migrator, String target, Mode mode, Drift drift,
		boolean compareType, boolean compareServerDefault, List<String> modelPackages, String propertyPrefix,
		List<String> driftIncludeSchemas, List<String> driftExcludeTables, boolean modelPackagesDefaulted,
		DriftExtras driftExtras) {

	/** Name of the instance configured by {@code migrate.*} directly. */
	public static final String PRIMARY = "primary";

	/**
	 * The name of the {@link Migrator} bean of an instance: {@code migrator} for
	 * {@value #PRIMARY}, {@code <instance>Migrator} for a key of {@code migrate.instances}.
	 */
	public static String beanNameOf(String instance) {
		return MigratorFactory.beanName(instance);
	}

	public MigrateInstance {
		modelPackages = List.copyOf(modelPackages);
		driftIncludeSchemas = List.copyOf(driftIncludeSchemas);
		driftExcludeTables = List.copyOf(driftExcludeTables);
		driftExtras = (driftExtras != null) ? driftExtras : DriftExtras.REPORT;
	}

	/** An instance whose drift check reports what only the database has. */
	public MigrateInstance(String name, String beanName, Migrator migrator, String target, Mode mode, Drift drift,
			boolean compareType, boolean compareServerDefault, List<String> modelPackages, String propertyPrefix,
			List<String> driftIncludeSchemas, List<String> driftExcludeTables, boolean modelPackagesDefaulted) {
		this(name, beanName, migrator, target, mode, drift, compareType, compareServerDefault, modelPackages,
				propertyPrefix, driftIncludeSchemas, driftExcludeTables, modelPackagesDefaulted, DriftExtras.REPORT);
	}

	/** An instance whose drift check compares the version table's schema, every table. */
	public MigrateInstance(String name, String beanName, Migrator migrator, String target, Mode mode, Drift drift,
			boolean compareType, boolean compareServerDefault, List<String> modelPackages, String propertyPrefix) {
		this(name, beanName, migrator, target, mode, drift, compareType, compareServerDefault, modelPackages,
				propertyPrefix, List.of(), List.of(), false);
	}

	/** Whether this is the instance configured by {@code migrate.*} directly. */
	public boolean isPrimary() {
		return PRIMARY.equals(this.name);
	}

}
