package dev.migrate.autogenerate;

import java.util.Locale;
import java.util.Set;

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

	private static final Set<Kind> INTEGERS = Set.of(Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT);

	private TypeComparison() {
	}

	static boolean equivalent(ColumnType model, ColumnType database, Dialect dialect) {
		if (model.equals(database)) {
			return true;
		}
		String vendor = (dialect != null) ? dialect.name() : "";
		ColumnType m = normalize(model, vendor);
		ColumnType d = normalize(database, vendor);
		if (matches(m, d, vendor)) {
			return true;
		}
		// what the dialect writes for the model's type, read back as the catalog would report it
		if (dialect != null && model.kind() != Kind.RAW) {
			try {
				ColumnType rendered = normalize(TypeNames.parse(dialect.typeSql(model)), vendor);
				return matches(rendered, d, vendor);
			}
			catch (RuntimeException ex) {
				return false;
			}
		}
		return false;
	}

	private static ColumnType normalize(ColumnType type, String vendor) {
		ColumnType t = type;
		if (t.kind() == Kind.RAW) {
			ColumnType parsed = TypeNames.parse(t.raw());
			t = (parsed.kind() != Kind.RAW) ? parsed : ColumnType.raw(canonicalRaw(t.raw()));
		}
		switch (vendor) {
			case "postgresql" -> {
				if (t.kind() == Kind.BINARY) {
					t = ColumnType.BINARY; // bytea has no length
				}
			}
			case "mysql" -> {
				if (t.kind() == Kind.TIMESTAMP) {
					t = ColumnType.TIMESTAMP; // no time-zone-aware type
				}
				else if (t.kind() == Kind.JSON) {
					t = ColumnType.TEXT; // MariaDB: LONGTEXT with a JSON check
				}
				else if (isChar36(t)) {
					t = ColumnType.UUID;
				}
			}
			case "sqlite" -> {
				if (INTEGERS.contains(t.kind())) {
					t = ColumnType.INTEGER; // one INTEGER storage class
				}
				else if (t.kind() == Kind.TIMESTAMP) {
					t = ColumnType.TIMESTAMP;
				}
				else if (t.kind() == Kind.JSON) {
					t = ColumnType.TEXT;
				}
				else if (isChar36(t)) {
					t = ColumnType.UUID;
				}
			}
			default -> {
			}
		}
		return t;
	}

	private static boolean isChar36(ColumnType t) {
		return (t.kind() == Kind.STRING && Integer.valueOf(36).equals(t.length()))
				|| (t.kind() == Kind.RAW && "char(36)".equalsIgnoreCase(t.raw().replace(" ", ""))) || (t.kind() == Kind.BINARY
						&& Integer.valueOf(16).equals(t.length()));
	}

	private static boolean matches(ColumnType m, ColumnType d, String vendor) {
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
			default -> true;
		};
	}

	private static String canonicalRaw(String raw) {
		return raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*([(),])\\s*", "$1");
	}

}
