package dev.migrate.autoconfigure;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;

/**
 * Logs one line when Migrate's auto-configuration backs off, with the reason, so that an
 * application never silently runs without its migrations.
 */
class MigrateConditionReporter implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(MigrateConditionReporter.class);

	private final ConfigurableListableBeanFactory beanFactory;

	MigrateConditionReporter(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String reason = backOffReason(this.beanFactory);
		if (reason != null) {
			logger.info("Migrate is not active: " + reason);
		}
	}

	/** Why {@link MigrateAutoConfiguration} did not apply, or null when it did. */
	static String backOffReason(ConfigurableListableBeanFactory beanFactory) {
		ConditionEvaluationReport report = ConditionEvaluationReport.find(beanFactory);
		if (report == null) {
			return null;
		}
		String name = MigrateAutoConfiguration.class.getName();
		if (report.getExclusions().contains(name)) {
			return "MigrateAutoConfiguration is excluded";
		}
		ConditionAndOutcomes outcomes = report.getConditionAndOutcomesBySource().get(name);
		if (outcomes == null || outcomes.isFullMatch()) {
			return null;
		}
		return outcomes.stream()
			.filter((outcome) -> !outcome.getOutcome().isMatch())
			.map((outcome) -> outcome.getOutcome().getMessage())
			.map((message) -> message.contains("'migrate.enabled'") ? "migrate.enabled is false" : message)
			.collect(Collectors.joining("; "));
	}

}
