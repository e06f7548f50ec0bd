package dev.migrate.model;

import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A persistent attribute of a JPA class: a field (field access) or a getter (property access),
 * with the field-like view the model reader needs.
 */
record Attribute(AnnotatedElement element, String getName, Class<?> getType, Type getGenericType,
		Class<?> getDeclaringClass, int getModifiers, boolean isSynthetic) implements AnnotatedElement {

	/** The attributes {@code type} declares: its fields, or with {@code property} its getters. */
	static List<Attribute> of(Class<?> type, boolean property) {
		List<Attribute> attributes = new ArrayList<>();
		if (!property) {
			for (Field f : type.getDeclaredFields()) {
				attributes.add(new Attribute(f, f.getName(), f.getType(), f.getGenericType(), type, f.getModifiers(),
						f.isSynthetic()));
			}
			return attributes;
		}
		for (Method m : type.getDeclaredMethods()) {
			String name = m.getName();
			if (m.getParameterCount() != 0 || m.isBridge() || m.isSynthetic() || Modifier.isStatic(m.getModifiers())
					|| m.getReturnType() == void.class) {
				continue;
			}
			String attribute;
			if (name.startsWith("get") && name.length() > 3) {
				attribute = Introspector.decapitalize(name.substring(3));
			}
			else if (name.startsWith("is") && name.length() > 2
					&& (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
				attribute = Introspector.decapitalize(name.substring(2));
			}
			else {
				continue;
			}
			attributes.add(new Attribute(m, attribute, m.getReturnType(), m.getGenericReturnType(), type,
					m.getModifiers() & ~Modifier.TRANSIENT, false));
		}
		attributes.sort(Comparator.comparing(Attribute::getName));
		return attributes;
	}

	@Override
	public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
		return this.element.getAnnotation(annotationClass);
	}

	@Override
	public Annotation[] getAnnotations() {
		return this.element.getAnnotations();
	}

	@Override
	public Annotation[] getDeclaredAnnotations() {
		return this.element.getDeclaredAnnotations();
	}

}
