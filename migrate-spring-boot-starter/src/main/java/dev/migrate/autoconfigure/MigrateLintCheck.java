package dev.migrate.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrate.command.MigrateConfig;
import dev.migrate.lint.Finding;
import dev.migrate.lint.LintReport;
import dev.migrate.runtime.DdlTimeouts;

/**
 * The starter's production-safety settings: the timeouts and lint rules of {@code migrate.*}
 * handed to the engine, and the lint of pending revisions before an upgrade runs them
 * ({@code migrate.lint}).
 */
final class MigrateLintCheck {

	private static final Log logger = LogFactory.getLog(MigrateLintCheck.class);

	private MigrateLintCheck() {
	}

	/** {@code migrate.lock-timeout-ddl}, {@code statement-timeout}, {@code lock-retries}, {@code lock-retry-backoff}, {@code lint-disabled-rules}. */
	static void configure(MigrateProperties properties, MigrateConfig.Builder builder) {
		builder.ddlTimeouts(new DdlTimeouts(properties.getLockTimeoutDdl(), properties.getStatementTimeout(),
				properties.getLockRetries(), properties.getLockRetryBackoff()));
		if (properties.getLintDisabledRules() != null) {
			builder.lintDisabledRules(properties.getLintDisabledRules());
		}
	}

	/**
	 * Lints the pending revisions of the instance: logs each finding ({@code warn}), or fails with
	 * {@link MigrateLintException} on an error-level one ({@code fail}).
	 */
	static void check(MigrateInstance instance, MigrateProperties.Lint mode) {
		if (mode == MigrateProperties.Lint.IGNORE) {
			return;
		}
		LintReport report = instance.migrator().lint(null, null);
		if (report.findings().isEmpty()) {
			if (!report.suppressed().isEmpty()) {
				logger.info("Migrate: " + instance.beanName() + ": lint of pending revisions: " + report.summary());
			}
			return;
		}
		if (mode == MigrateProperties.Lint.FAIL && report.hasErrors()) {
			throw new MigrateLintException(instance.beanName(), report);
		}
		for (Finding finding : report.findings()) {
			logger.warn("Migrate: " + instance.beanName() + ": lint " + finding.describe());
		}
	}

}
