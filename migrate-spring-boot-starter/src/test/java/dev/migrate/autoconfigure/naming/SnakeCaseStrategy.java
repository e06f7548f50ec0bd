package dev.migrate.autoconfigure.naming;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/** A custom physical strategy of the application's own: snake case, and a table prefix if asked. */
public class SnakeCaseStrategy implements PhysicalNamingStrategy {

	String tablePrefix() {
		return "";
	}

	private static Identifier snake(Identifier name, String prefix) {
		return (name == null) ? null
				: Identifier.toIdentifier(prefix + name.getText().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase());
	}

	@Override
	public Identifier toPhysicalCatalogName(Identifier name, JdbcEnvironment environment) {
		return name;
	}

	@Override
	public Identifier toPhysicalSchemaName(Identifier name, JdbcEnvironment environment) {
		return name;
	}

	@Override
	public Identifier toPhysicalTableName(Identifier name, JdbcEnvironment environment) {
		return snake(name, tablePrefix());
	}

	@Override
	public Identifier toPhysicalSequenceName(Identifier name, JdbcEnvironment environment) {
		return snake(name, "");
	}

	@Override
	public Identifier toPhysicalColumnName(Identifier name, JdbcEnvironment environment) {
		return snake(name, "");
	}

	/** Prefixes table names only: one rule for the models cannot express it. */
	public static class Prefixed extends SnakeCaseStrategy {

		@Override
		String tablePrefix() {
			return "t_";
		}

	}

}
