package org.hibernate.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stand-in for Hibernate's {@code @JdbcTypeCode} (same name and member), read by type name as the model reader
 * reads Hibernate's, without hibernate-core on migrate-core's test class path (see {@link Comment}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface JdbcTypeCode {

	int value();

}
