package dev.migrate.autoconfigure;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrate.command.MigrationListener;

/** Logs every step the engine runs for one migration bean, with its duration. */
class LoggingMigrationListener implements MigrationListener {

	private static final Log logger = LogFactory.getLog(LoggingMigrationListener.class);

	private final String beanName;

	LoggingMigrationListener(String beanName) {
		this.beanName = beanName;
	}

	@Override
	public void afterStep(StepInfo step, Duration duration, Throwable failure) {
		String what = (step.stamp() ? "stamp " : (step.upgrade() ? "upgrade " : "downgrade "))
				+ DefaultMigrateMigrationStrategy.ids(step.fromRevisions()) + " -> "
				+ DefaultMigrateMigrationStrategy.ids(step.toRevisions())
				+ ((step.message() != null && !step.message().isBlank()) ? ", " + step.message() : "");
		if (failure == null) {
			logger.info("Migrate: " + this.beanName + ": applied " + what + " (" + step.revision() + ") in "
					+ duration.toMillis() + " ms");
		}
		else {
			logger.warn("Migrate: " + this.beanName + ": failed " + what + " (" + step.revision() + ") after "
					+ duration.toMillis() + " ms: " + failure.getMessage());
		}
	}

}
