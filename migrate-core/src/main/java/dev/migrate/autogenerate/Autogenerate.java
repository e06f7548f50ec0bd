package dev.migrate.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.schema.SchemaSnapshot;

/**
 * Compares models with the live database and renders the result as a revision for a person to
 * review, as Alembic's autogenerate. What it cannot detect it does not guess: renamed tables and
 * columns appear as a drop and an add; check constraints are compared by name only; a model table
 * that is a view in the database is reported, not compared; sequences are compared by name and
 * increment, comments where the database has them; triggers and enum value lists are not compared.
 */
public final class Autogenerate {

	/** What autogenerate never reports, for the head of a rendered revision and the docs. */
	public static final List<String> NOT_DETECTED = List.of(
			"renamed tables and columns appear as a drop and an add",
			"check constraints are compared by name, not by condition (none on MySQL/MariaDB), unnamed ones (Hibernate's)"
					+ " by condition, a missing one reported on PostgreSQL only; a model table that is"
					+ " a view is reported, not compared; sequences only by name and increment; PostgreSQL enum values are"
					+ " compared, but a value only the database has is not dropped and another order is not changed"
					+ " (PostgreSQL cannot); an enum type no column uses is not reported; triggers are not compared");

	private Autogenerate() {
	}

	/**
	 * Reflects {@code schema} (null: default) of the database and compares it with {@code models}.
	 * {@code ignoredTables} are never reported (the version table, the log table), nor is the
	 * lock-row table {@code <ignored>_lock} nor the checksum table {@code <ignored>_checksums}
	 * beside each of them.
	 * @param dialect the dialect, or null to detect it from the connection
	 */
	public static SchemaDiff compare(DataSource dataSource, Dialect dialect, String schema, SchemaSnapshot models,
			CompareOptions options, Set<String> ignoredTables) {
		try (Connection connection = dataSource.getConnection()) {
			dev.migrate.dialect.DatabaseServer server = dev.migrate.dialect.DatabaseServer.of(connection);
			Dialect d = (dialect != null) ? dialect.forServer(server) : DialectResolver.forConnection(connection);
			SchemaSnapshot database = d.reflector().reflect(connection, schema);
			SchemaDiff diff = compare(models, database, d, options, ignoredTables);
			return new SchemaDiff(diff.upgradeOps(), diff.downgradeOps(), diff.report(), diff.differences(),
					diff.dialect(), server);
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the database schema"
					+ ((schema != null) ? " '" + schema + "'" : "") + " to compare with the models: " + firstLine(ex.getMessage()), ex);
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message.trim() : message.substring(0, newline).trim();
	}

	/** Compares two snapshots: {@code models} (the target) with {@code database} (reflected). */
	public static SchemaDiff compare(SchemaSnapshot models, SchemaSnapshot database, Dialect dialect,
			CompareOptions options, Set<String> ignoredTables) {
		CompareOptions opts = (options != null) ? options : CompareOptions.defaults();
		List<Difference> differences = new SchemaComparator(dialect, opts, (ignoredTables != null) ? ignoredTables : Set.of())
			.compare(models, database);
		List<String> report = new ArrayList<>();
		for (Difference d : differences) {
			if (!(d instanceof Difference.InDatabaseOnly)) {
				report.addAll(d.report());
			}
		}
		String dialectName = (dialect != null) ? dialect.name() : null;
		boolean batch = dialect != null && dialect.alterNeedsBatch();
		List<MigrateOperation> upgrade = OperationMapper.toOperations(differences, batch,
				(t) -> database.table(t).orElse(null));
		List<MigrateOperation> downgrade = OperationMapper.toOperations(reverse(differences), batch,
				(t) -> models.table(t).orElse(null));
		return new SchemaDiff(upgrade, downgrade, report, differences, dialectName);
	}

	/** The differences that undo {@code differences}, in the order to apply them. */
	static List<Difference> reverse(List<Difference> differences) {
		List<Difference> reversed = new ArrayList<>();
		for (int i = differences.size() - 1; i >= 0; i--) {
			reversed.add(differences.get(i).reverse());
		}
		return reversed;
	}

	/** Java source of the body of {@code upgrade(Operations op)} and {@code downgrade(Operations op)}. */
	public static RenderedRevision renderJava(SchemaDiff diff) {
		return JavaRenderer.render(diff);
	}

	/**
	 * SQL of the upgrade and downgrade sections, rendered for {@code dialect} as it writes SQL for the server the
	 * diff was compared with, if known ({@link Dialect#forServer}: on MariaDB 10.7 and later a UUID is {@code uuid}).
	 */
	public static RenderedRevision renderSql(SchemaDiff diff, Dialect dialect) {
		return SqlRenderer.render(diff, (dialect != null) ? dialect.forServer(diff.server()) : null);
	}

	/**
	 * A rendered revision body.
	 *
	 * @param upgrade code or SQL of the upgrade
	 * @param downgrade code or SQL of the downgrade
	 * @param imports Java imports the code needs (empty for SQL)
	 */
	public record RenderedRevision(String upgrade, String downgrade, java.util.List<String> imports) {
	}

}
