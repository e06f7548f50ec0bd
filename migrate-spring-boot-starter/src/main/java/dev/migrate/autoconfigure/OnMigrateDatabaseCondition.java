package dev.migrate.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when there is a database to migrate: a DataSource bean or {@code migrate.url} (the
 * primary database) or, unless {@code primaryOnly}, a {@code migrate.instances.*} entry.
 */
class OnMigrateDatabaseCondition extends SpringBootCondition implements ConfigurationCondition {

	private final boolean primaryOnly;

	OnMigrateDatabaseCondition() {
		this(false);
	}

	OnMigrateDatabaseCondition(boolean primaryOnly) {
		this.primaryOnly = primaryOnly;
	}

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Migrate database");
		if (context.getBeanFactory() != null
				&& context.getBeanFactory().getBeanNamesForType(DataSource.class, true, false).length > 0) {
			return ConditionOutcome.match(message.found("DataSource bean").atAll());
		}
		if (context.getBeanFactory() != null && context.getBeanFactory()
			.getBeanNamesForType(org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails.class, true, false).length > 0) {
			return ConditionOutcome.match(message.found("JdbcConnectionDetails bean").atAll());
		}
		if (StringUtils.hasText(context.getEnvironment().getProperty("migrate.url"))) {
			return ConditionOutcome.match(message.found("property").items("migrate.url"));
		}
		if (!this.primaryOnly) {
			Map<String, Object> instances = Binder.get(context.getEnvironment())
				.bind("migrate.instances", Bindable.mapOf(String.class, Object.class))
				.orElse(Map.of());
			if (!instances.isEmpty()) {
				return ConditionOutcome.match(message.found("instances").items(instances.keySet()));
			}
		}
		return ConditionOutcome.noMatch(ConditionMessage.of(this.primaryOnly ? "no DataSource bean and no migrate.url"
				: "no DataSource bean, no migrate.url and no migrate.instances.*"));
	}

	/** The primary database only. */
	static class Primary extends OnMigrateDatabaseCondition {

		Primary() {
			super(true);
		}

	}

}
