package dev.migrate.operations;

import dev.migrate.MigrateException;

/** An operation has no derivable reverse. */
public class IrreversibleOperationException extends MigrateException {

	public IrreversibleOperationException(MigrateOperation operation) {
		super("Operation " + operation + " cannot be reversed automatically; write the downgrade by hand");
	}

}
