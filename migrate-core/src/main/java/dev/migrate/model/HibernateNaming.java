package dev.migrate.model;

import java.util.Locale;

/**
 * Hibernate's naming as Spring Boot configures it ({@code CamelCaseToUnderscoresNamingStrategy}):
 * dots become underscores, an underscore goes between a lower-case letter or digit and an
 * upper-case letter followed by a lower-case letter or digit, and the result is lower case.
 * Quoted names ({@code "Name"} or {@code `Name`}) are kept as written.
 */
final class HibernateNaming {

	private HibernateNaming() {
	}

	static String physical(String logical) {
		if (logical == null || logical.isEmpty()) {
			return logical;
		}
		if (logical.length() > 1 && ((logical.startsWith("`") && logical.endsWith("`"))
				|| (logical.startsWith("\"") && logical.endsWith("\"")))) {
			return logical.substring(1, logical.length() - 1);
		}
		StringBuilder builder = new StringBuilder(logical.replace('.', '_'));
		for (int i = 1; i < builder.length() - 1; i++) {
			if (underscoreRequired(builder.charAt(i - 1), builder.charAt(i), builder.charAt(i + 1))) {
				builder.insert(i++, '_');
			}
		}
		return builder.toString().toLowerCase(Locale.ROOT);
	}

	private static boolean underscoreRequired(char before, char current, char after) {
		return (Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
				&& (Character.isLowerCase(after) || Character.isDigit(after));
	}

}
