package dev.migrate.script;

import java.lang.reflect.InvocationTargetException;

import dev.migrate.MigrateException;
import dev.migrate.graph.RevisionNode;
import dev.migrate.operations.Operations;

/** A revision written as a Java class implementing {@link Migration} and annotated with {@link Revision}. */
public final class JavaMigrationScript extends MigrationScript {

	private final Class<? extends Migration> type;

	JavaMigrationScript(RevisionNode node, String message, String createDate, Class<? extends Migration> type,
			boolean transactional) {
		super(node, message, createDate, type.getSimpleName(), type.getName(), transactional);
		this.type = type;
	}

	/** The revision class. */
	public Class<? extends Migration> type() {
		return this.type;
	}

	@Override
	public String source() {
		return this.type.getName();
	}

	@Override
	public java.time.Duration lockTimeout() {
		Revision revision = this.type.getAnnotation(Revision.class);
		return (revision == null || revision.lockTimeout().isEmpty()) ? null
				: dev.migrate.runtime.DdlTimeouts.parse(revision.lockTimeout(), "lockTimeout of @Revision on " + this.type.getName());
	}

	@Override
	public java.time.Duration statementTimeout() {
		Revision revision = this.type.getAnnotation(Revision.class);
		return (revision == null || revision.statementTimeout().isEmpty()) ? null
				: dev.migrate.runtime.DdlTimeouts.parse(revision.statementTimeout(),
						"statementTimeout of @Revision on " + this.type.getName());
	}

	@Override
	public String kind() {
		return "java";
	}

	@Override
	public void upgrade(Operations op) {
		newInstance().upgrade(op);
	}

	@Override
	public void downgrade(Operations op) {
		newInstance().downgrade(op);
	}

	private Migration newInstance() {
		try {
			return this.type.getDeclaredConstructor().newInstance();
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException rte) {
				throw rte;
			}
			throw new MigrateException("Could not create revision " + id() + " (" + this.type.getName() + "): " + cause, cause);
		}
		catch (ReflectiveOperationException ex) {
			throw new MigrateException("Could not create revision " + id() + " (" + this.type.getName() + "): " + ex, ex);
		}
		catch (ExceptionInInitializerError ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new MigrateException("Could not create revision " + id() + " (" + this.type.getName()
					+ "): its static initializer threw " + cause, cause);
		}
		catch (NoClassDefFoundError ex) {
			// a second use after a failed static initializer, or a class it needs is missing
			throw new MigrateException("Could not create revision " + id() + " (" + this.type.getName() + "): " + ex, ex);
		}
	}

}
