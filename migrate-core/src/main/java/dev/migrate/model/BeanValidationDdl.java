package dev.migrate.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.schema.ColumnType;

/**
 * What Hibernate 7 makes of Bean Validation constraints in the DDL when a Bean Validation provider
 * is present (its {@code TypeSafeActivator}, validation mode {@code AUTO} or {@code DDL}): a
 * {@code @Size(max)} or Hibernate Validator's {@code @Length(max)} on a String sets the column's
 * length, {@code @Digits(integer, fraction)} its precision ({@code integer + fraction}) and scale,
 * {@code @Min(v)} adds the check {@code c>=v} and {@code @Max(v)} {@code c<=v} (Hibernate
 * Validator's {@code @Range} is both). {@code @DecimalMin}, {@code @DecimalMax}, {@code @Positive}
 * and the like make nothing. Only constraints of the default group count. Annotations are read by
 * type name (no dependency on jakarta.validation).
 */
final class BeanValidationDdl {

	private static final String CONSTRAINTS = "jakarta.validation.constraints.";

	private static final String LENGTH = "org.hibernate.validator.constraints.Length";

	private static final String RANGE = "org.hibernate.validator.constraints.Range";

	private static final String PROVIDER = "META-INF/services/jakarta.validation.spi.ValidationProvider";

	/** The constraints that change the DDL; others are not looked at. */
	private static final java.util.Set<String> READ = java.util.Set.of(CONSTRAINTS + "Min", CONSTRAINTS + "Max",
			CONSTRAINTS + "Size", CONSTRAINTS + "Digits", LENGTH, RANGE);

	private BeanValidationDdl() {
	}

	/** Whether {@code loader} has a Bean Validation provider, so that Hibernate applies the constraints to the DDL. */
	static boolean present(ClassLoader loader) {
		return loader != null && loader.getResource(PROVIDER) != null;
	}

	/** The checks Hibernate adds to {@code column} for the constraints on {@code attribute}, in order. */
	static List<String> checks(AnnotatedElement attribute, String column) {
		List<String> checks = new ArrayList<>();
		for (Annotation a : constraints(attribute)) {
			String name = a.annotationType().getName();
			if (name.equals(CONSTRAINTS + "Min")) {
				checks.add(column + ">=" + attr(a, "value"));
			}
			else if (name.equals(CONSTRAINTS + "Max")) {
				checks.add(column + "<=" + attr(a, "value"));
			}
			else if (name.equals(RANGE)) {
				checks.add(column + ">=" + attr(a, "min"));
				checks.add(column + "<=" + attr(a, "max"));
			}
		}
		return checks;
	}

	/** {@code type} as the constraints on {@code attribute} change it (length, precision and scale). */
	static ColumnType type(Attribute attribute, ColumnType type) {
		ColumnType result = type;
		for (Annotation a : constraints(attribute)) {
			String name = a.annotationType().getName();
			if ((name.equals(CONSTRAINTS + "Size") || name.equals(LENGTH)) && attribute.getType() == String.class
					&& result.kind() == ColumnType.Kind.STRING) {
				int max = (Integer) attr(a, "max");
				if (max < Integer.MAX_VALUE) {
					result = ColumnType.string(max);
				}
			}
			else if (name.equals(CONSTRAINTS + "Digits") && result.kind() == ColumnType.Kind.NUMERIC) {
				int integer = (Integer) attr(a, "integer");
				int fraction = (Integer) attr(a, "fraction");
				result = ColumnType.numeric(integer + fraction, fraction);
			}
		}
		return result;
	}

	/** The constraint annotations of the default group on {@code element}, repeated ones ({@code @Min.List}) unpacked. */
	private static List<Annotation> constraints(AnnotatedElement element) {
		List<Annotation> result = new ArrayList<>();
		for (Annotation a : element.getAnnotations()) {
			String name = a.annotationType().getName();
			if (name.endsWith("$List") && READ.contains(name.substring(0, name.length() - 5))) {
				for (Object inner : (Object[]) attr(a, "value")) {
					addIfDefaultGroup(result, (Annotation) inner);
				}
			}
			else if (READ.contains(name)) {
				addIfDefaultGroup(result, a);
			}
		}
		return result;
	}

	private static void addIfDefaultGroup(List<Annotation> result, Annotation a) {
		Class<?>[] groups;
		try {
			groups = (Class<?>[]) a.annotationType().getMethod("groups").invoke(a);
		}
		catch (ReflectiveOperationException ex) {
			groups = new Class<?>[0];
		}
		if (groups.length == 0) {
			result.add(a);
			return;
		}
		for (Class<?> group : groups) {
			if (group.getName().equals("jakarta.validation.groups.Default")) {
				result.add(a);
				return;
			}
		}
	}

	private static Object attr(Annotation annotation, String name) {
		return JpaModelReader.attr(annotation, name);
	}

}
