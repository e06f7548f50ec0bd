package dev.migrate.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The server default of an entity's column as SQL ({@code "now()"}, {@code "'active'"},
 * {@code "0"}), which JPA cannot express; Hibernate's {@code @ColumnDefault} is read the same way.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface ServerDefault {

	/** The default as SQL text. */
	String value();

}
