package dev.migrate.autoconfigure;

import dev.migrate.MigrateException;
import dev.migrate.command.Status;

/** {@code migrate.mode=validate} found the database behind (or ahead of) the code. */
public class DatabaseNotAtHeadException extends MigrateException {

	private final String beanName;

	private final Status status;

	public DatabaseNotAtHeadException(String beanName, Status status) {
		super(message(beanName, status));
		this.beanName = beanName;
		this.status = status;
	}

	private static String message(String beanName, Status status) {
		StringBuilder sb = new StringBuilder("Database of '").append(beanName).append("' is not at head: current ")
			.append(status.current().isEmpty() ? "(none)" : String.join(",", status.current()))
			.append(", heads ")
			.append(String.join(",", status.heads()));
		if (!status.pending().isEmpty()) {
			sb.append(", ").append(status.pending().size()).append(" pending (").append(String.join(",", status.pending()))
				.append(")");
		}
		if (!status.unknown().isEmpty()) {
			sb.append(", unknown to the code: ").append(String.join(",", status.unknown()));
		}
		return sb.toString();
	}

	/** The migration bean whose database is not at head. */
	public String getBeanName() {
		return this.beanName;
	}

	/** Where the database stands. */
	public Status getStatus() {
		return this.status;
	}

}
