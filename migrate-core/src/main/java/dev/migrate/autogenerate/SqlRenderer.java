package dev.migrate.autogenerate;

import java.util.List;
import java.util.Map;

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
		return new RenderedRevision(sql(diff.upgradeOps(), dialect), sql(diff.downgradeOps(), dialect), List.of());
	}

	private static String sql(List<MigrateOperation> operations, Dialect dialect) {
		StringBuilder out = new StringBuilder();
		Operations op = new Operations(new OfflineMigrationContext(out, dialect, Map.of(), null));
		operations.forEach(op::invoke);
		return out.toString();
	}

}
