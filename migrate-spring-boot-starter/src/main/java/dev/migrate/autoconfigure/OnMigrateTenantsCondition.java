package dev.migrate.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Tenants are configured: {@code migrate.tenants.schemas} is set, or a {@link MigrateTenantSource} bean is defined. */
class OnMigrateTenantsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		List<String> schemas = Binder.get(context.getEnvironment())
			.bind("migrate.tenants.schemas", Bindable.listOf(String.class))
			.orElse(List.of());
		if (!schemas.isEmpty()) {
			return ConditionOutcome.match("migrate.tenants.schemas lists " + schemas.size() + " schemas");
		}
		if (context.getBeanFactory() != null
				&& context.getBeanFactory().getBeanNamesForType(MigrateTenantSource.class, true, false).length > 0) {
			return ConditionOutcome.match("a MigrateTenantSource bean is defined");
		}
		return ConditionOutcome.noMatch("no migrate.tenants.schemas and no MigrateTenantSource bean");
	}

}
