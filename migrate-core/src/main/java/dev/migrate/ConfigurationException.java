package dev.migrate;

/** A configuration value is missing or invalid; the message names the option or property. */
public class ConfigurationException extends MigrateException {

	public ConfigurationException(String message) {
		super(message);
	}

	public ConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
