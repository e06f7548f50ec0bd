package dev.migrate.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A portable column type; each dialect maps it to its own SQL type.
 *
 * <p>Covers what the migration guide uses (Integer, BigInteger, String(n), Text, Numeric(p, s),
 * Boolean, Date, DateTime with and without time zone, UUID, JSON, binary) plus {@link #raw(String)}
 * for a database-specific type written as SQL (rendered verbatim, so it must come from the
 * revision author, never from data).
 */
public final class ColumnType {

	/** The kind of a type. */
	public enum Kind {
		SMALLINT, INTEGER, BIGINT, STRING, TEXT, NUMERIC, FLOAT, DOUBLE, BOOLEAN, DATE, TIME, TIMESTAMP, UUID, JSON,
		BINARY, RAW,
		/** PostgreSQL's {@code jsonb} (JSON elsewhere): what Hibernate 7 creates for {@code SqlTypes.JSON}. */
		JSONB,
		/** An array of an element type ({@code text[]} on PostgreSQL, {@code ... ARRAY} on H2). */
		ARRAY,
		/**
		 * An enumeration: unnamed, a column's own {@code ENUM('A','B')} (MySQL, MariaDB, H2; a
		 * {@code VARCHAR} of its length elsewhere); named, a PostgreSQL type ({@code CREATE TYPE ... AS ENUM}).
		 */
		ENUM
	}

	public static final ColumnType SMALLINT = new ColumnType(Kind.SMALLINT, null, null, null, false, null);

	public static final ColumnType INTEGER = new ColumnType(Kind.INTEGER, null, null, null, false, null);

	public static final ColumnType BIGINT = new ColumnType(Kind.BIGINT, null, null, null, false, null);

	public static final ColumnType TEXT = new ColumnType(Kind.TEXT, null, null, null, false, null);

	public static final ColumnType FLOAT = new ColumnType(Kind.FLOAT, null, null, null, false, null);

	public static final ColumnType DOUBLE = new ColumnType(Kind.DOUBLE, null, null, null, false, null);

	public static final ColumnType BOOLEAN = new ColumnType(Kind.BOOLEAN, null, null, null, false, null);

	public static final ColumnType DATE = new ColumnType(Kind.DATE, null, null, null, false, null);

	public static final ColumnType TIME = new ColumnType(Kind.TIME, null, null, null, false, null);

	/** {@code TIMESTAMP} without time zone (SQLAlchemy's {@code DateTime()}). */
	public static final ColumnType TIMESTAMP = new ColumnType(Kind.TIMESTAMP, null, null, null, false, null);

	/** {@code TIMESTAMP WITH TIME ZONE} (SQLAlchemy's {@code DateTime(timezone=True)}). */
	public static final ColumnType TIMESTAMPTZ = new ColumnType(Kind.TIMESTAMP, null, null, null, true, null);

	public static final ColumnType UUID = new ColumnType(Kind.UUID, null, null, null, false, null);

	public static final ColumnType JSON = new ColumnType(Kind.JSON, null, null, null, false, null);

	public static final ColumnType BINARY = new ColumnType(Kind.BINARY, null, null, null, false, null);

	/** {@code jsonb} on PostgreSQL, {@code JSON} on the other dialects (as Hibernate 7 maps {@code SqlTypes.JSON}). */
	public static final ColumnType JSONB = new ColumnType(Kind.JSONB, null, null, null, false, null);

	private final Kind kind;

	private final Integer length;

	private final Integer precision;

	private final Integer scale;

	private final boolean timezone;

	private final String raw;

	/** The element type of an {@link Kind#ARRAY}. */
	private final ColumnType element;

	/** The labels of an {@link Kind#ENUM}, in their order. */
	private final List<String> values;

	private ColumnType(Kind kind, Integer length, Integer precision, Integer scale, boolean timezone, String raw) {
		this(kind, length, precision, scale, timezone, raw, null, List.of());
	}

	private ColumnType(Kind kind, Integer length, Integer precision, Integer scale, boolean timezone, String raw,
			ColumnType element, List<String> values) {
		this.kind = kind;
		this.length = length;
		this.precision = precision;
		this.scale = scale;
		this.timezone = timezone;
		this.raw = raw;
		this.element = element;
		this.values = values;
	}

	/** An array of {@code element}: {@code TEXT[]}, {@code INTEGER[]} on PostgreSQL, {@code INTEGER ARRAY} on H2. */
	public static ColumnType array(ColumnType element) {
		Objects.requireNonNull(element, "element");
		if (element.kind == Kind.ARRAY) {
			throw new IllegalArgumentException("Arrays of arrays are not supported; give the element type");
		}
		return new ColumnType(Kind.ARRAY, null, null, null, false, null, element, List.of());
	}

	/**
	 * A column's own enumeration, {@code ENUM('A','B')} on MySQL, MariaDB and H2; elsewhere a
	 * {@code VARCHAR} (as Hibernate 7 maps {@code @Enumerated(STRING)}).
	 */
	public static ColumnType enumOf(String... values) {
		return new ColumnType(Kind.ENUM, null, null, null, false, null, null, labels(values));
	}

	/** {@link #enumOf(String...)} that is a {@code VARCHAR(length)} where the database has no enumerations. */
	public static ColumnType enumOf(int length, String... values) {
		if (length <= 0) {
			throw new IllegalArgumentException("Enum length must be positive, got " + length);
		}
		return new ColumnType(Kind.ENUM, length, null, null, false, null, null, labels(values));
	}

	/**
	 * A PostgreSQL enum type, created with {@code op.createEnumType(name, values...)} before a
	 * column uses it; other dialects refuse it.
	 */
	public static ColumnType namedEnum(String name, String... values) {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("An enum type needs a name");
		}
		return new ColumnType(Kind.ENUM, null, null, null, false, name.trim(), null, labels(values));
	}

	private static List<String> labels(String... values) {
		if (values == null || values.length == 0) {
			throw new IllegalArgumentException("An enum needs at least one value");
		}
		for (String v : values) {
			Objects.requireNonNull(v, "enum value");
		}
		return List.of(values);
	}

	/** {@code VARCHAR(length)}. */
	public static ColumnType string(int length) {
		if (length <= 0) {
			throw new IllegalArgumentException("String length must be positive, got " + length);
		}
		return new ColumnType(Kind.STRING, length, null, null, false, null);
	}

	/** {@code VARCHAR} without a length (PostgreSQL, SQLite; other dialects need a length). */
	public static ColumnType string() {
		return new ColumnType(Kind.STRING, null, null, null, false, null);
	}

	/** {@code NUMERIC(precision, scale)}. */
	public static ColumnType numeric(int precision, int scale) {
		return new ColumnType(Kind.NUMERIC, null, precision, scale, false, null);
	}

	/** {@code NUMERIC} without precision. */
	public static ColumnType numeric() {
		return new ColumnType(Kind.NUMERIC, null, null, null, false, null);
	}

	/** {@code TIMESTAMP}, with or without time zone. */
	public static ColumnType timestamp(boolean withTimeZone) {
		return withTimeZone ? TIMESTAMPTZ : TIMESTAMP;
	}

	/** Binary data of at most {@code length} bytes. */
	public static ColumnType binary(int length) {
		return new ColumnType(Kind.BINARY, length, null, null, false, null);
	}

	/** A database-specific type written as SQL, e.g. {@code raw("tsvector")}; rendered verbatim. */
	public static ColumnType raw(String sqlType) {
		Objects.requireNonNull(sqlType, "sqlType");
		return new ColumnType(Kind.RAW, null, null, null, false, sqlType.trim());
	}

	public Kind kind() {
		return this.kind;
	}

	public Integer length() {
		return this.length;
	}

	public Integer precision() {
		return this.precision;
	}

	public Integer scale() {
		return this.scale;
	}

	public boolean timezone() {
		return this.timezone;
	}

	/** The SQL of a {@link Kind#RAW} type, otherwise null. */
	public String raw() {
		return (this.kind == Kind.RAW) ? this.raw : null;
	}

	/** The element type of an {@link Kind#ARRAY}, otherwise null. */
	public ColumnType element() {
		return this.element;
	}

	/** The values of an {@link Kind#ENUM}, otherwise empty. */
	public List<String> values() {
		return this.values;
	}

	/** The type name of a {@link #namedEnum(String, String...) named enum}, otherwise null. */
	public String enumName() {
		return (this.kind == Kind.ENUM) ? this.raw : null;
	}

	@Override
	public boolean equals(Object o) {
		return (o instanceof ColumnType t) && this.kind == t.kind && Objects.equals(this.length, t.length)
				&& Objects.equals(this.precision, t.precision) && Objects.equals(this.scale, t.scale)
				&& this.timezone == t.timezone && Objects.equals(this.raw, t.raw) && Objects.equals(this.element, t.element)
				&& this.values.equals(t.values);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.length, this.precision, this.scale, this.timezone, this.raw, this.element,
				this.values);
	}

	/** A portable, readable form such as {@code VARCHAR(50)}, {@code NUMERIC(10, 2)}, {@code TIMESTAMP WITH TIME ZONE}. */
	@Override
	public String toString() {
		return switch (this.kind) {
			case STRING -> (this.length != null) ? "VARCHAR(" + this.length + ")" : "VARCHAR";
			case NUMERIC -> (this.precision != null)
					? "NUMERIC(" + this.precision + ((this.scale != null) ? ", " + this.scale : "") + ")" : "NUMERIC";
			case TIMESTAMP -> this.timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
			case BINARY -> (this.length != null) ? "BINARY(" + this.length + ")" : "BINARY";
			case RAW -> this.raw;
			case ARRAY -> this.element + "[]";
			case ENUM -> (this.raw != null) ? this.raw + " ENUM" + quoted(this.values)
					: "ENUM" + quoted(this.values) + ((this.length != null) ? " VARCHAR(" + this.length + ")" : "");
			default -> this.kind.name().toUpperCase(Locale.ROOT);
		};
	}

	private static String quoted(List<String> values) {
		StringBuilder s = new StringBuilder("(");
		for (int i = 0; i < values.size(); i++) {
			s.append((i > 0) ? ", " : "").append('\'').append(values.get(i).replace("'", "''")).append('\'');
		}
		return s.append(')').toString();
	}

}
