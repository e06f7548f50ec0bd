package dev.migrate.schema;

/** A check constraint with its SQL condition; {@code name} may be null. */
public record CheckConstraint(String name, String condition) {
}
