package dev.migrate.model;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.migrate.ConfigurationException;

/**
 * An application's own physical naming strategy class, asked through Hibernate's
 * {@code PhysicalNamingStrategy} API (reflectively: core does not depend on Hibernate; the class and
 * Hibernate must be on the models' class loader). A strategy that names tables and columns
 * differently, or that cannot be used without a running Hibernate, is a configuration error naming
 * it: models read with the wrong names would pass a drift check while every query fails.
 */
final class HibernateStrategies {

	static final String PHYSICAL = "spring.jpa.hibernate.naming.physical-strategy";

	private static final List<String> PROBES = List.of("firstName", "Order", "orderItem", "ABCValue", "x1Y");

	private HibernateStrategies() {
	}

	static UnaryOperator<String> physical(String className, ClassLoader classLoader) {
		try {
			Class<?> strategyType = Class.forName(className, true, classLoader);
			Object strategy = strategyType.getDeclaredConstructor().newInstance();
			Class<?> identifierType = Class.forName("org.hibernate.boot.model.naming.Identifier", true, classLoader);
			Class<?> environmentType = Class.forName("org.hibernate.engine.jdbc.env.spi.JdbcEnvironment", true,
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
							+ "'): the models cannot be read with it; use one naming rule for both, or turn "
							+ "the drift check off");
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
					+ ") cannot be applied to the models outside Hibernate (are the class and hibernate-core on "
					+ "the models' class path?): " + cause + "; a drift check would compare names the application "
					+ "does not use", cause);
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
