package dev.migrate.model;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migrate.ConfigurationException;
import dev.migrate.reflect.TypeNames;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Sequence;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * Reads JPA entities from their {@code jakarta.persistence} annotations without a compile-time
 * dependency on them (annotations are found by type name and read reflectively) and without an
 * ORM: tables, columns with Hibernate 7's default types, primary keys, many-to-one and owning
 * one-to-one foreign keys, indexes, unique constraints, embedded types and inheritance
 * (single table, joined, table per class; {@code @MappedSuperclass}). Field access is read.
 */
final class JpaModelReader {

	private static final String[] PREFIXES = { "jakarta.persistence.", "javax.persistence." };

	private static final int DEFAULT_LENGTH = 255;

	private static final int DEFAULT_PRECISION = 38;

	private static final int DEFAULT_SCALE = 2;

	private final List<Class<?>> entities;

	private final Map<Class<?>, List<Column>> idColumnsCache = new HashMap<>();

	private final Map<Class<?>, Boolean> accessCache = new HashMap<>();

	/** Embeddables without their own access type take their owner's. */
	private final Map<Class<?>, Boolean> embeddableAccess = new HashMap<>();

	/** Collection attributes, read once every entity table is known. */
	private final List<Map.Entry<Attribute, TableParts>> collections = new ArrayList<>();

	private final Naming naming;

	/** The sequences of the entities' sequence-generated ids, by name. */
	private final Map<String, Sequence> sequences = new LinkedHashMap<>();

	/**
	 * Whether Hibernate applies Bean Validation constraints to the DDL: a Bean Validation provider is
	 * on the models' class path ({@code @Size}/{@code @Length} → length, {@code @Digits} → precision
	 * and scale, {@code @Min}/{@code @Max}/{@code @Range} → checks).
	 */
	private final boolean beanValidationDdl;

	/** False while reading an embeddable whose attribute is not cascaded ({@code @Valid}): Hibernate skips it. */
	private boolean validating = true;

	JpaModelReader(List<Class<?>> entities, Naming naming) {
		this(entities, naming, false);
	}

	JpaModelReader(List<Class<?>> entities, Naming naming, boolean beanValidationDdl) {
		this.entities = entities;
		this.naming = naming;
		this.beanValidationDdl = beanValidationDdl;
	}

	private String physical(String logical) {
		return this.naming.physical(logical);
	}

	static boolean isEntity(Class<?> type) {
		return annotation(type, "Entity") != null;
	}

	/** The tables of the entities, in the order given. */
	List<Table> read() {
		Map<String, TableParts> tables = new LinkedHashMap<>();
		for (Class<?> entity : this.entities) {
			Class<?> root = root(entity);
			String strategy = inheritance(root);
			if ("SINGLE_TABLE".equals(strategy) && root != entity) {
				if (!this.entities.contains(root)) {
					throw new ConfigurationException("Entity " + entity.getName() + " extends entity " + root.getName()
							+ ", which is not among the models");
				}
				continue; // its columns go into the root's table
			}
			if ("TABLE_PER_CLASS".equals(strategy) && Modifier.isAbstract(entity.getModifiers())) {
				continue;
			}
			idColumns(root); // an entity without an id is an error, as in Hibernate
			TableParts parts = new TableParts(entity, tableName(entity), schemaOf(entity));
			if (tables.containsKey(parts.name)) {
				throw new ConfigurationException("Entities " + tables.get(parts.name).entity.getName() + " and "
						+ entity.getName() + " both map to table '" + parts.name + "'");
			}
			tables.put(parts.name, parts);
			readTableAnnotations(entity, parts);
			if ("JOINED".equals(strategy) && root != entity) {
				readJoinedSubclass(entity, parts);
			}
			else {
				for (Class<?> type : hierarchy(entity, null)) {
					readAttributes(type, parts, "", Map.of(), false);
				}
				if ("SINGLE_TABLE".equals(strategy)) {
					readSingleTableSubclasses(entity, parts);
				}
			}
		}
		for (Map.Entry<Attribute, TableParts> collection : this.collections) {
			readCollection(collection.getKey(), collection.getValue(), tables);
		}
		List<Table> result = new ArrayList<>();
		for (TableParts parts : tables.values()) {
			result.add(parts.build());
		}
		return result;
	}

	private void readSingleTableSubclasses(Class<?> root, TableParts parts) {
		List<Class<?>> subclasses = this.entities.stream()
			.filter((e) -> e != root && root.isAssignableFrom(e))
			.toList();
		Annotation discriminator = annotation(root, "DiscriminatorColumn");
		if (!subclasses.isEmpty() || discriminator != null) {
			String name = "DTYPE";
			String kind = "STRING";
			int length = 31;
			if (discriminator != null) {
				name = nonEmpty(str(discriminator, "name"), "DTYPE");
				kind = enumName(discriminator, "discriminatorType");
				length = (Integer) attr(discriminator, "length");
			}
			ColumnType type = switch (kind) {
				case "INTEGER" -> ColumnType.INTEGER;
				case "CHAR" -> ColumnType.raw("CHAR(1)");
				default -> ColumnType.string(length);
			};
			parts.addColumn(Column.of(physical(name), type).notNull(), root);
		}
		for (Class<?> sub : subclasses) {
			for (Class<?> type : hierarchy(sub, parentEntity(sub))) {
				readAttributes(type, parts, "", Map.of(), true);
			}
		}
	}

	private void readJoinedSubclass(Class<?> entity, TableParts parts) {
		Class<?> parent = parentEntity(entity);
		List<Column> parentIds = idColumns(root(entity));
		Annotation pkJoin = annotation(entity, "PrimaryKeyJoinColumn");
		List<String> local = new ArrayList<>();
		List<String> referred = new ArrayList<>();
		for (Column id : parentIds) {
			String name = id.name();
			if (pkJoin != null && parentIds.size() == 1 && !str(pkJoin, "name").isEmpty()) {
				name = physical(str(pkJoin, "name"));
			}
			parts.addColumn(new Column(name, id.type(), false, null, true, false, null), entity);
			local.add(name);
			referred.add(id.name());
		}
		parts.pk = local;
		String parentTable = tableName(parent);
		parts.foreignKeys.add(new ForeignKey("fk_" + parts.name + "_" + String.join("_", local), local,
				null, parentTable, referred, null, null));
		for (Class<?> type : hierarchy(entity, parent)) {
			readAttributes(type, parts, "", Map.of(), false);
		}
	}

