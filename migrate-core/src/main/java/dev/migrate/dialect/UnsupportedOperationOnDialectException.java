package dev.migrate.dialect;

import dev.migrate.MigrateException;

/** The database cannot do this operation; the message says what to do instead (e.g. batch mode). */
public class UnsupportedOperationOnDialectException extends MigrateException {

	public UnsupportedOperationOnDialectException(String message) {
		super(message);
	}

}
