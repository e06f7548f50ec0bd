package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.MigrateException;

/** The drift check found differences between the models and the database ({@code migrate.drift=fail}). */
public class MigrateDriftException extends MigrateException {

	private final String beanName;

	private final List<String> differences;

	public MigrateDriftException(String beanName, List<String> differences) {
		super("Database of '" + beanName + "' differs from the models (" + differences.size() + " difference"
				+ ((differences.size() == 1) ? "" : "s") + "): " + String.join("; ", differences));
		this.beanName = beanName;
		this.differences = List.copyOf(differences);
	}

	/** The migration bean whose database drifted. */
	public String getBeanName() {
		return this.beanName;
	}

	/** One line per difference. */
	public List<String> getDifferences() {
		return this.differences;
	}

}
