package dev.migrate.autoconfigure;

import java.util.Map;

import dev.migrate.autoconfigure.MigrateProperties.Instance;
import dev.migrate.command.Migrator;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link Migrator} bean per enabled {@code migrate.instances.<name>}, named
 * {@code <name>Migrator}, unless a bean of that name already exists.
 */
class MigrateInstancesRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private Environment environment;

	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Map<String, Instance> instances = Binder.get(this.environment)
			.bind("migrate.instances", Bindable.mapOf(String.class, Instance.class))
			.orElse(Map.of());
		BeanFactory factory = this.beanFactory;
		instances.forEach((name, instance) -> {
			String beanName = MigratorFactory.beanName(name);
			if (!instance.isEnabled() || registry.containsBeanDefinition(beanName)) {
				return;
			}
			RootBeanDefinition definition = new RootBeanDefinition(Migrator.class);
			definition.setInstanceSupplier(() -> factory.getBean(MigratorFactory.class).createInstance(name));
			registry.registerBeanDefinition(beanName, definition);
		});
	}

}
