package dev.migrate.autogenerate;

import java.util.Locale;

import dev.migrate.dialect.Dialect;
import dev.migrate.reflect.TypeNames;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ColumnType.Kind;

/**
 * Whether a model's column type and the database's reflected type are the same for a dialect:
 * the equivalence table of {@code compare-type} (VARCHAR(255) vs character varying(255),
 * TIMESTAMP vs timestamp(6) without time zone, int4 vs integer, serial vs integer, ...).
 * Types the model leaves open (a VARCHAR without length, a NUMERIC without precision) match any
 * length or precision.
 */
final class TypeComparison {

	private TypeComparison() {
	}

	static boolean equivalent(ColumnType model, ColumnType database, Dialect dialect) {
		if (model.equals(database)) {
			return true;
		}
		ColumnType m = normalize(model, dialect);
		ColumnType d = normalize(database, dialect);
		if (matches(m, d)) {
			return true;
		}
		// what the dialect writes for the model's type, read back as the catalog would report it
		if (dialect != null && model.kind() != Kind.RAW) {
			try {
				ColumnType rendered = normalize(TypeNames.parse(dialect.typeSql(model)), dialect);
				return matches(rendered, d);
			}
			catch (RuntimeException ex) {
				return false;
			}
		}
		return false;
	}

	/** A raw type parsed where possible, then the dialect's synonyms folded together. */
	private static ColumnType normalize(ColumnType type, Dialect dialect) {
		ColumnType t = type;
		if (t.kind() == Kind.RAW) {
			ColumnType parsed = TypeNames.parse(t.raw());
			t = (parsed.kind() != Kind.RAW) ? parsed : ColumnType.raw(canonicalRaw(t.raw()));
		}
		return (dialect != null) ? dialect.comparableType(t) : t;
	}

	private static boolean matches(ColumnType m, ColumnType d) {
		if (m.equals(d)) {
			return true;
		}
		if (m.kind() != d.kind()) {
			return false;
		}
		return switch (m.kind()) {
			case STRING -> m.length() == null || m.length().equals(d.length());
			case NUMERIC -> m.precision() == null
					|| (m.precision().equals(d.precision()) && (m.scale() == null || java.util.Objects.equals(
							m.scale(), (d.scale() != null) ? d.scale() : 0)));
			case BINARY -> m.length() == null || m.length().equals(d.length());
			case TIMESTAMP -> m.timezone() == d.timezone();
			case RAW -> canonicalRaw(m.raw()).equals(canonicalRaw(d.raw()));
			case ARRAY -> matches(m.element(), d.element());
			// a length the database does not keep (MySQL, H2) is not compared; labels in any order
			// (Hibernate 7 sorts them in an ENUM(...), not in its check)
			// a PostgreSQL enum type by its name: its values are compared as the type's (SchemaComparator.enumValues)
			case ENUM -> java.util.Objects.equals(lower(m.enumName()), lower(d.enumName()))
					&& (m.enumName() != null
							|| new java.util.HashSet<>(m.values()).equals(new java.util.HashSet<>(d.values())))
					&& (m.length() == null || d.length() == null || m.length().equals(d.length()));
			default -> true;
		};
	}

	private static String lower(String name) {
		return (name != null) ? name.toLowerCase(Locale.ROOT) : null;
	}

	private static String canonicalRaw(String raw) {
		return raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*([(),])\\s*", "$1");
	}

}
