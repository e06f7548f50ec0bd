package dev.migrate.operations;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectResolver;
import dev.migrate.runtime.MigrationContext;

/** A test-only offline context: collects the SQL that would run, never connects. */
public final class OfflineContext implements MigrationContext {

	private final Dialect dialect;

	private final String schema;

	private final List<String> statements = new ArrayList<>();

	public OfflineContext(Dialect dialect, String schema) {
		this.dialect = dialect;
		this.schema = schema;
	}

	public static OfflineContext of(String dialectName) {
		return new OfflineContext(DialectResolver.byName(dialectName), null);
	}

	/** Operations over this context. */
	public Operations op() {
		return new Operations(this);
	}

	public List<String> statements() {
		return this.statements;
	}

	/** The SQL of the last operation(s), and forgets it. */
	public List<String> take() {
		List<String> copy = List.copyOf(this.statements);
		this.statements.clear();
		return copy;
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
		throw new MigrateException("offline mode has no connection");
	}

	@Override
	public void executeSql(String sql) {
		this.statements.add(sql);
	}

	@Override
	public void autocommitBlock(Runnable work) {
		this.statements.add("COMMIT");
		work.run();
		this.statements.add("BEGIN");
	}

	@Override
	public Map<String, String> arguments() {
		return Map.of();
	}

	@Override
	public String schema() {
		return this.schema;
	}

}