	/**
	 * The mapped classes from the top of {@code type}'s hierarchy (below {@code stop}) down to
	 * {@code type}: entities, mapped superclasses and embeddables, top first.
	 */
	private static List<Class<?>> hierarchy(Class<?> type, Class<?> stop) {
		List<Class<?>> chain = new ArrayList<>();
		for (Class<?> c = type; c != null && c != Object.class && c != stop; c = c.getSuperclass()) {
			if (c == type || isEntity(c) || annotation(c, "MappedSuperclass") != null
					|| annotation(c, "Embeddable") != null) {
				chain.add(0, c);
			}
		}
		return chain;
	}

	private void readAttributes(Class<?> type, TableParts parts, String prefix, Map<String, Annotation> overrides,
			boolean forceNullable) {
		for (Attribute field : Attribute.of(type, propertyAccess(type))) {
			int mod = field.getModifiers();
			if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || field.isSynthetic()
					|| annotation(field, "Transient") != null) {
				continue;
			}
			if (annotation(field, "OneToMany") != null || annotation(field, "ManyToMany") != null
					|| annotation(field, "ElementCollection") != null) {
				if (prefix.isEmpty()) {
					this.collections.add(Map.entry(field, parts));
				}
				continue;
			}
			Annotation manyToOne = annotation(field, "ManyToOne");
			Annotation oneToOne = annotation(field, "OneToOne");
			if (manyToOne != null || oneToOne != null) {
				if (oneToOne != null && !str(oneToOne, "mappedBy").isEmpty()) {
					continue;
				}
				readJoinColumn(field, parts, manyToOne != null ? manyToOne : oneToOne, oneToOne != null, forceNullable);
				continue;
			}
			boolean embeddedId = annotation(field, "EmbeddedId") != null;
			if (embeddedId || annotation(field, "Embedded") != null
					|| annotation(field.getType(), "Embeddable") != null) {
				Map<String, Annotation> nested = new HashMap<>(overrides);
				nested.putAll(attributeOverrides(field));
				List<String> before = parts.columnNames();
				inheritAccess(field.getType(), type);
				boolean wasValidating = this.validating;
				this.validating = wasValidating && annotationByName(field, "jakarta.validation.Valid") != null;
				try {
					for (Class<?> c : hierarchy(field.getType(), null)) {
						readAttributes(c, parts, prefix + field.getName() + ".", nested, forceNullable && !embeddedId);
					}
				}
				finally {
					this.validating = wasValidating;
				}
				if (embeddedId) {
					List<String> added = new ArrayList<>(parts.columnNames());
					added.removeAll(before);
					parts.pk = added;
				}
				continue;
			}
			Column column = basicColumn(field, overrides.get(prefix + field.getName()), parts.entity);
			if (forceNullable && !column.isPrimaryKey()) {
				column = column.nullable(true);
			}
			parts.addColumn(column, field.getDeclaringClass());
			if (column.isPrimaryKey()) {
				parts.pkColumns.add(column.name());
			}
			List<String> checks = new ArrayList<>();
			String enumCheck = enumCheck(field, column);
			if (enumCheck != null) {
				checks.add(enumCheck);
			}
			if (this.beanValidationDdl && this.validating) {
				checks.addAll(BeanValidationDdl.checks(field, column.name()));
			}
			for (String check : checks) {
				if (parts.checks.stream().noneMatch((c) -> c.condition().equalsIgnoreCase(check))) {
					parts.checks.add(new dev.migrate.schema.CheckConstraint(null, check));
				}
			}
			Annotation columnAnnotation = columnAnnotation(field, overrides.get(prefix + field.getName()));
			if (columnAnnotation != null && Boolean.TRUE.equals(attr(columnAnnotation, "unique"))) {
				parts.uniques.add(new UniqueConstraint("uk_" + parts.name + "_" + column.name(), List.of(column.name())));
			}
		}
	}

	private void readJoinColumn(Attribute field, TableParts parts, Annotation association, boolean oneToOne,
			boolean forceNullable) {
		Class<?> target = field.getType();
		Object targetEntity = attr(association, "targetEntity");
		if (targetEntity instanceof Class<?> c && c != void.class) {
			target = c;
		}
		if (!isEntity(target)) {
			throw new ConfigurationException("Association " + field.getDeclaringClass().getName() + "." + field.getName()
					+ " refers to " + target.getName() + ", which is not an @Entity");
		}
		List<Column> targetIds = idColumns(root(target));
		List<Annotation> joinColumns = new ArrayList<>();
		Annotation joinColumn = annotation(field, "JoinColumn");
		Annotation joinColumnsAnnotation = annotation(field, "JoinColumns");
		if (joinColumn != null) {
			joinColumns.add(joinColumn);
		}
		else if (joinColumnsAnnotation != null) {
			for (Object a : (Object[]) attr(joinColumnsAnnotation, "value")) {
				joinColumns.add((Annotation) a);
			}
		}
		boolean optional = Boolean.TRUE.equals(attr(association, "optional"));
		List<String> local = new ArrayList<>();
		List<String> referred = new ArrayList<>();
		String fkName = null;
		boolean unique = oneToOne;
		for (int i = 0; i < targetIds.size(); i++) {
			Column id = targetIds.get(i);
			Annotation jc = (i < joinColumns.size()) ? joinColumns.get(i) : null;
			String referencedName = id.name();
			if (jc != null && !str(jc, "referencedColumnName").isEmpty()) {
				referencedName = physical(str(jc, "referencedColumnName"));
			}
			String name = (jc != null && !str(jc, "name").isEmpty()) ? physical(str(jc, "name"))
					: physical(field.getName() + "_" + referencedName);
			boolean nullable = forceNullable || (optional && (jc == null || Boolean.TRUE.equals(attr(jc, "nullable"))));
			if (jc != null && Boolean.TRUE.equals(attr(jc, "unique"))) {
				unique = true;
			}
			ColumnType type = id.type();
			if (jc != null && !str(jc, "columnDefinition").isEmpty()) {
				type = TypeNames.parse(str(jc, "columnDefinition"));
			}
			parts.addColumn(new Column(name, type, nullable, null, false, false, null), field.getDeclaringClass());
			local.add(name);
			referred.add(referencedName);
			if (jc != null) {
				Object fk = attr(jc, "foreignKey");
				if (fk instanceof Annotation fka && !str(fka, "name").isEmpty()) {
					fkName = str(fka, "name");
				}
			}
		}
		if (fkName == null) {
			fkName = "fk_" + parts.name + "_" + String.join("_", local);
		}
		// ON DELETE from JPA's @ForeignKey(foreignKeyDefinition = "... ON DELETE CASCADE"), else from
		// Hibernate's @OnDelete(action = CASCADE | SET_NULL | SET_DEFAULT | RESTRICT), read by name
		String onDeleteAction = onDeleteOf(joinColumns);
		Annotation onDelete = annotationByName(field, "org.hibernate.annotations.OnDelete");
		if (onDeleteAction == null && onDelete != null) {
			onDeleteAction = enumName(onDelete, "action").replace('_', ' ');
		}
		if ("NO ACTION".equals(onDeleteAction)) {
			onDeleteAction = null;
		}
		parts.foreignKeys.add(new ForeignKey(fkName, local, schemaOf(target), tableName(target), referred,
				onDeleteAction, null));
		if (unique) {
			parts.uniques.add(new UniqueConstraint("uk_" + parts.name + "_" + String.join("_", local), local));
		}
	}

	private static final java.util.regex.Pattern ON_DELETE = java.util.regex.Pattern.compile(
			"\\bON\\s+DELETE\\s+(CASCADE|SET\\s+NULL|SET\\s+DEFAULT|RESTRICT|NO\\s+ACTION)\\b",
			java.util.regex.Pattern.CASE_INSENSITIVE);

	/** The ON DELETE action written in a join column's {@code @ForeignKey(foreignKeyDefinition)}, or null. */
	private static String onDeleteOf(List<Annotation> joinColumns) {
		for (Annotation jc : joinColumns) {
			if (attr(jc, "foreignKey") instanceof Annotation fka) {
				java.util.regex.Matcher m = ON_DELETE.matcher(str(fka, "foreignKeyDefinition"));
				if (m.find()) {
					return m.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
				}
			}
		}
		return null;
	}

	/** The primary-key columns of an entity (its id fields, embedded id or id class). */
	private List<Column> idColumns(Class<?> entity) {
		List<Column> cached = this.idColumnsCache.get(entity);
		if (cached != null) {
			return cached;
		}
		TableParts probe = new TableParts(entity, tableName(entity), schemaOf(entity));
		for (Class<?> type : hierarchy(entity, null)) {
			for (Attribute field : Attribute.of(type, propertyAccess(type))) {
				if (annotation(field, "Id") != null && annotation(field, "ManyToOne") == null
						&& annotation(field, "OneToOne") == null) {
					probe.addColumn(basicColumn(field, null, entity), type);
				}
				else if (annotation(field, "EmbeddedId") != null) {
					Map<String, Annotation> overrides = attributeOverrides(field);
					inheritAccess(field.getType(), type);
					for (Class<?> c : hierarchy(field.getType(), null)) {
						readAttributes(c, probe, field.getName() + ".", overrides, false);
					}
				}
			}
		}
		if (probe.columns.isEmpty()) {
			throw new ConfigurationException("Entity " + entity.getName() + " has no @Id or @EmbeddedId field");
		}
		List<Column> ids = probe.columns.values().stream()
			.map((c) -> new Column(c.name(), c.type(), false, null, true, false, null))
			.toList();
		this.idColumnsCache.put(entity, ids);
		return ids;
	}

	private Column basicColumn(Attribute field, Annotation override, Class<?> entity) {
		Annotation column = columnAnnotation(field, override);
		boolean id = annotation(field, "Id") != null;
		String logical = (column != null && !str(column, "name").isEmpty()) ? str(column, "name") : field.getName();
		String name = physical(logical);
		ColumnType type = columnType(field, field.getType(), column);
		if (this.beanValidationDdl && this.validating) {
			type = BeanValidationDdl.type(field, type);
		}
		boolean nullable = !field.getType().isPrimitive() && !id;
		if (column != null && Boolean.FALSE.equals(attr(column, "nullable"))) {
			nullable = false;
		}
		Annotation basic = annotation(field, "Basic");
		if (basic != null && Boolean.FALSE.equals(attr(basic, "optional"))) {
			nullable = false;
		}
		if (annotationByName(field, "jakarta.validation.constraints.NotNull") != null
				|| annotationByName(field, "jakarta.validation.constraints.NotBlank") != null
				|| annotationByName(field, "jakarta.validation.constraints.NotEmpty") != null) {
			nullable = false;
		}
		boolean autoincrement = false;
		Annotation generated = annotation(field, "GeneratedValue");
		if (generated != null && "IDENTITY".equals(enumName(generated, "strategy"))) {
			autoincrement = true;
		}
		String serverDefault = null;
		ServerDefault sd = field.getAnnotation(ServerDefault.class);
		Annotation columnDefault = annotationByName(field, "org.hibernate.annotations.ColumnDefault");
		if (sd != null) {
			serverDefault = sd.value();
		}
		else if (columnDefault != null) {
			serverDefault = str(columnDefault, "value");
		}
		if (id && generated != null && !autoincrement) {
			readSequence(field, generated, entity);
		}
		// Hibernate 7 creates an IDENTITY id as "generated by default as identity" (PostgreSQL, H2)
		return new Column(name, type, nullable, serverDefault, id, autoincrement, comment(field, column),
				autoincrement);
	}

	/** The sequences of sequence-generated ids ({@code @SequenceGenerator}, or Hibernate's defaults), in order. */
	List<Sequence> sequences() {
		return new ArrayList<>(this.sequences.values());
	}

	/**
	 * A comment from Hibernate's {@code @Comment} or JPA 3.2's {@code comment} member of {@code @Column} or
	 * {@code @Table} (on {@code element}, with {@code jpa} its {@code @Column}/{@code @Table}), or null.
	 */
	private static String comment(AnnotatedElement element, Annotation jpa) {
		Annotation comment = annotationByName(element, "org.hibernate.annotations.Comment");
		if (comment != null && !str(comment, "value").isEmpty()) {
			return str(comment, "value");
		}
		if (jpa != null) {
			try {
				Object value = jpa.annotationType().getMethod("comment").invoke(jpa);
				if (value instanceof String text && !text.isEmpty()) {
					return text;
				}
			}
			catch (NoSuchMethodException ex) {
				return null; // javax.persistence, JPA before 3.2
			}
			catch (ReflectiveOperationException ex) {
				throw new ConfigurationException("Cannot read " + jpa.annotationType().getName() + ".comment", ex);
			}
		}
		return null;
	}

	/**
	 * The sequence of an id generated with {@code strategy = SEQUENCE} (or {@code AUTO} on an integral id, which
	 * Hibernate 7 also serves from a sequence where the database has them): the {@code @SequenceGenerator} the
	 * {@code generator} names (on the field, the entity's classes or any entity), its {@code sequenceName} or, without
	 * one, the generator's name; with no generator named, an unnamed {@code @SequenceGenerator} of the field or
	 * entity, or Hibernate's default {@code <table>_seq}; {@code initialValue} 1 and {@code allocationSize} 50 unless
	 * given.
	 */
	private void readSequence(Attribute field, Annotation generated, Class<?> entity) {
		String strategy = enumName(generated, "strategy");
		boolean auto = "AUTO".equals(strategy);
		if (!"SEQUENCE".equals(strategy) && !(auto && integral(field.getType()))) {
			return;
		}
		String generator = str(generated, "generator");
		Annotation sg = sequenceGenerator(field, entity, generator);
		if (sg == null && auto && !generator.isEmpty()) {
			return; // another kind of generator (@TableGenerator, Hibernate's @GenericGenerator, ...)
		}
		String name;
		long start = 1;
		long increment = 50;
		String schema = null;
		if (sg != null) {
			name = !str(sg, "sequenceName").isEmpty() ? str(sg, "sequenceName")
					: !generator.isEmpty() ? generator : null;
			start = ((Number) attr(sg, "initialValue")).longValue();
			increment = ((Number) attr(sg, "allocationSize")).longValue();
			schema = str(sg, "schema").isEmpty() ? null : physical(str(sg, "schema"));
		}
		else {
			name = generator.isEmpty() ? null : generator;
		}
		String sequence = (name != null) ? physical(name) : physical(tableName(root(entity)) + "_seq");
		this.sequences.putIfAbsent(sequence.toLowerCase(Locale.ROOT), new Sequence(schema, sequence, start, increment));
	}

	private static boolean integral(Class<?> type) {
		return type == long.class || type == Long.class || type == int.class || type == Integer.class
				|| type == short.class || type == Short.class || type == java.math.BigInteger.class;
	}

	/** The {@code @SequenceGenerator} named {@code name} (or, for "", an unnamed one of the field or entity), or null. */
	private Annotation sequenceGenerator(Attribute field, Class<?> entity, String name) {
		List<AnnotatedElement> places = new ArrayList<>();
		places.add(field);
		for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
			places.add(c);
		}
		if (!name.isEmpty()) {
			places.addAll(this.entities);
		}
		for (AnnotatedElement place : places) {
			List<Annotation> found = new ArrayList<>();
			Annotation single = annotation(place, "SequenceGenerator");
			if (single != null) {
				found.add(single);
			}
			Annotation multiple = annotation(place, "SequenceGenerators");
			if (multiple != null) {
				for (Object o : (Object[]) attr(multiple, "value")) {
					found.add((Annotation) o);
				}
			}
			for (Annotation sg : found) {
				if (str(sg, "name").equals(name)) {
					return sg;
				}
			}
		}
		return null;
	}

	private ColumnType columnType(Attribute field, Class<?> type, Annotation column) {
		if (column != null && !str(column, "columnDefinition").isEmpty()) {
			return TypeNames.parse(str(column, "columnDefinition"));
		}
		int length = (column != null) ? (Integer) attr(column, "length") : DEFAULT_LENGTH;
		int precision = (column != null) ? (Integer) attr(column, "precision") : 0;
		int scale = (column != null) ? (Integer) attr(column, "scale") : 0;
		boolean lob = annotation(field, "Lob") != null;
		int jdbcTypeCode = jdbcTypeCode(field);
		if (type.isEnum()) {
			String[] names = enumNames(type);
			java.util.Arrays.sort(names); // Hibernate 7 lists an enum type's labels sorted
			if (jdbcTypeCode == SQL_NAMED_ENUM) {
				// Hibernate 7: "create type <SimpleName> as enum (...)", folded to lower case by PostgreSQL
				return ColumnType.namedEnum(type.getSimpleName().toLowerCase(Locale.ROOT), names);
			}
			if ("STRING".equals(enumMode(field))) {
				// ENUM('A','B') on MySQL, MariaDB and H2; VARCHAR(length) with a check elsewhere
				return ColumnType.enumOf(length, names);
			}
			return (type.getEnumConstants().length <= Short.MAX_VALUE) ? ColumnType.SMALLINT : ColumnType.INTEGER;
		}
		if (jdbcTypeCode == SQL_JSON) {
			return ColumnType.JSONB; // jsonb on PostgreSQL, json elsewhere
		}
		if (jdbcTypeCode == SQL_UUID) {
			return ColumnType.UUID;
		}
		if (type == java.util.UUID.class && jdbcTypeCode != Integer.MIN_VALUE) {
			// Hibernate 7: SqlTypes.CHAR is char(36) (varchar(36) on MySQL/MariaDB), VARCHAR varchar(36), BINARY binary(16)
			switch (jdbcTypeCode) {
				case SQL_CHAR -> {
					return ColumnType.raw("CHAR(36)");
				}
				case SQL_VARCHAR -> {
					return ColumnType.string(36);
				}
				case SQL_BINARY -> {
					return ColumnType.binary(16);
				}
				default -> {
				}
			}
		}
		if (type.isArray() && !isByteOrChar(type.getComponentType())) {
			// Hibernate 7: a basic array is an SQL array ("varchar(255) array"; JSON on MySQL/MariaDB)
			return ColumnType.array(columnType(field, type.getComponentType(), column));
		}
		if (jdbcTypeCode == SQL_ARRAY && java.util.Collection.class.isAssignableFrom(type)) {
			Class<?> element = collectionElement(field);
			if (element != null) {
				return ColumnType.array(columnType(field, element, column));
			}
		}
		Annotation temporal = annotation(field, "Temporal");
		if (temporal != null) {
			return switch (enumName(temporal, "value")) {
				case "DATE" -> ColumnType.DATE;
				case "TIME" -> ColumnType.TIME;
				default -> ColumnType.TIMESTAMP;
			};
		}
		String name = type.getName();
		return switch (name) {
			case "java.lang.String" -> lob ? ColumnType.TEXT : ColumnType.string(length);
			case "char", "java.lang.Character" -> ColumnType.raw("CHAR(1)");
			case "int", "java.lang.Integer" -> ColumnType.INTEGER;
			case "long", "java.lang.Long" -> ColumnType.BIGINT;
			case "short", "java.lang.Short", "byte", "java.lang.Byte" -> ColumnType.SMALLINT;
			case "boolean", "java.lang.Boolean" -> ColumnType.BOOLEAN;
			case "float", "java.lang.Float" -> ColumnType.FLOAT;
			case "double", "java.lang.Double" -> ColumnType.DOUBLE;
			case "java.math.BigDecimal" -> ColumnType.numeric((precision > 0) ? precision : DEFAULT_PRECISION,
					(scale > 0) ? scale : ((precision > 0) ? 0 : DEFAULT_SCALE));
			case "java.math.BigInteger" -> ColumnType.numeric((precision > 0) ? precision : DEFAULT_PRECISION, 0);
			case "java.time.LocalDate", "java.sql.Date" -> ColumnType.DATE;
			case "java.time.LocalTime", "java.time.OffsetTime", "java.sql.Time" -> ColumnType.TIME;
			case "java.time.LocalDateTime", "java.util.Date", "java.util.Calendar", "java.sql.Timestamp" ->
				ColumnType.TIMESTAMP;
			case "java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime" -> ColumnType.TIMESTAMPTZ;
			case "java.util.UUID" -> ColumnType.UUID;
			case "[B", "[Ljava.lang.Byte;" -> lob ? ColumnType.BINARY : ColumnType.binary(length);
			case "[C", "[Ljava.lang.Character;" -> lob ? ColumnType.TEXT : ColumnType.string(length);
			case "java.time.Duration" -> ColumnType.numeric(21, 0);
			case "java.time.Year" -> ColumnType.INTEGER;
			case "java.net.URL", "java.util.Locale", "java.util.TimeZone", "java.util.Currency", "java.time.ZoneId",
					"java.time.ZoneOffset", "java.lang.Class" ->
				ColumnType.string(length);
			default -> {
				if (java.io.Serializable.class.isAssignableFrom(type)) {
					yield ColumnType.binary(length);
				}
				throw new ConfigurationException("Cannot map field " + field.getDeclaringClass().getName() + "."
						+ field.getName() + " of type " + type.getName()
						+ " to a column; give it @Column(columnDefinition = ...), @Transient or @Embeddable");
			}
		};
	}

	/** {@code SqlTypes.ARRAY}, {@code SqlTypes.UUID}, {@code SqlTypes.JSON}, {@code SqlTypes.NAMED_ENUM}. */
	private static final int SQL_ARRAY = 2003;

	private static final int SQL_UUID = 3000;

	/** {@code SqlTypes.CHAR}, {@code SqlTypes.VARCHAR}, {@code SqlTypes.BINARY}: a UUID as text or bytes. */
	private static final int SQL_CHAR = 1;

	private static final int SQL_VARCHAR = 12;

	private static final int SQL_BINARY = -2;

	private static final int SQL_JSON = 3001;

	private static final int SQL_NAMED_ENUM = 6001;

	/** Hibernate's {@code @JdbcTypeCode(...)} of an attribute, or {@link Integer#MIN_VALUE}. */
	private static int jdbcTypeCode(Attribute field) {
		Annotation code = annotationByName(field, "org.hibernate.annotations.JdbcTypeCode");
		return (code != null && attr(code, "value") instanceof Integer i) ? i : Integer.MIN_VALUE;
	}

	private static boolean isByteOrChar(Class<?> type) {
		return type == byte.class || type == char.class || type == Byte.class || type == Character.class;
	}

	/** The element class of a {@code List<E>}/{@code Set<E>} attribute, or null. */
	private static Class<?> collectionElement(Attribute field) {
		if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType p
				&& p.getActualTypeArguments().length == 1 && p.getActualTypeArguments()[0] instanceof Class<?> c) {
			return c;
		}
		return null;
	}

	private static String[] enumNames(Class<?> type) {
		Object[] constants = type.getEnumConstants();
		String[] names = new String[constants.length];
		for (int i = 0; i < constants.length; i++) {
			names[i] = ((Enum<?>) constants[i]).name();
		}
		return names;
	}

	/** {@code STRING} or {@code ORDINAL} (the default) for an enum attribute. */
	private static String enumMode(Attribute field) {
		Annotation enumerated = annotation(field, "Enumerated");
		return (enumerated != null) ? enumName(enumerated, "value") : "ORDINAL";
	}

	/**
	 * The check Hibernate 7 puts on an enum column (PostgreSQL, H2 and MariaDB for ORDINAL; for
	 * STRING where the database has no ENUM type): {@code c in ('A','B')} in declaration order,
	 * {@code c between 0 and n-1}; none for a named enum type. Null for other columns.
	 */
	private static String enumCheck(Attribute field, Column column) {
		Class<?> type = field.getType();
		if (!type.isEnum() || jdbcTypeCode(field) == SQL_NAMED_ENUM
				|| (annotation(field, "Column") != null && !str(annotation(field, "Column"), "columnDefinition").isEmpty())) {
			return null;
		}
		if ("STRING".equals(enumMode(field))) {
			StringBuilder s = new StringBuilder(column.name()).append(" in (");
			String[] names = enumNames(type);
			for (int i = 0; i < names.length; i++) {
				s.append((i > 0) ? "," : "").append('\'').append(names[i].replace("'", "''")).append('\'');
			}
			return s.append(')').toString();
		}
		return column.name() + " between 0 and " + (type.getEnumConstants().length - 1);
	}

	/**
	 * A collection attribute: the join table of an owning many-to-many (or of a one-to-many without
	 * a join column), the foreign-key column a one-to-many with {@code @JoinColumn} puts on the
	 * target's table, or the collection table of an {@code @ElementCollection}. Join tables are
	 * named as Spring Boot's naming strategy does ({@code <owner table>_<attribute>}).
	 */
	private void readCollection(Attribute field, TableParts owner, Map<String, TableParts> tables) {
		Annotation manyToMany = annotation(field, "ManyToMany");
		Annotation oneToMany = annotation(field, "OneToMany");
		Class<?> declaring = field.getDeclaringClass();
		Class<?> ownerEntity = isEntity(declaring) ? declaring : owner.entity;
		List<Column> ownerIds = idColumns(root(owner.entity));
		Class<?> element = elementType(field);
		String where = declaring.getName() + "." + field.getName();
		if (manyToMany != null || oneToMany != null) {
			Annotation association = (manyToMany != null) ? manyToMany : oneToMany;
			if (!str(association, "mappedBy").isEmpty()) {
				return;
			}
			Object targetEntity = attr(association, "targetEntity");
			Class<?> target = (targetEntity instanceof Class<?> c && c != void.class) ? c : element;
			if (target == null || !isEntity(target)) {
				throw new ConfigurationException("Association " + where + " refers to "
						+ ((target != null) ? target.getName() : "an unknown type") + ", which is not an @Entity");
			}
			List<Column> targetIds = idColumns(root(target));
			Annotation joinColumn = annotation(field, "JoinColumn");
			if (oneToMany != null && joinColumn != null) {
				TableParts targetParts = tables.get(tableName(target));
				if (targetParts == null) {
					return; // the target's table is not among the models
				}
				String name = !str(joinColumn, "name").isEmpty() ? physical(str(joinColumn, "name"))
						: physical(field.getName() + "_" + ownerIds.get(0).name());
				targetParts.addColumn(new Column(name, ownerIds.get(0).type(),
						Boolean.TRUE.equals(attr(joinColumn, "nullable")), null, false, false, null), declaring);
				targetParts.foreignKeys.add(new ForeignKey("fk_" + targetParts.name + "_" + name, List.of(name),
						owner.schema, owner.name, List.of(ownerIds.get(0).name()), null, null));
				return;
			}
			Annotation joinTable = annotation(field, "JoinTable");
			String name = (joinTable != null && !str(joinTable, "name").isEmpty())
					? physical(str(joinTable, "name"))
					: physical(this.naming.joinTable(owner.name, field.getName(), tableName(target)));
			String inverse = inverseAttribute(target, field.getName());
			String ownerPrefix = (inverse != null) ? inverse : entityName(ownerEntity);
			TableParts join = new TableParts(ownerEntity, name, owner.schema);
			List<String> ownerColumns = joinColumns(join, (joinTable != null) ? (Object[]) attr(joinTable, "joinColumns")
					: new Object[0], ownerIds, ownerPrefix, declaring);
			List<String> targetColumns = joinColumns(join, (joinTable != null)
					? (Object[]) attr(joinTable, "inverseJoinColumns") : new Object[0], targetIds, field.getName(), declaring);
			join.foreignKeys.add(new ForeignKey("fk_" + name + "_" + String.join("_", ownerColumns), ownerColumns,
					owner.schema, owner.name, ownerIds.stream().map(Column::name).toList(), null, null));
			join.foreignKeys.add(new ForeignKey("fk_" + name + "_" + String.join("_", targetColumns), targetColumns,
					schemaOf(target), tableName(target), targetIds.stream().map(Column::name).toList(), null, null));
			if (oneToMany != null) {
				join.uniques.add(new UniqueConstraint("uk_" + name + "_" + String.join("_", targetColumns), targetColumns));
			}
			if (java.util.Set.class.isAssignableFrom(field.getType())) {
				join.pk = new ArrayList<>(ownerColumns);
				join.pk.addAll(targetColumns);
			}
			addTable(tables, join);
			return;
		}
		// @ElementCollection
		Annotation collectionTable = annotation(field, "CollectionTable");
		String name = (collectionTable != null && !str(collectionTable, "name").isEmpty())
				? physical(str(collectionTable, "name"))
				: physical(entityName(ownerEntity) + "_" + field.getName());
		TableParts table = new TableParts(ownerEntity, name, owner.schema);
		List<String> ownerColumns = joinColumns(table, (collectionTable != null)
				? (Object[]) attr(collectionTable, "joinColumns") : new Object[0], ownerIds, entityName(ownerEntity),
				declaring);
		table.foreignKeys.add(new ForeignKey("fk_" + name + "_" + String.join("_", ownerColumns), ownerColumns,
				owner.schema, owner.name, ownerIds.stream().map(Column::name).toList(), null, null));
		if (element == null) {
			throw new ConfigurationException("Cannot tell the element type of collection " + where
					+ "; declare it with a type argument");
		}
		boolean set = java.util.Set.class.isAssignableFrom(field.getType());
		if (annotation(element, "Embeddable") != null) {
			inheritAccess(element, declaring);
			for (Class<?> c : hierarchy(element, null)) {
				readAttributes(c, table, field.getName() + ".", attributeOverrides(field), false);
			}
		}
		else {
			Annotation column = annotation(field, "Column");
			String columnName = (column != null && !str(column, "name").isEmpty()) ? str(column, "name") : field.getName();
			table.addColumn(new Column(physical(columnName), columnType(field, element, column), !set,
					null, false, false, null), declaring);
		}
		if (set) {
			table.pk = table.columnNames();
		}
		addTable(tables, table);
	}

	private List<String> joinColumns(TableParts parts, Object[] annotations, List<Column> referenced, String prefix,
			Class<?> owner) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < referenced.size(); i++) {
			Annotation jc = (i < annotations.length) ? (Annotation) annotations[i] : null;
			String name = (jc != null && !str(jc, "name").isEmpty()) ? physical(str(jc, "name"))
					: physical(prefix + "_" + referenced.get(i).name());
			parts.addColumn(new Column(name, referenced.get(i).type(), false, null, false, false, null), owner);
			names.add(name);
		}
		return names;
	}

	private static void addTable(Map<String, TableParts> tables, TableParts parts) {
		TableParts previous = tables.putIfAbsent(parts.name, parts);
		if (previous != null) {
			throw new ConfigurationException("Table '" + parts.name + "' of a collection of " + parts.entity.getName()
					+ " is also mapped by " + previous.entity.getName());
		}
	}

	/** The attribute of {@code target} that is the inverse side ({@code mappedBy}) of {@code attribute}, or null. */
	private String inverseAttribute(Class<?> target, String attribute) {
		for (Class<?> c : hierarchy(target, null)) {
			for (Attribute f : Attribute.of(c, propertyAccess(c))) {
				Annotation m = annotation(f, "ManyToMany");
				if (m != null && attribute.equals(str(m, "mappedBy"))) {
					return f.getName();
				}
			}
		}
		return null;
	}

	/** The element type of a collection (the value type of a map), or null when not declared. */
	private static Class<?> elementType(Attribute field) {
		java.lang.reflect.Type generic = field.getGenericType();
		if (generic instanceof java.lang.reflect.ParameterizedType p) {
			java.lang.reflect.Type[] args = p.getActualTypeArguments();
			java.lang.reflect.Type arg = args[args.length - 1];
			if (arg instanceof Class<?> c) {
				return c;
			}
			if (arg instanceof java.lang.reflect.ParameterizedType pa && pa.getRawType() instanceof Class<?> c) {
				return c;
			}
		}
		return field.getType().isArray() ? field.getType().getComponentType() : null;
	}

	private static String entityName(Class<?> entity) {
		Annotation e = annotation(entity, "Entity");
		return (e != null && !str(e, "name").isEmpty()) ? str(e, "name") : entity.getSimpleName();
	}

	private void readTableAnnotations(Class<?> entity, TableParts parts) {
		Annotation table = annotation(entity, "Table");
		parts.comment = comment(entity, table);
		if (table == null) {
			return;
		}
		for (Object o : (Object[]) attr(table, "indexes")) {
			Annotation index = (Annotation) o;
			List<String> columns = columnList(str(index, "columnList"));
			String name = str(index, "name");
			if (name.isEmpty()) {
				name = "ix_" + parts.name + "_" + String.join("_", columns);
			}
			parts.indexes.add(new Index(name, parts.name, columns, Boolean.TRUE.equals(attr(index, "unique")), null,
					false));
		}
		for (Object o : (Object[]) attr(table, "uniqueConstraints")) {
			Annotation unique = (Annotation) o;
			List<String> columns = new ArrayList<>();
			for (String c : (String[]) attr(unique, "columnNames")) {
				columns.add(physical(c.trim()));
			}
			String name = str(unique, "name");
			parts.uniques.add(new UniqueConstraint(name.isEmpty() ? "uk_" + parts.name + "_" + String.join("_", columns)
					: name, columns));
		}
	}

	private List<String> columnList(String columnList) {
		List<String> columns = new ArrayList<>();
		for (String part : columnList.split(",")) {
			String c = part.trim();
			String upper = c.toUpperCase(Locale.ROOT);
			if (upper.endsWith(" ASC")) {
				c = c.substring(0, c.length() - 4).trim();
			}
			else if (upper.endsWith(" DESC")) {
				c = c.substring(0, c.length() - 5).trim();
			}
			if (!c.isEmpty()) {
				columns.add(physical(c));
			}
		}
		return columns;
	}

	private static Map<String, Annotation> attributeOverrides(Attribute field) {
		Map<String, Annotation> overrides = new HashMap<>();
		List<Annotation> list = new ArrayList<>();
		Annotation single = annotation(field, "AttributeOverride");
		if (single != null) {
			list.add(single);
		}
		Annotation multiple = annotation(field, "AttributeOverrides");
		if (multiple != null) {
			for (Object o : (Object[]) attr(multiple, "value")) {
				list.add((Annotation) o);
			}
		}
		for (Annotation a : list) {
			overrides.put(field.getName() + "." + str(a, "name"), (Annotation) attr(a, "column"));
		}
		return overrides;
	}

	private static Annotation columnAnnotation(Attribute field, Annotation override) {
		return (override != null) ? override : annotation(field, "Column");
	}

	/**
	 * Whether the attributes of {@code type} are its getters: {@code @Access(PROPERTY)} on the class
	 * or a superclass, or else {@code @Id}/{@code @EmbeddedId} on a getter in the hierarchy (JPA's
	 * rule). Field access otherwise.
	 */
	private boolean propertyAccess(Class<?> type) {
		return this.accessCache.computeIfAbsent(type, (t) -> {
			for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
				Annotation access = annotation(c, "Access");
				if (access != null) {
					return "PROPERTY".equals(enumName(access, "value"));
				}
			}
			for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
				for (java.lang.reflect.Field f : c.getDeclaredFields()) {
					if (annotation(f, "Id") != null || annotation(f, "EmbeddedId") != null) {
						return false;
					}
				}
				for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
					if (annotation(m, "Id") != null || annotation(m, "EmbeddedId") != null) {
						return true;
					}
				}
			}
			return this.embeddableAccess.getOrDefault(t, false);
		});
	}

	/** An embeddable read for {@code owner} uses the owner's access type unless it declares its own. */
	private void inheritAccess(Class<?> embeddable, Class<?> owner) {
		if (!this.accessCache.containsKey(embeddable)) {
			this.embeddableAccess.putIfAbsent(embeddable, propertyAccess(owner));
		}
	}

	/** The nearest entity superclass, or null. */
	private static Class<?> parentEntity(Class<?> entity) {
		Class<?> parent = entity.getSuperclass();
		while (parent != null && !isEntity(parent)) {
			parent = parent.getSuperclass();
		}
		return parent;
	}

	/** The top entity of an inheritance hierarchy. */
	private static Class<?> root(Class<?> entity) {
		Class<?> root = entity;
		for (Class<?> c = entity.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
			if (isEntity(c)) {
				root = c;
			}
		}
		return root;
	}

	private static String inheritance(Class<?> root) {
		Annotation inheritance = annotation(root, "Inheritance");
		return (inheritance != null) ? enumName(inheritance, "strategy") : "SINGLE_TABLE";
	}

	private String tableName(Class<?> entity) {
		Class<?> root = root(entity);
		if (root != entity && "SINGLE_TABLE".equals(inheritance(root))) {
			return tableName(root);
		}
		Annotation table = annotation(entity, "Table");
		if (table != null && !str(table, "name").isEmpty()) {
			return physical(str(table, "name"));
		}
		return physical(entityName(entity));
	}

	private String schemaOf(Class<?> entity) {
		Annotation table = annotation(entity, "Table");
		return (table != null && !str(table, "schema").isEmpty()) ? physical(str(table, "schema"))
				: null;
	}

	static Annotation annotation(AnnotatedElement element, String simpleName) {
		for (Annotation a : element.getAnnotations()) {
			String name = a.annotationType().getName();
			for (String prefix : PREFIXES) {
				if (name.length() == prefix.length() + simpleName.length() && name.startsWith(prefix)
						&& name.endsWith(simpleName)) {
					return a;
				}
			}
		}
		return null;
	}

	private static Annotation annotationByName(AnnotatedElement element, String name) {
		for (Annotation a : element.getAnnotations()) {
			if (a.annotationType().getName().equals(name)) {
				return a;
			}
		}
		return null;
	}

	/** An annotation's member, read reflectively (the annotation types are not on Migrate's class path). */
	static Object attr(Annotation annotation, String name) {
		try {
			Method method = annotation.annotationType().getMethod(name);
			method.setAccessible(true);
			return method.invoke(annotation);
		}
		catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ex) {
			throw new ConfigurationException("Cannot read " + annotation.annotationType().getName() + "." + name, ex);
		}
	}

	private static String str(Annotation annotation, String name) {
		Object value = attr(annotation, name);
		return (value != null) ? value.toString() : "";
	}

	private static String enumName(Annotation annotation, String name) {
		Object value = attr(annotation, name);
		return (value instanceof Enum<?> e) ? e.name() : String.valueOf(value);
	}

	private static String nonEmpty(String value, String fallback) {
		return (value == null || value.isEmpty()) ? fallback : value;
	}

	/** A name within the 63 characters PostgreSQL keeps (MySQL: 64), made unique by a hash when shortened. */
	static String limit(String name) {
		if (name == null || name.length() <= 63) {
			return name;
		}
		return name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode() & 0xfffffff);
	}

	/** The parts of one table while its entity (and subclasses) are read. */
	private static final class TableParts {

		private final Class<?> entity;

		private final String name;

		private final String schema;

		private final Map<String, Column> columns = new LinkedHashMap<>();

		private final Map<String, Class<?>> columnOwners = new HashMap<>();

		private final List<String> pkColumns = new ArrayList<>();

		private List<String> pk;

		private final List<ForeignKey> foreignKeys = new ArrayList<>();

		private final List<UniqueConstraint> uniques = new ArrayList<>();

		private final List<Index> indexes = new ArrayList<>();

		private String comment;

		/** Hibernate's unnamed checks of enum columns. */
		private final List<dev.migrate.schema.CheckConstraint> checks = new ArrayList<>();

		TableParts(Class<?> entity, String name, String schema) {
			this.entity = entity;
			this.name = name;
			this.schema = schema;
		}

		void addColumn(Column column, Class<?> owner) {
			Class<?> previous = this.columnOwners.putIfAbsent(column.name(), owner);
			if (previous != null) {
				if (this.columns.get(column.name()).type().equals(column.type())) {
					return; // single table: subclasses may share a column
				}
				throw new ConfigurationException("Column '" + column.name() + "' of table '" + this.name
						+ "' is mapped twice with different types (" + previous.getName() + ", " + owner.getName()
						+ "); use @Column(name = ...) or @AttributeOverride");
			}
			this.columns.put(column.name(), column);
		}

		List<String> columnNames() {
			return new ArrayList<>(this.columns.keySet());
		}

		Table build() {
			List<String> pkCols = (this.pk != null) ? this.pk : this.pkColumns;
			List<Column> ordered = new ArrayList<>();
			for (String c : pkCols) {
				Column column = this.columns.get(c);
				ordered.add(column.isPrimaryKey() ? column : column.primaryKey());
			}
			for (Column c : this.columns.values()) {
				if (!pkCols.contains(c.name())) {
					ordered.add(c);
				}
			}
			PrimaryKey primaryKey = pkCols.isEmpty() ? null : new PrimaryKey(null, pkCols);
			for (Index index : this.indexes) {
				for (String c : index.columns()) {
					if (!this.columns.containsKey(c)) {
						throw new ConfigurationException("Index '" + index.name() + "' of entity "
								+ this.entity.getName() + " names column '" + c + "', which table '" + this.name
								+ "' does not have");
					}
				}
			}
			List<ForeignKey> fks = this.foreignKeys.stream()
				.map((f) -> new ForeignKey(limit(f.name()), f.columns(), f.referredSchema(), f.referredTable(),
						f.referredColumns(), f.onDelete(), f.onUpdate()))
				.toList();
			List<UniqueConstraint> uqs = this.uniques.stream()
				.map((u) -> new UniqueConstraint(limit(u.name()), u.columns()))
				.toList();
			List<Index> ixs = this.indexes.stream()
				.map((i) -> new Index(limit(i.name()), i.table(), i.columns(), i.unique(), i.where(), i.expressions()))
				.toList();
			return new Table(this.schema, this.name, ordered, primaryKey, fks, uqs, List.copyOf(this.checks), ixs,
					this.comment);
		}

	}

}
