package dev.migrate.lint;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.runtime.MigrationContext;

/**
 * The context a Java revision's upgrade runs in for {@code migrate lint}: offline, every statement
 * the dialect renders is recorded with whether it runs in the revision's transaction, the rules
 * {@code op.allow} lets it break, and the source line of the operation call (found on the stack).
 */
final class RecordingContext implements MigrationContext {

	private final Dialect dialect;

	private final Map<String, String> arguments;

	private final String schema;

	private final Class<?> revisionClass;

	private final boolean transactional;

	private final List<LintStatement> statements = new ArrayList<>();

	private List<String> allowed = List.of();

	private boolean autocommit;

	RecordingContext(Dialect dialect, Map<String, String> arguments, String schema, Class<?> revisionClass,
			boolean transactional) {
		this.dialect = dialect;
		this.arguments = Map.copyOf(arguments);
		this.schema = schema;
		this.revisionClass = revisionClass;
		this.transactional = transactional;
	}

	List<LintStatement> statements() {
		return this.statements;
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
		throw new MigrateException("No database connection while linting (migrate lint runs revisions offline)");
	}

	@Override
	public void executeSql(String sql) {
		StackWalker.StackFrame frame = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
			.walk((frames) -> frames.filter(this::inRevision).findFirst().orElse(null));
		String file = this.revisionClass.getName().replace('.', '/') + ".java";
		int line = 0;
		if (frame != null) {
			line = Math.max(0, frame.getLineNumber());
			if (frame.getFileName() != null) {
				String pkg = this.revisionClass.getPackageName();
				file = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + frame.getFileName();
			}
		}
		Map<String, String> allow = new LinkedHashMap<>();
		for (String rule : this.allowed) {
			allow.put(rule, "op.allow(\"" + rule + "\")");
		}
		this.statements.add(new LintStatement(sql, Tokens.of(sql), file, line, this.transactional && !this.autocommit, allow));
	}

	private boolean inRevision(StackWalker.StackFrame frame) {
		Class<?> c = frame.getDeclaringClass();
		return c == this.revisionClass || c.getName().startsWith(this.revisionClass.getName() + "$");
	}

	@Override
	public void autocommitBlock(Runnable work) {
		boolean was = this.autocommit;
		this.autocommit = true;
		try {
			work.run();
		}
		finally {
			this.autocommit = was;
		}
	}

	@Override
	public void allowLint(List<String> ruleIds) {
		this.allowed = List.copyOf(ruleIds);
	}

	@Override
	public Map<String, String> arguments() {
		return this.arguments;
	}

	@Override
	public String schema() {
		return this.schema;
	}

}
