package dev.migrate.reflect;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.schema.ColumnType;

/**
 * Maps a native SQL type name, as a catalog reports it or as a person writes it in a column
 * definition, back to the portable {@link ColumnType}. Unknown types become
 * {@link ColumnType#raw(String)} with the text as given.
 */
public final class TypeNames {

	private static final Pattern TYPE = Pattern
		.compile("^([a-z_][a-z0-9_ ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)\\s*([a-z ]*))?$");

	/** MySQL's integer types by the names an unsigned one is written with. */
	private static final Map<String, String> INTEGER_NAMES = Map.of("tinyint", "TINYINT", "smallint", "SMALLINT",
			"mediumint", "MEDIUMINT", "int", "INT", "integer", "INT", "bigint", "BIGINT");

	/** Catalogs repeat a few type names thousands of times. */
	private static final Map<String, ColumnType> CACHE = new ConcurrentHashMap<>();

	private TypeNames() {
	}

	/**
	 * The portable type for a native type such as {@code character varying(255)},
	 * {@code numeric(10,2)}, {@code timestamp(6) without time zone}, {@code int4}. Display widths go
	 * ({@code int(11)} is INTEGER, {@code tinyint(1)} BOOLEAN as MySQL means it); an unsigned integer
	 * ({@code int(10) unsigned}) is {@code raw("INT UNSIGNED")}, not INTEGER.
	 */
	public static ColumnType parse(String nativeType) {
		if (nativeType == null || nativeType.isBlank()) {
			return ColumnType.raw("");
		}
		ColumnType cached = CACHE.get(nativeType);
		if (cached != null) {
			return cached;
		}
		ColumnType type = parseUncached(nativeType);
		if (CACHE.size() < 4096) {
			CACHE.put(nativeType, type);
		}
		return type;
	}

	/** {@code enum('a','b')} as MySQL's COLUMN_TYPE and H2 write it. */
	private static final Pattern ENUM = Pattern.compile("^enum\\s*\\((.*)\\)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

	private static ColumnType parseUncached(String nativeType) {
		String text = nativeType.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		// PostgreSQL text[] / integer[] (one dimension or more), H2 and Hibernate's "varchar(255) array"
		if (text.endsWith("[]") || text.endsWith(" array")) {
			String element = text.endsWith("[]") ? text.replaceAll("(\\s*\\[\\])+$", "")
					: text.substring(0, text.length() - " array".length());
			if (!element.isBlank()) {
				ColumnType e = parse(element);
				return (e.kind() == ColumnType.Kind.RAW) ? ColumnType.raw(nativeType.trim()) : ColumnType.array(e);
			}
		}
		Matcher en = ENUM.matcher(nativeType.trim());
		if (en.matches()) {
			java.util.List<String> labels = new java.util.ArrayList<>();
			Matcher l = LABEL.matcher(en.group(1));
			while (l.find()) {
				labels.add(l.group(1).replace("''", "'"));
			}
			if (!labels.isEmpty()) {
				return ColumnType.enumOf(labels.toArray(String[]::new));
			}
		}
		Matcher m = TYPE.matcher(text);
		if (!m.matches()) {
			return ColumnType.raw(nativeType.trim());
		}
		String base = m.group(1).trim();
		Integer p1 = (m.group(2) != null) ? Integer.valueOf(m.group(2)) : null;
		Integer p2 = (m.group(3) != null) ? Integer.valueOf(m.group(3)) : null;
		String suffix = (m.group(4) != null) ? m.group(4).trim() : "";
		if (!suffix.isEmpty()) {
			base = base + " " + suffix;
		}
		boolean unsigned = (" " + base + " ").contains(" unsigned ");
		base = base.replace(" unsigned", "").replace(" zerofill", "").trim();
		if (unsigned && INTEGER_NAMES.containsKey(base) && !(p1 != null && p1 == 1 && "tinyint".equals(base))) {
			// MySQL/MariaDB: unsigned integers hold other values, so they stay visible to compare-type
			// (the display width, INT(10), means nothing and goes)
			return ColumnType.raw(INTEGER_NAMES.get(base) + " UNSIGNED");
		}
		ColumnType type = switch (base) {
			case "smallint", "int2", "smallserial", "serial2", "tinyint" -> (p1 != null && p1 == 1 && "tinyint".equals(base))
					? ColumnType.BOOLEAN : ColumnType.SMALLINT;
			case "integer", "int", "int4", "serial", "serial4", "mediumint" -> ColumnType.INTEGER;
			case "bigint", "int8", "bigserial", "serial8" -> ColumnType.BIGINT;
			case "character varying", "varchar", "nvarchar", "varchar2", "varying character", "nvarchar2",
					"national character varying" ->
				(p1 != null) ? ColumnType.string(p1) : ColumnType.string();
			case "text", "clob", "character large object", "longtext", "mediumtext", "tinytext",
					"national character large object", "nclob" ->
				ColumnType.TEXT;
			case "numeric", "decimal", "dec", "number" -> (p1 != null) ? ColumnType.numeric(p1, (p2 != null) ? p2 : 0)
					: ColumnType.numeric();
			case "real", "float4" -> ColumnType.FLOAT;
			case "float" -> (p1 != null && p1 > 24) ? ColumnType.DOUBLE : ColumnType.FLOAT;
			case "double precision", "double", "float8" -> ColumnType.DOUBLE;
			case "boolean", "bool", "bit" -> ((p1 == null || p1 == 1) ? ColumnType.BOOLEAN : null);
			case "date" -> ColumnType.DATE;
			case "time", "time without time zone", "time with time zone", "timetz" -> ColumnType.TIME;
			case "timestamp", "timestamp without time zone", "datetime", "datetime2", "smalldatetime" ->
				ColumnType.TIMESTAMP;
			case "timestamp with time zone", "timestamptz", "datetimeoffset" -> ColumnType.TIMESTAMPTZ;
			case "uuid", "uniqueidentifier" -> ColumnType.UUID;
			case "json" -> ColumnType.JSON;
			case "jsonb" -> ColumnType.JSONB;
			case "bytea", "blob", "binary large object", "longblob", "mediumblob", "tinyblob", "image" ->
				ColumnType.BINARY;
			case "varbinary", "binary varying", "binary" -> (p1 != null) ? ColumnType.binary(p1) : ColumnType.BINARY;
			case "character", "char", "nchar", "bpchar", "national character" ->
				ColumnType.raw("CHAR(" + ((p1 != null) ? p1 : 1) + ")");
			default -> null;
		};
		return (type != null) ? type : ColumnType.raw(nativeType.trim());
	}

}
