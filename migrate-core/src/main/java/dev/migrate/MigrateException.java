package dev.migrate;

/**
 * Root of every error Migrate raises. Unchecked.
 *
 * <p>The message is always one line that names the revision, file, option or property at fault,
 * so that the command line can print it as it is and Spring Boot's failure analysis can show it.
 * Subclasses in each package carry the data behind the message (for example the heads of a
 * {@code MultipleHeadsException}).
 */
public class MigrateException extends RuntimeException {

	public MigrateException(String message) {
		super(message);
	}

	public MigrateException(String message, Throwable cause) {
		super(message, cause);
	}

}
