package dev.migrate.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Always applies, to log why {@link MigrateAutoConfiguration} backed off when it does.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
public final class MigrateConditionReportAutoConfiguration {

	@Bean
	static MigrateConditionReporter migrateConditionReporter(ConfigurableListableBeanFactory beanFactory) {
		return new MigrateConditionReporter(beanFactory);
	}

}
