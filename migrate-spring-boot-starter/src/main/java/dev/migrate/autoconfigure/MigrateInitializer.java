package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autoconfigure.MigrateProperties.Drift;
import dev.migrate.command.MigrateConfig;
import dev.migrate.model.Models;
import dev.migrate.model.Naming;
import dev.migrate.schema.SchemaSnapshot;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Runs the boot-time behaviour for every database, in order: the {@link MigrateMigrationStrategy}
 * (by default upgrade, validate or nothing by {@code migrate.mode}), then the drift check by
 * {@code migrate.drift}. Beans that use the database are made to wait for this bean through
 * Spring Boot's database-initialization dependency detection.
 */
public class MigrateInitializer implements InitializingBean, Ordered {

	private static final Log logger = LogFactory.getLog(MigrateInitializer.class);

	private final List<MigrateInstance> instances;

	private final MigrateMigrationStrategy strategy;

	private int order = 0;

	private Supplier<Naming> naming = () -> Naming.SPRING_BOOT;

	private MigrateTenants tenants;

	/**
	 * Creates an initializer.
	 * @param instances the databases, in the order they run
	 * @param strategy what happens to each database before the drift check
	 */
	public MigrateInitializer(List<MigrateInstance> instances, MigrateMigrationStrategy strategy) {
		this.instances = List.copyOf(instances);
		this.strategy = (strategy != null) ? strategy : new DefaultMigrateMigrationStrategy();
	}

	@Override
	public void afterPropertiesSet() {
		// SIGTERM/SIGINT while a revision runs: it is rolled back and the migration lock released before exit
		dev.migrate.runtime.MigrationLock.installShutdownHook();
		logger.info("Migrate is active: " + this.instances.stream().map(MigrateInitializer::describe)
			.collect(Collectors.joining("; ")));
		for (MigrateInstance instance : this.instances) {
			if (this.tenants != null && instance.migrator() == this.tenants.migrator()) {
				migrateTenants(instance);
				continue;
			}
			this.strategy.migrate(instance);
			checkDrift(instance);
		}
	}

	/**
	 * The primary database with tenants: every tenant is upgraded (or validated) by
	 * {@code migrate.mode}, at most {@code migrate.tenants.parallelism} at once; failed tenants fail
	 * startup once all ran, or are logged ({@code migrate.tenants.on-failure=continue}). The drift
	 * check and the boot-time lint are not run per tenant.
	 */
	private void migrateTenants(MigrateInstance instance) {
		if (instance.mode() == MigrateProperties.Mode.NONE) {
			logger.info("Migrate: " + instance.beanName() + " mode is none, no tenant migrated on boot");
			return;
		}
		dev.migrate.command.TenantMigrator run = this.tenants.tenantMigrator(new dev.migrate.command.TenantListener() {
			@Override
			public void finished(dev.migrate.command.TenantResult result, int done, int total) {
				if (result.failed()) {
					logger.error("Migrate: tenant " + result.tenant() + " failed (" + done + "/" + total + "): "
							+ result.error());
				}
				else if (logger.isDebugEnabled()) {
					logger.debug("Migrate: tenant " + result.tenant() + " at " + DefaultMigrateMigrationStrategy.ids(
							(result.to() != null) ? result.to() : List.of()) + " (" + done + "/" + total + ")");
				}
			}
		});
		if (run == null) {
			logger.info("Migrate: " + instance.beanName() + ": no tenants, nothing migrated");
			return;
		}
		boolean validate = instance.mode() == MigrateProperties.Mode.VALIDATE;
		dev.migrate.command.TenantReport report = validate ? run.status() : run.upgrade(instance.target());
		List<dev.migrate.command.TenantResult> failed = report.results()
			.stream()
			.filter((r) -> r.failed() || (validate && !r.upToDate()))
			.toList();
		int steps = report.results().stream().mapToInt((r) -> r.steps().size()).sum();
		String summary = "Migrate: " + instance.beanName() + ": " + (validate ? "validated " : "upgraded ")
				+ report.results().size() + " tenants (" + (report.results().size() - failed.size()) + " ok, "
				+ failed.size() + " failed" + (validate ? "" : ", " + steps + " revisions run") + ") in "
				+ report.duration().toMillis() + " ms, parallelism " + this.tenants.parallelism();
		if (failed.isEmpty()) {
			logger.info(summary);
			return;
		}
		MigrateTenantsException ex = new MigrateTenantsException(validate ? "are not at head" : "failed to upgrade",
				report, failed);
		if (this.tenants.onFailure() == MigrateProperties.OnFailure.FAIL) {
			throw ex;
		}
		logger.error(summary + " (migrate.tenants.on-failure=continue): " + ex.getMessage());
	}

