package dev.migrate.autogenerate;

import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.dialect.Dialect;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.Operations;
import dev.migrate.runtime.OfflineMigrationContext;

/**
 * Renders a diff's operations as SQL for a dialect, offline (nothing connects), through the same
 * {@link OfflineMigrationContext} as {@code --sql} mode: each statement ends with the dialect's
 * terminator and a blank line.
 */
final class SqlRenderer {

	private SqlRenderer() {
	}

	static RenderedRevision render(SchemaDiff diff, Dialect dialect) {
		return new RenderedRevision(sql(diff.upgradeOps(), dialect) + extras(diff.differences(), dialect),
				sql(diff.downgradeOps(), dialect) + extras(Autogenerate.reverse(diff.differences()), dialect), List.of());
	}

	/** What only the database has, as commented-out SQL with a note (drift-extras: report). */
	private static String extras(List<Difference> differences, Dialect dialect) {
		StringBuilder out = new StringBuilder();
		for (Difference d : differences) {
			if (d instanceof Difference.ChangeGenerated g && g.sql().isEmpty()) {
				out.append("-- ").append(g.report().get(0)).append(": not changed by Migrate on ")
					.append((dialect != null) ? dialect.name() : "this database").append("; change it by hand\n\n");
				continue;
			}
			if (d instanceof Difference.RemoveEnumValue r) {
				out.append("-- note: ").append(r.note()).append("\n\n");
				continue;
			}
			if (d instanceof Difference.EnumValueOrder o) {
				out.append("-- note: ").append(o.note()).append("\n\n");
				continue;
			}
			if (!(d instanceof Difference.InDatabaseOnly extra)) {
				continue;
			}
			if (extra.difference() instanceof Difference.ViewInDatabase v) {
				out.append("-- ").append(v.report().get(0)).append(": nothing generated\n\n");
				continue;
			}
			boolean drop = extra.report().stream().allMatch((l) -> l.endsWith(" in the database only"));
			if (drop) {
				extra.report().forEach((l) -> out.append("-- ").append(l).append(", not in the models: uncomment to drop it\n"));
			}
			else {
				out.append("-- re-creates what the upgrade's commented-out drop removes: uncomment it with that drop\n");
			}
			List<MigrateOperation> ops = OperationMapper.toOperation(extra.difference());
			String sql;
			try {
				sql = sql(ops, dialect);
			}
			catch (MigrateException ex) {
				sql = "(" + ex.getMessage() + ")\n";
			}
			for (String line : sql.split("\n")) {
				if (!line.isEmpty()) {
					out.append("-- ").append(line).append('\n');
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

	private static String sql(List<MigrateOperation> operations, Dialect dialect) {
		StringBuilder out = new StringBuilder();
		Operations op = new Operations(new OfflineMigrationContext(out, dialect, Map.of(), null));
		operations.forEach(op::invoke);
		return out.toString();
	}

}
