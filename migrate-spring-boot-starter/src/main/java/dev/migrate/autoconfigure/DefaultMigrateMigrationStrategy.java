package dev.migrate.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrate.command.MigrationResult;
import dev.migrate.command.Status;
import dev.migrate.runtime.ChecksumMismatchException;
import dev.migrate.runtime.ChecksumReport;

/**
 * The default boot behaviour by {@code migrate.mode}: {@code upgrade} upgrades to the target
 * under the migration lock, {@code validate} fails unless the database is at head, {@code none}
 * does nothing.
 */
public class DefaultMigrateMigrationStrategy implements MigrateMigrationStrategy {

	private static final Log logger = LogFactory.getLog(DefaultMigrateMigrationStrategy.class);

	private final MigrateProperties.Lint lint;

	/** Lints pending revisions with {@code migrate.lint=warn}. */
	public DefaultMigrateMigrationStrategy() {
		this(MigrateProperties.Lint.WARN);
	}

	/** With {@code migrate.lint}: pending revisions are linted before an upgrade runs them. */
	public DefaultMigrateMigrationStrategy(MigrateProperties.Lint lint) {
		this.lint = (lint != null) ? lint : MigrateProperties.Lint.WARN;
	}

	@Override
	public void migrate(MigrateInstance instance) {
		switch (instance.mode()) {
			case UPGRADE -> upgrade(instance);
			case VALIDATE -> validate(instance);
			case NONE -> logger.info("Migrate: " + instance.beanName() + " mode is none, nothing run on boot");
		}
	}

	private void upgrade(MigrateInstance instance) {
		MigrateLintCheck.check(instance, this.lint);
		long start = System.nanoTime();
		MigrationResult result = instance.migrator().upgrade(instance.target());
		if (result.nothingToDo()) {
			boolean toHead = "head".equals(instance.target()) || "heads".equals(instance.target());
			logger.info("Migrate: " + instance.beanName() + ": Database is at "
					+ (toHead ? "head" : "the target " + instance.target()) + " (" + ids(result.headsAfter())
					+ "), nothing to do");
		}
		else {
			long millis = (System.nanoTime() - start) / 1_000_000;
			logger.info("Migrate: " + instance.beanName() + ": upgraded from " + ids(result.headsBefore()) + " to "
					+ ids(result.headsAfter()) + ", " + result.steps().size() + " revision"
					+ ((result.steps().size() == 1) ? "" : "s") + " in " + millis + " ms");
		}
	}

	private void validate(MigrateInstance instance) {
		Status status = instance.migrator().status();
		if (!status.upToDate()) {
			if (status.current().isEmpty()) {
				// tables but no version table: not "behind", but built by other means (stamp or baseline it)
				instance.migrator().requireVersioned();
			}
			throw new DatabaseNotAtHeadException(instance.beanName(), status);
		}
		ChecksumReport checksums = instance.migrator().checksums();
		if (!checksums.changed().isEmpty()) {
			if (instance.migrator().config().validateChecksums()) {
				throw new ChecksumMismatchException(checksums.changed());
			}
			logger.warn("Migrate: " + instance.beanName() + ": " + new ChecksumMismatchException(checksums.changed())
				.getMessage() + " (" + instance.propertyPrefix() + "validate-checksums=false: not refused)");
		}
		if (!checksums.unrecorded().isEmpty()) {
			logger.info("Migrate: " + instance.beanName() + ": " + checksums.unrecorded().size()
					+ " applied revision(s) have no recorded checksum yet (migrated before checksums were recorded,"
					+ " or stamped): the next upgrade or 'migrate repair' records them");
		}
		logger.info("Migrate: " + instance.beanName() + ": Database is at head (" + ids(status.current())
				+ "), validated");
	}

	static String ids(java.util.List<String> ids) {
		return ids.isEmpty() ? "base" : String.join(", ", ids);
	}

}