	/** The tenants of the primary database, or null for none (the primary database itself is migrated). */
	public void setTenants(MigrateTenants tenants) {
		this.tenants = tenants;
	}

	private static String describe(MigrateInstance instance) {
		MigrateConfig config = instance.migrator().config();
		return instance.beanName() + " (mode " + instance.mode().name().toLowerCase() + ", target "
				+ instance.target() + ", locations " + String.join(",", config.locations()) + ", drift "
				+ instance.drift().name().toLowerCase() + ")";
	}

	/** The databases this initializer runs, in order. */
	public List<MigrateInstance> getInstances() {
		return this.instances;
	}

	private void checkDrift(MigrateInstance instance) {
		if (instance.drift() == Drift.IGNORE) {
			return;
		}
		if (instance.modelPackages().isEmpty()) {
			logger.info("Migrate: " + instance.beanName() + ": no model packages, drift check skipped (set "
					+ instance.propertyPrefix() + "model-packages)");
			return;
		}
		MigrateConfig config = instance.migrator().config();
		SchemaSnapshot models = Models.fromPackages(config.classLoader(), instance.modelPackages(), this.naming.get(),
				(warning) -> logger.warn("Migrate: " + instance.beanName() + ": " + warning),
				!instance.modelPackagesDefaulted());
		if (models.tables().isEmpty()) {
			logger.info("Migrate: " + instance.beanName() + ": no models found in " + instance.modelPackages()
					+ ", drift check skipped");
			return;
		}
		Set<String> ignored = config.ownTables();
		CompareOptions options = new CompareOptions(instance.compareType(), instance.compareServerDefault(), Set.of(),
				Set.of(), instance.driftExtras());
		DriftScope.Found found = new DriftScope(instance.driftIncludeSchemas(), instance.driftExcludeTables())
			.compare(config, models, options, ignored);
		List<String> report = found.differences();
		if (!found.extras().isEmpty()) {
			logger.info("Migrate: " + instance.beanName() + ": in the database only, not in the models ("
					+ instance.propertyPrefix() + "drift-extras: report; fail makes them drift):" + System.lineSeparator()
					+ "  - " + String.join(System.lineSeparator() + "  - ", found.extras()));
		}
		if (report.isEmpty()) {
			logger.info("Migrate: " + instance.beanName() + ": database matches the models in "
					+ instance.modelPackages());
			return;
		}
		if (instance.drift() == Drift.FAIL) {
			throw new MigrateDriftException(instance.beanName(), report);
		}
		logger.warn("Migrate: " + instance.beanName() + ": database differs from the models in "
				+ instance.modelPackages() + " (" + report.size() + "):" + System.lineSeparator() + "  - "
				+ String.join(System.lineSeparator() + "  - ", report));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * How the drift check names the models' tables and columns (by default Spring Boot's naming
	 * strategies; the auto-configuration applies the application's
	 * {@code spring.jpa.hibernate.naming.*}). Resolved when the check runs.
	 */
	public void setNaming(Supplier<Naming> naming) {
		this.naming = naming;
	}

	public void setOrder(int order) {
		this.order = order;
	}

}
