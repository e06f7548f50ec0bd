package dev.migrate.operations;

import java.util.Objects;

import dev.migrate.runtime.MigrationContext;

/**
 * The operations a revision's {@code upgrade}/{@code downgrade} receives — the Java counterpart of
 * Alembic's {@code op}. Every call builds a {@link MigrateOperation} and {@link #invoke invokes} it:
 * the dialect renders it to SQL and the context runs it (online) or prints it (offline).
 */
public class Operations {

	private final MigrationContext context;

	public Operations(MigrationContext context) {
		this.context = Objects.requireNonNull(context, "context");
	}

	/** The context: dialect, connection (online), {@code -x} arguments. */
	public MigrationContext context() {
		return this.context;
	}

	/** Runs an operation through the dialect. */
	public void invoke(MigrateOperation operation) {
		for (String sql : this.context.dialect().render(operation, this.context)) {
			this.context.executeSql(sql);
		}
	}

	/** Runs raw SQL, as {@code op.execute("...")}. */
	public void execute(String sql) {
		this.context.executeSql(sql);
	}

}
