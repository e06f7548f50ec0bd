package org.hibernate.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stand-in for Hibernate's {@code @Comment} (same name and member) so that migrate-core's tests read it as the
 * model reader reads Hibernate's, by type name, without hibernate-core on the test class path (ModelClassPathTests
 * needs {@code org.hibernate.annotations} otherwise absent). The real annotation is read in the starter's
 * HibernateValidatesRevisionTests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.FIELD, ElementType.METHOD })
public @interface Comment {

	String value();

}
