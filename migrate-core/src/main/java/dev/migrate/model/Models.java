package dev.migrate.model;

import java.util.List;

import dev.migrate.schema.SchemaSnapshot;

/**
 * Target metadata ("the models"): JPA {@code @Entity} classes read from their jakarta.persistence
 * annotations without an ORM running, and plain-Java schema definitions. CONTRACT STUB —
 * implemented by the autogenerate work; signatures are fixed.
 */
public final class Models {

	private Models() {
	}

	/** Models found in {@code packages} (and sub-packages) on {@code classLoader}. */
	public static SchemaSnapshot fromPackages(ClassLoader classLoader, List<String> packages) {
		throw new UnsupportedOperationException("pending: autogenerate work in progress");
	}

	/** Models from the given classes (JPA entities or schema definitions). */
	public static SchemaSnapshot fromClasses(List<Class<?>> classes) {
		throw new UnsupportedOperationException("pending: autogenerate work in progress");
	}

}
