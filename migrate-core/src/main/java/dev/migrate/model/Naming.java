package dev.migrate.model;

import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

import dev.migrate.ConfigurationException;

/**
 * How entity and attribute names become table and column names, as Hibernate's naming strategies
 * decide it: a physical strategy (logical name to the name in the database) and an implicit one
 * (the names JPA leaves to the provider, such as a join table's). The models must be read with the
 * strategies the running application uses, or the drift check compares names the application never
 * queries.
 *
 * <p>{@link #of(String, String)} takes the values of Spring Boot's
 * {@code spring.jpa.hibernate.naming.physical-strategy} and {@code implicit-strategy}: Hibernate's
 * and Spring's standard strategies are known by class name; any other physical strategy can be
 * given as a function ({@link #withPhysical}).
 */
public final class Naming {

	/** Spring Boot's physical naming strategy, the default. */
	public static final String CAMEL_CASE_TO_UNDERSCORES = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy";

	/** Hibernate's own default physical strategy: names as written. */
	public static final String PHYSICAL_STANDARD = "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl";

	/** Spring Boot's implicit naming strategy, the default. */
	public static final String SPRING_IMPLICIT = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

	/** Hibernate's own default implicit strategy. */
	public static final String JPA_COMPLIANT = "org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl";

	/** Spring Boot's defaults: camel case to underscores, Spring's implicit join-table names. */
	public static final Naming SPRING_BOOT = new Naming(CAMEL_CASE_TO_UNDERSCORES, HibernateNaming::physical, false);

	private final String physicalName;

	private final UnaryOperator<String> physical;

	private final boolean jpaCompliantJoinTables;

	private Naming(String physicalName, UnaryOperator<String> physical, boolean jpaCompliantJoinTables) {
		this.physicalName = physicalName;
		this.physical = physical;
		this.jpaCompliantJoinTables = jpaCompliantJoinTables;
	}

	/**
	 * The naming of the given strategies (class names, or {@code null}/blank for Spring Boot's
	 * defaults; the short forms {@code standard}, {@code spring}, {@code jpa} are accepted too).
	 * @throws ConfigurationException for a strategy these models cannot be read with, naming it
	 * and the property to change
	 */
	public static Naming of(String physicalStrategy, String implicitStrategy) {
		return implicit(physicalOf(physicalStrategy), implicitStrategy);
	}

	/**
	 * As {@link #of(String, String)}, and any other physical strategy class loaded from
	 * {@code classLoader} (with Hibernate) and applied through Hibernate's own API.
	 */
	public static Naming of(String physicalStrategy, String implicitStrategy, ClassLoader classLoader) {
		try {
			return of(physicalStrategy, implicitStrategy);
		}
		catch (ConfigurationException unknown) {
			if (physicalStrategy == null || physicalStrategy.isBlank() || !unknown.getMessage().startsWith("Physical")) {
				throw unknown;
			}
			String name = physicalStrategy.trim();
			return of(null, implicitStrategy).withPhysical(name, HibernateStrategies.physical(name, classLoader));
		}
	}

	/** This naming with another physical strategy, applied to every logical name. */
	public Naming withPhysical(String name, UnaryOperator<String> physical) {
		Objects.requireNonNull(physical, "physical");
		return new Naming(name, (logical) -> {
			if (logical == null || logical.isEmpty()) {
				return logical;
			}
			String result = physical.apply(unquote(logical));
			return (result != null) ? result : logical;
		}, this.jpaCompliantJoinTables);
	}

	private static Naming physicalOf(String strategy) {
		String s = (strategy == null) ? "" : strategy.trim();
		if (s.isEmpty() || s.equals(CAMEL_CASE_TO_UNDERSCORES) || s.equalsIgnoreCase("spring")
				|| s.equals("org.springframework.boot.orm.jpa.hibernate.SpringPhysicalNamingStrategy")) {
			return SPRING_BOOT;
		}
		if (s.equals(PHYSICAL_STANDARD) || s.equalsIgnoreCase("standard")) {
			// Hibernate sends the name as written, unquoted: PostgreSQL and H2 fold it (firstName is the
			// column firstname), so that is the name to create and compare; quoted names stay as written
			return new Naming(PHYSICAL_STANDARD, Naming::asUnquotedIdentifier, false);
		}
		throw new ConfigurationException("Physical naming strategy '" + s + "' (spring.jpa.hibernate.naming."
				+ "physical-strategy / naming-physical-strategy) is not one the models can be read with outside "
				+ "Hibernate: use " + CAMEL_CASE_TO_UNDERSCORES + " or " + PHYSICAL_STANDARD
				+ ", or let the Spring Boot starter apply the application's strategy class");
	}

	private static Naming implicit(Naming naming, String strategy) {
		String s = (strategy == null) ? "" : strategy.trim();
		if (s.isEmpty() || s.equals(SPRING_IMPLICIT) || s.equalsIgnoreCase("spring")
				|| s.equals("org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy")) {
			return naming;
		}
		if (s.equals(JPA_COMPLIANT) || s.equalsIgnoreCase("jpa") || s.equalsIgnoreCase("default")) {
			return new Naming(naming.physicalName, naming.physical, true);
		}
		throw new ConfigurationException("Implicit naming strategy '" + s + "' (spring.jpa.hibernate.naming."
				+ "implicit-strategy / naming-implicit-strategy) is not supported by the models reader: use "
				+ SPRING_IMPLICIT + " or " + JPA_COMPLIANT);
	}

	/** The name of the physical strategy, for messages. */
	public String physicalStrategy() {
		return this.physicalName;
	}

	String physical(String logical) {
		return this.physical.apply(logical);
	}

	/**
	 * The logical name of a many-to-many join table with no {@code @JoinTable} name: Spring's
	 * {@code <owner table>_<attribute>}, or JPA's {@code <owner table>_<target table>}.
	 */
	String joinTable(String ownerTable, String attribute, String targetTable) {
		return ownerTable + "_" + (this.jpaCompliantJoinTables ? targetTable : attribute);
	}

	private static String asUnquotedIdentifier(String logical) {
		String unquoted = unquote(logical);
		return (unquoted != logical) ? unquoted : (logical == null) ? null : logical.toLowerCase(Locale.ROOT);
	}

	private static String unquote(String logical) {
		if (logical != null && logical.length() > 1 && ((logical.startsWith("`") && logical.endsWith("`"))
				|| (logical.startsWith("\"") && logical.endsWith("\"")))) {
			return logical.substring(1, logical.length() - 1);
		}
		return logical;
	}

	@Override
	public String toString() {
		return this.physicalName.substring(this.physicalName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
				+ (this.jpaCompliantJoinTables ? " + jpa-compliant join tables" : "");
	}

}
