package dev.migrate.autoconfigure;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migrate.ConfigurationException;
import dev.migrate.model.Naming;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The naming the drift check reads the models with: the application's
 * {@code spring.jpa.hibernate.naming.physical-strategy} and {@code implicit-strategy}, as Hibernate
 * applies them when the application runs. Hibernate's and Spring's standard strategies are known;
 * any other physical strategy class is instantiated and asked through Hibernate's own
 * {@code PhysicalNamingStrategy} API. A strategy that names tables and columns differently, or that
 * cannot be used without a running Hibernate, fails the check with a message naming it — a drift
 * check with the wrong names would pass while every query fails.
 */
final class HibernateModelNaming {

	static final String PHYSICAL = "spring.jpa.hibernate.naming.physical-strategy";

	static final String IMPLICIT = "spring.jpa.hibernate.naming.implicit-strategy";

	private static final List<String> PROBES = List.of("firstName", "Order", "orderItem", "ABCValue", "x1Y");

	private HibernateModelNaming() {
	}

	static Naming of(Environment environment, ClassLoader classLoader) {
		String physical = environment.getProperty(PHYSICAL);
		String implicit = environment.getProperty(IMPLICIT);
		try {
			return Naming.of(physical, implicit);
		}
		catch (ConfigurationException unknownPhysical) {
			if (!StringUtils.hasText(physical)) {
				throw unknownPhysical; // the implicit strategy is the one at fault
			}
			return Naming.of(null, implicit).withPhysical(physical.trim(), custom(physical.trim(), classLoader));
		}
	}

	private static UnaryOperator<String> custom(String className, ClassLoader classLoader) {
		try {
			Class<?> strategyType = ClassUtils.forName(className, classLoader);
			Object strategy = strategyType.getDeclaredConstructor().newInstance();
			Class<?> identifierType = ClassUtils.forName("org.hibernate.boot.model.naming.Identifier", classLoader);
			Class<?> environmentType = ClassUtils.forName("org.hibernate.engine.jdbc.env.spi.JdbcEnvironment",
					classLoader);
			Method toIdentifier = identifierType.getMethod("toIdentifier", String.class);
			Method text = identifierType.getMethod("getText");
			Method table = strategyType.getMethod("toPhysicalTableName", identifierType, environmentType);
			Method column = strategyType.getMethod("toPhysicalColumnName", identifierType, environmentType);
			UnaryOperator<String> tables = apply(strategy, table, toIdentifier, text);
			UnaryOperator<String> columns = apply(strategy, column, toIdentifier, text);
			for (String probe : PROBES) {
				if (!tables.apply(probe).equals(columns.apply(probe))) {
					throw new ConfigurationException("Physical naming strategy " + className + " (" + PHYSICAL
							+ ") names tables and columns differently ('" + probe + "' becomes table '"
							+ tables.apply(probe) + "', column '" + columns.apply(probe)
							+ "'): the drift check cannot read the models with it; set migrate.drift=ignore "
							+ "or use one naming rule for both");
				}
			}
			return columns;
		}
		catch (ConfigurationException ex) {
			throw ex;
		}
		catch (Exception | LinkageError ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new ConfigurationException("Physical naming strategy " + className + " (" + PHYSICAL
					+ ") cannot be applied to the models outside Hibernate: " + cause
					+ "; the drift check would compare names the application does not use", cause);
		}
	}

	private static UnaryOperator<String> apply(Object strategy, Method method, Method toIdentifier, Method text) {
		return (logical) -> {
			try {
				Object result = method.invoke(strategy, toIdentifier.invoke(null, logical), null);
				return (result != null) ? (String) text.invoke(result) : logical;
			}
			catch (ReflectiveOperationException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				throw new ConfigurationException("Physical naming strategy " + strategy.getClass().getName() + " ("
						+ PHYSICAL + ") failed on '" + logical + "': " + cause, cause);
			}
		};
	}

}
