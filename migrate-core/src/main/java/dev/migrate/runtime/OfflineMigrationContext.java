package dev.migrate.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Map;
import java.util.Objects;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;

/**
 * A context for offline ({@code --sql}) mode: every statement is written to an {@link Appendable},
 * followed by the dialect's statement terminator and a blank line, as Alembic prints it.
 */
public final class OfflineMigrationContext extends AbstractMigrationContext {

	private final Appendable out;

	private boolean inTransaction;

	public OfflineMigrationContext(Appendable out, Dialect dialect, Map<String, String> arguments, String schema) {
		super(dialect, arguments, schema);
		this.out = Objects.requireNonNull(out, "out");
	}

	@Override
	public boolean isOffline() {
		return true;
	}

	@Override
	public Connection connection() {
		throw new MigrateException("No database connection in offline (--sql) mode");
	}

	@Override
	public void executeSql(String sql) {
		write(sql.strip() + dialect().statementTerminator());
	}

	/** Writes a line as it is (a comment such as {@code -- Running upgrade a -> b}). */
	public void comment(String text) {
		write(text);
	}

	/** Writes BEGIN and remembers that a transaction is open. */
	public void begin() {
		executeSql("BEGIN");
		this.inTransaction = true;
	}

	/** Writes COMMIT. */
	public void commit() {
		executeSql("COMMIT");
		this.inTransaction = false;
	}

	@Override
	public void autocommitBlock(Runnable work) {
		boolean was = this.inTransaction;
		if (was) {
			commit();
		}
		work.run();
		if (was) {
			begin();
		}
	}

	private void write(String text) {
		try {
			this.out.append(text).append("\n\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
