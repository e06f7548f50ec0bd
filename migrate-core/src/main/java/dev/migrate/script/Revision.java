package dev.migrate.script;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The identifiers of a Java revision ({@link Migration}): Alembic's {@code revision},
 * {@code down_revision}, {@code branch_labels} and {@code depends_on}, plus message and date.
 * Classes carrying it are listed at compile time in {@code META-INF/migrate/revisions.idx} by
 * Migrate's annotation processor, so nothing scans the classpath at start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

	/** The revision id (Alembic: 12 lowercase hex digits by default). */
	String id();

	/** The down revisions: none for a base, one, or several for a merge point. */
	String[] down() default {};

	/** Branch labels this revision starts. */
	String[] branchLabels() default {};

	/** Revisions (ids, prefixes or branch labels) this one depends on without descending from them. */
	String[] dependsOn() default {};

	/** What the revision does, as given to {@code migrate revision -m}. */
	String message() default "";

	/** When it was created, {@code yyyy-MM-dd HH:mm:ss}. */
	String createDate() default "";

	/** Run outside a transaction (e.g. {@code CREATE INDEX CONCURRENTLY}). */
	boolean transactional() default true;

	/** This revision's limit on lock waits ({@code 5s}, {@code 500ms}); empty for the configured {@code lock-timeout-ddl}. */
	String lockTimeout() default "";

	/** This revision's statement timeout ({@code 30s}); empty for the configured {@code statement-timeout}. */
	String statementTimeout() default "";

}
