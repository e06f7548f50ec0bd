package dev.migrate.runtime;

import java.util.Map;
import java.util.Objects;

import dev.migrate.dialect.Dialect;

/** What online and offline contexts share: the dialect, the {@code -x} arguments and the default schema. */
abstract class AbstractMigrationContext implements MigrationContext {

	private final Dialect dialect;

	private final Map<String, String> arguments;

	private final String schema;

	AbstractMigrationContext(Dialect dialect, Map<String, String> arguments, String schema) {
		this.dialect = Objects.requireNonNull(dialect, "dialect");
		this.arguments = Map.copyOf(arguments);
		this.schema = schema;
	}

	@Override
	public final Dialect dialect() {
		return this.dialect;
	}

	@Override
	public final Map<String, String> arguments() {
		return this.arguments;
	}

	@Override
	public final String schema() {
		return this.schema;
	}

}
