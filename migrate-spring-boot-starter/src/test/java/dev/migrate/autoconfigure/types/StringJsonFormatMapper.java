package dev.migrate.autoconfigure.types;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * JSON text as it is, for String attributes mapped as JSON: Hibernate 7.2 finds only Jackson 2 or
 * JSON-B by itself, and this class path has Jackson 3.
 */
public class StringJsonFormatMapper implements FormatMapper {

	@Override
	public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
		if (javaType.getJavaTypeClass() != String.class) {
			throw new IllegalArgumentException("Only String JSON attributes here, not " + javaType.getJavaTypeClass());
		}
		return javaType.getJavaTypeClass().cast(charSequence.toString());
	}

	@Override
	public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
		return (String) value;
	}

}
