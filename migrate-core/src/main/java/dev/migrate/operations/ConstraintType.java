package dev.migrate.operations;

import java.util.Locale;

/** The kind of a constraint, as {@code type_} of Alembic's {@code op.drop_constraint}. */
public enum ConstraintType {

	FOREIGN_KEY, UNIQUE, CHECK, PRIMARY_KEY;

	/** Parses Alembic's names {@code foreignkey}, {@code unique}, {@code check}, {@code primary} (null stays null). */
	public static ConstraintType parse(String type) {
		if (type == null) {
			return null;
		}
		return switch (type.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "")) {
			case "foreignkey", "fk" -> FOREIGN_KEY;
			case "unique", "uq" -> UNIQUE;
			case "check", "ck" -> CHECK;
			case "primary", "primarykey", "pk" -> PRIMARY_KEY;
			default -> throw new IllegalArgumentException("Unknown constraint type '" + type
					+ "'; use foreignkey, unique, check or primary");
		};
	}

}
