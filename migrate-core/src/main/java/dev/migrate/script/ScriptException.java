package dev.migrate.script;

import dev.migrate.MigrateException;

/** A revision file or class is malformed, or two of them clash; the message names the file or class. */
public class ScriptException extends MigrateException {

	private final String source;

	public ScriptException(String source, String message) {
		super(message);
		this.source = source;
	}

	public ScriptException(String source, String message, Throwable cause) {
		super(message, cause);
		this.source = source;
	}

	/** The file or class at fault. */
	public String source() {
		return this.source;
	}

}
