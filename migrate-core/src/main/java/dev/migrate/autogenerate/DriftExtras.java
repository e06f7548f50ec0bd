package dev.migrate.autogenerate;

import java.util.Locale;

import dev.migrate.ConfigurationException;

/**
 * What autogenerate and the drift check do with what the database has and the models do not
 * declare: tables, primary keys, indexes, unique constraints and foreign keys (setting
 * {@code drift-extras}). Columns are not extras: a column the models lack is always a difference.
 */
public enum DriftExtras {

	/**
	 * Reported as "in the database only", apart from the differences (they do not fail the drift
	 * check); autogenerate renders their drops commented out, for a reviewer to opt in.
	 */
	REPORT,

	/** Neither reported nor rendered. */
	IGNORE,

	/** Differences like any other: they fail the drift check and autogenerate drops them. */
	FAIL;

	/**
	 * Parses {@code report}, {@code ignore} or {@code fail} (any case; null: {@link #REPORT}).
	 * @param property the setting's name, for the message
	 */
	public static DriftExtras parse(String value, String property) {
		if (value == null || value.isBlank()) {
			return REPORT;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigurationException("Invalid " + property + " '" + value + "': use report, ignore or fail");
		}
	}

}
