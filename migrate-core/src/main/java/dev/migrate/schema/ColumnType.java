package dev.migrate.schema;

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
		BINARY, RAW
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

	private final Kind kind;

	private final Integer length;

	private final Integer precision;

	private final Integer scale;

	private final boolean timezone;

	private final String raw;

	private ColumnType(Kind kind, Integer length, Integer precision, Integer scale, boolean timezone, String raw) {
		this.kind = kind;
		this.length = length;
		this.precision = precision;
		this.scale = scale;
		this.timezone = timezone;
		this.raw = raw;
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
		return this.raw;
	}

	@Override
	public boolean equals(Object o) {
		return (o instanceof ColumnType t) && this.kind == t.kind && Objects.equals(this.length, t.length)
				&& Objects.equals(this.precision, t.precision) && Objects.equals(this.scale, t.scale)
				&& this.timezone == t.timezone && Objects.equals(this.raw, t.raw);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.kind, this.length, this.precision, this.scale, this.timezone, this.raw);
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
			default -> this.kind.name().toUpperCase(Locale.ROOT);
		};
	}

}
