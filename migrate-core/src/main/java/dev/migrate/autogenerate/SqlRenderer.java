package dev.migrate.autogenerate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.autogenerate.Autogenerate.RenderedRevision;
import dev.migrate.dialect.Dialect;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.runtime.MigrationContext;

/** Renders a diff's operations as SQL for a dialect, offline (nothing connects). */
final class SqlRenderer {

	private SqlRenderer() {
	}

	static RenderedRevision render(SchemaDiff diff, Dialect dialect) {
		return new RenderedRevision(sql(diff.upgradeOps(), dialect), sql(diff.downgradeOps(), dialect), List.of());
	}

	private static String sql(List<MigrateOperation> operations, Dialect dialect) {
		OfflineContext context = new OfflineContext(dialect);
		for (MigrateOperation operation : operations) {
			for (String statement : dialect.render(operation, context)) {
				context.executeSql(statement);
			}
		}
		StringBuilder out = new StringBuilder();
		for (String statement : context.statements) {
			out.append(statement).append(dialect.statementTerminator()).append('\n');
		}
		return out.toString();
	}

	/** Collects statements instead of running them. */
	private static final class OfflineContext implements MigrationContext {

		private final Dialect dialect;

		private final List<String> statements = new ArrayList<>();

		OfflineContext(Dialect dialect) {
			this.dialect = dialect;
		}

		@Override
		public Dialect dialect() {
			return this.dialect;
		}

		@Override
		public boolean isOffline() {
			return true;
		}

		@Override
		public Connection connection() {
			throw new MigrateException("No connection while rendering SQL offline");
		}

		@Override
		public void executeSql(String sql) {
			this.statements.add(sql);
		}

		@Override
		public void autocommitBlock(Runnable work) {
			work.run();
		}

		@Override
		public Map<String, String> arguments() {
			return Map.of();
		}

	}

}
