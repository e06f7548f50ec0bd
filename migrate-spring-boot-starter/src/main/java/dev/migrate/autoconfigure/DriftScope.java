package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerate;
import dev.migrate.autogenerate.CompareOptions;
import dev.migrate.autogenerate.SchemaDiff;
import dev.migrate.command.MigrateConfig;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;

/**
 * What the drift check compares: {@code drift-include-schemas} (model tables without a schema
 * belong to the first; default the version table's schema) less the tables matching
 * {@code drift-exclude-tables} ({@code *} and {@code ?} wildcards, case-insensitive), on both
 * sides.
 */
final class DriftScope {

	private final List<String> schemas;

	private final List<Pattern> excluded;

	DriftScope(List<String> schemas, List<String> excludePatterns) {
		this.schemas = (schemas != null) ? schemas.stream().map(String::strip).filter((s) -> !s.isEmpty()).toList()
				: List.of();
		this.excluded = (excludePatterns != null) ? excludePatterns.stream()
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.map(DriftScope::glob)
			.toList() : List.of();
	}

	static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	boolean excludes(String table) {
		return this.excluded.stream().anyMatch((p) -> p.matcher(table).matches());
	}

	/**
	 * What the drift check found: the differences and, apart, what only the database has.
	 *
	 * @param differences one line per difference
	 * @param extras one line per table, key, index or constraint only the database has (drift-extras: report)
	 */
	record Found(List<String> differences, List<String> extras) {
	}

	/** The differences between the models and the database in this scope, as report lines. */
	Found compare(MigrateConfig config, SchemaSnapshot models, CompareOptions options, Set<String> ignored) {
		if (this.schemas.isEmpty() && this.excluded.isEmpty()) {
			SchemaDiff diff = Autogenerate.compare(config.dataSource(), config.dialect(), config.schema(), models,
					options, ignored);
			return new Found(diff.report(), diff.extras());
		}
		List<String> schemas = this.schemas.isEmpty() ? java.util.Collections.singletonList(config.schema())
				: this.schemas;
		List<String> report = new ArrayList<>();
		List<String> extras = new ArrayList<>();
		try (Connection connection = config.dataSource().getConnection()) {
			Dialect dialect = (config.dialect() != null)
					? config.dialect().forServer(dev.migrate.dialect.DatabaseServer.of(connection))
					: DialectResolver.forConnection(connection);
			for (int i = 0; i < schemas.size(); i++) {
				String schema = schemas.get(i);
				boolean first = i == 0;
				SchemaSnapshot reflected = dialect.reflector().reflect(connection, schema);
				SchemaSnapshot database = new SchemaSnapshot(
						reflected.tables().stream().filter((t) -> !excludes(t.name())).toList(), reflected.views(),
						reflected.sequences(), reflected.sequencesKnown(), reflected.checksKnown());
				SchemaSnapshot scoped = new SchemaSnapshot(models.tables().stream()
					.filter((t) -> !excludes(t.name()) && belongs(t, schema, first))
					.toList(), List.of(), models.sequences().stream()
						.filter((s) -> (s.schema() == null) ? first : s.schema().equalsIgnoreCase(String.valueOf(schema)))
						.toList(), models.sequencesKnown());
				SchemaDiff diff = Autogenerate.compare(scoped, database, dialect, options, ignored);
				String prefix = (schemas.size() > 1 && schema != null) ? schema + ": " : "";
				diff.report().forEach((line) -> report.add(prefix + line));
				diff.extras().forEach((line) -> extras.add(prefix + line));
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the database schema to compare with the models: "
					+ ex.getMessage(), ex);
		}
		return new Found(report, extras);
	}

	private static boolean belongs(Table table, String schema, boolean first) {
		if (table.schema() == null || table.schema().isEmpty()) {
			return first;
		}
		return schema != null && table.schema().toLowerCase(Locale.ROOT).equals(schema.toLowerCase(Locale.ROOT));
	}

}
