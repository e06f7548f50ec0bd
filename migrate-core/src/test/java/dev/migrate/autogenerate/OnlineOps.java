package dev.migrate.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import dev.migrate.dialect.Dialect;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.Operations;
import dev.migrate.runtime.OnlineMigrationContext;
import dev.migrate.script.Migration;
import dev.migrate.testing.TestDatabases.TestDatabase;

/** What the per-dialect contracts run against their database: a strict comparison, operations, or a compiled revision. */
final class OnlineOps {

	private OnlineOps() {
	}

	/** Compares {@code db} with {@code models} strictly (types, server defaults), the version table left out. */
	static SchemaDiff compare(TestDatabase db, SchemaSnapshot models, DriftExtras extras) {
		return Autogenerate.compare(db.dataSource(), null, null, models, CompareOptions.strict().withDriftExtras(extras),
				java.util.Set.of("migrate_version"));
	}

	/** Runs {@code operations} on a connection of their own, as a revision's upgrade would. */
	static void apply(TestDatabase db, Dialect dialect, List<MigrateOperation> operations) {
		try (Connection c = db.connect()) {
			Operations op = new Operations(new OnlineMigrationContext(c, dialect, Map.of(), null));
			operations.forEach(op::invoke);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs a (generated, compiled) revision's upgrade or downgrade. */
	static void run(TestDatabase db, Dialect dialect, Migration migration, boolean upgrade) throws SQLException {
		try (Connection c = db.connect()) {
			Operations op = new Operations(new OnlineMigrationContext(c, dialect, Map.of(), null));
			if (upgrade) {
				migration.upgrade(op);
			}
			else {
				migration.downgrade(op);
			}
		}
	}

}
