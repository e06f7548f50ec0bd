package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.migrate.dialect.Dialect;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.OwnTables;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Sequence;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * Compares the models with the reflected database, object kind by object kind (tables, columns,
 * primary keys, indexes, unique constraints, foreign keys), as Alembic's {@code autogenerate.compare}. Renames
 * cannot be told from a drop and an add and are reported as both; named check constraints are compared
 * by name, unnamed ones by condition, where the database's checks are known; a model table that is a
 * view in the database is reported, not compared; table and column comments are compared where the
 * dialect has them, sequences where the database has them, and whether a column's values are
 * generated with compare-type on.
 */
final class SchemaComparator {

	private final Dialect dialect;

	private final CompareOptions options;

	private final Set<String> ignored;

	/** Whether the database's check constraints are known ({@link SchemaSnapshot#checksKnown()}), for this comparison. */
	private boolean checksKnown = true;

	SchemaComparator(Dialect dialect, CompareOptions options, Set<String> ignoredTables) {
		this.dialect = dialect;
		this.options = options;
		this.ignored = new HashSet<>();
		for (String t : ignoredTables) {
			// a version table brings the tables Migrate keeps beside it (_lock, _checksums)
			this.ignored.addAll(OwnTables.names(t, null, null));
		}
	}

	/** The differences, in the order a revision applies them. */
	List<Difference> compare(SchemaSnapshot models, SchemaSnapshot database) {
		Map<String, Table> modelTables = filtered(models);
		Map<String, Table> dbTables = filtered(database);
		this.checksKnown = database.checksKnown();
		List<Difference> dropConstraints = new ArrayList<>();
		List<Difference> addTables = new ArrayList<>();
		List<Difference> addColumns = new ArrayList<>();
		List<Difference> primaryKeys = new ArrayList<>();
		List<Difference> alterColumns = new ArrayList<>();
		List<Difference> alterAfterKeys = new ArrayList<>();
		List<Difference> dropColumns = new ArrayList<>();
		List<Difference> addConstraints = new ArrayList<>();
		List<Difference> addForeignKeys = new ArrayList<>();
		List<Difference> dropTables = new ArrayList<>();
		Set<String> dbViews = new HashSet<>();
		database.views().forEach((v) -> dbViews.add(key(v)));
		List<Difference> views = new ArrayList<>();
		List<Difference> comments = new ArrayList<>();
		List<Difference> generated = new ArrayList<>();
		for (Table model : modelTables.values()) {
			Table db = dbTables.get(key(model.name()));
			if (db == null) {
				if (dbViews.contains(key(model.name()))) {
					views.add(new Difference.ViewInDatabase(model.name()));
				}
				else {
					addTables.add(new Difference.AddTable(model));
				}
				continue;
			}
			String table = db.name();
			compareColumns(table, model, db, addColumns, alterColumns, alterAfterKeys, dropColumns);
			comparePrimaryKeys(table, model, db, primaryKeys);
			Set<String> implicit = implicitIndexes(db);
			Table dbIndexes = implicit.isEmpty() ? db
					: db.withIndexes(db.indexes().stream().filter((i) -> !implicit.contains(i.name())).toList());
			compareIndexesAndUniques(table, model, dbIndexes, dropConstraints, addConstraints);
			compareForeignKeys(table, model, db, implicit, dropConstraints, addForeignKeys);
			compareChecks(table, model, db, dropConstraints, addConstraints);
			compareComments(table, model, db, comments);
			compareGenerated(table, model, db, generated);
		}
		for (Table db : dbTables.values()) {
			// Migrate's own tables under names this run was not told (OwnTables): never the models' to drop
			if (!modelTables.containsKey(key(db.name())) && OwnTables.recognise(db) == null) {
				dropTables.add(new Difference.RemoveTable(db));
			}
		}
		List<Difference> uniqueDrops = deferUniqueDrops(dropConstraints, primaryKeys, addConstraints);
		List<Difference> addSequences = new ArrayList<>();
		List<Difference> changeSequences = new ArrayList<>();
		List<Difference> dropSequences = new ArrayList<>();
		compareSequences(models, database, addSequences, changeSequences, dropSequences);
		List<Difference> result = new ArrayList<>(views);
		result.addAll(addSequences);
		result.addAll(dropConstraints);
		result.addAll(enumTypes(modelTables, dbTables));
		result.addAll(splitForwardReferences(sortByDependency(addTables, false), addForeignKeys));
		result.addAll(addColumns);
		result.addAll(alterColumns);
		result.addAll(primaryKeys);
		result.addAll(alterAfterKeys);
		result.addAll(generated);
		result.addAll(uniqueDrops);
		result.addAll(dropColumns);
		result.addAll(addConstraints);
		result.addAll(addForeignKeys);
		result.addAll(comments);
		result.addAll(changeSequences);
		result.addAll(sortByDependency(dropTables, true));
		result.addAll(dropSequences);
		return extras(result, modelTables);
	}

	/**
	 * Applies {@code drift-extras} to the drops of what only the database has: kept as they are
	 * ({@code fail}), left out ({@code ignore}) or wrapped as {@link Difference.InDatabaseOnly} after
	 * the other differences ({@code report}).
	 */
	private List<Difference> extras(List<Difference> differences, Map<String, Table> models) {
		if (this.options.driftExtras() == DriftExtras.FAIL) {
			return differences;
		}
		List<Difference> kept = new ArrayList<>();
		List<Difference> extras = new ArrayList<>();
		for (Difference d : differences) {
			if (!isExtra(d, differences, models.get(key(d.table())))) {
				kept.add(d);
			}
			else if (this.options.driftExtras() == DriftExtras.REPORT) {
				extras.add(new Difference.InDatabaseOnly(d));
			}
		}
		kept.addAll(extras);
		return kept;
	}

	/**
	 * Whether {@code d} drops something the models do not declare: a table, a primary key, or an
	 * index, unique constraint or foreign key that the models name nowhere, that no new one on the
	 * same columns replaces and that no dropped column takes with it.
	 */
	private static boolean isExtra(Difference d, List<Difference> all, Table model) {
		if (d instanceof Difference.RemovePrimaryKey r) {
			// not when a column of it becomes nullable, which needs the key gone
			return all.stream().noneMatch((o) -> o instanceof Difference.AlterColumn a && a.nullableChanged()
					&& a.target().nullable() && key(a.table()).equals(key(r.table()))
					&& r.primaryKey().columns().stream().anyMatch((c) -> c.equalsIgnoreCase(a.column())));
		}
		if (d instanceof Difference.RemoveTable || d instanceof Difference.RemoveCheckConstraint
				|| d instanceof Difference.ViewInDatabase || d instanceof Difference.RemoveSequence
				|| d instanceof Difference.RemoveEnumValue) {
			return true;
		}
		if (d instanceof Difference.ChangeTableComment c) {
			return c.target() == null;
		}
		if (d instanceof Difference.ChangeColumnComment c) {
			return c.target() == null;
		}
		String name;
		List<String> columns;
		if (d instanceof Difference.RemoveIndex r) {
			name = r.index().name();
			columns = r.index().columns();
		}
		else if (d instanceof Difference.RemoveUniqueConstraint r) {
			name = r.constraint().name();
			columns = r.constraint().columns();
		}
		else if (d instanceof Difference.RemoveForeignKey r) {
			name = r.foreignKey().name();
			columns = r.foreignKey().columns();
		}
		else {
			return false;
		}
		if (name != null && model != null && declares(model, name)) {
			return false;
		}
		for (Difference o : all) {
			if (!key(o.table()).equals(key(d.table()))) {
				continue;
			}
			if (o instanceof Difference.RemoveColumn rc
					&& columns.stream().anyMatch((c) -> c.equalsIgnoreCase(rc.column().name()))) {
				return false;
			}
			List<String> replacing = null;
			if (o instanceof Difference.AddForeignKey a) {
				replacing = (d instanceof Difference.RemoveForeignKey) ? a.foreignKey().columns() : null;
			}
			else if (o instanceof Difference.AddIndex a) {
				replacing = (d instanceof Difference.RemoveForeignKey) ? null : a.index().columns();
			}
			else if (o instanceof Difference.AddUniqueConstraint a) {
				replacing = (d instanceof Difference.RemoveForeignKey) ? null : a.constraint().columns();
			}
			if (replacing != null && sameColumns(replacing, columns)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Table and column comments, where the dialect has them (not SQLite), as Alembic compares them: a comment
	 * added, changed or removed is a difference; one only the database has is, with {@code drift-extras}, reported
	 * as such. An empty comment is none.
	 */
	private void compareComments(String table, Table model, Table db, List<Difference> result) {
		if (this.dialect != null && !this.dialect.supportsComments()) {
			return;
		}
		String modelComment = comment(model.comment());
		String dbComment = comment(db.comment());
		if (!Objects.equals(modelComment, dbComment)) {
			result.add(new Difference.ChangeTableComment(table, dbComment, modelComment));
		}
		for (Column m : model.columns()) {
			Column d = db.columns().stream().filter((c) -> c.name().equalsIgnoreCase(m.name())).findFirst().orElse(null);
			if (d != null && !Objects.equals(comment(m.comment()), comment(d.comment()))) {
				result.add(new Difference.ChangeColumnComment(table, d.comment(comment(d.comment())), comment(m.comment())));
			}
		}
	}

	private static String comment(String comment) {
		return (comment == null || comment.isEmpty()) ? null : comment;
	}

	/**
	 * Whether a column's values are generated (identity, SERIAL, AUTO_INCREMENT; all alike) on one side only, with
	 * compare-type on (it is part of the column's type as DDL spells it); not on SQLite, where an INTEGER PRIMARY
	 * KEY is generated anyway. PostgreSQL gets the statements that change it.
	 */
	private void compareGenerated(String table, Table model, Table db, List<Difference> result) {
		if (!this.options.compareType() || (this.dialect != null && !this.dialect.comparesGeneratedValues())) {
			return;
		}
		for (Column m : model.columns()) {
			Column d = db.columns().stream().filter((c) -> c.name().equalsIgnoreCase(m.name())).findFirst().orElse(null);
			if (d == null || m.isAutoincrement() == d.isAutoincrement()) {
				continue;
			}
			List<List<String>> statements = generatedSql(table, d, m.isAutoincrement());
			List<String> sql = statements.get(0);
			List<String> reverse = statements.get(1);
			result.add(new Difference.ChangeGenerated(table, d, m.withName(d.name()), sql, reverse));
		}
	}

	/** The dialect's statements that make {@code d} generated or not, and their reverse; empty lists without a dialect. */
	private List<List<String>> generatedSql(String table, Column d, boolean generated) {
		return (this.dialect != null) ? this.dialect.generatedValuesSql(this.dialect.quoteIfNeeded(table), d, generated)
				: List.of(List.of(), List.of());
	}

	/**
	 * Sequences by name, where the database's are known (PostgreSQL, H2, MariaDB; the sequences a column owns are
	 * not among them): one the models declare and the database lacks is added, one only the database has is
	 * dropped (an extra: {@code drift-extras}), and a different increment is reported. Start values are not
	 * compared (a sequence in use has moved on).
	 */
	private void compareSequences(SchemaSnapshot models, SchemaSnapshot database, List<Difference> add,
			List<Difference> change, List<Difference> drop) {
		if (!database.sequencesKnown()) {
			return;
		}
		Map<String, Sequence> dbSequences = new LinkedHashMap<>();
		database.sequences().forEach((s) -> dbSequences.put(key(s.name()), s));
		for (Sequence m : models.sequences()) {
			Sequence d = dbSequences.remove(key(m.name()));
			if (d == null) {
				add.add(new Difference.AddSequence(m));
			}
			else if (d.increment() != m.increment()) {
				change.add(new Difference.ChangeSequence(d, new Sequence(d.schema(), d.name(), m.start(), m.increment())));
			}
		}
		for (Sequence d : dbSequences.values()) {
			if (!this.ignored.contains(key(d.name()))) {
				drop.add(new Difference.RemoveSequence(d));
			}
		}
	}

	/** Whether the table declares an index or constraint named {@code name}. */
	private static boolean declares(Table table, String name) {
		return table.indexes().stream().anyMatch((i) -> name.equalsIgnoreCase(i.name()))
				|| table.uniqueConstraints().stream().anyMatch((u) -> name.equalsIgnoreCase(u.name()))
				|| table.foreignKeys().stream().anyMatch((f) -> name.equalsIgnoreCase(f.name()));
	}

	/**
	 * Primary keys compared by their columns in order (names differ: PostgreSQL's {@code <table>_pkey},
	 * H2's generated ones, MySQL's {@code PRIMARY}, none in the models).
	 */
	private void comparePrimaryKeys(String table, Table model, Table db, List<Difference> result) {
		PrimaryKey m = primaryKey(model);
		PrimaryKey d = primaryKey(db);
		if (m == null && d == null || m != null && d != null && sameColumns(m.columns(), d.columns())) {
			return;
		}
		if (d == null) {
			result.add(new Difference.AddPrimaryKey(table, named(m, table, null)));
		}
		else if (m == null) {
			result.add(new Difference.RemovePrimaryKey(table, d, keptUnique(model, d.columns())));
		}
		else {
			PrimaryKey target = named(m, table, d.name());
			// where the dialect replaces a key in one statement (MySQL: an AUTO_INCREMENT column must stay in a key)
			String sql = (this.dialect != null) ? this.dialect.replacePrimaryKeySql(this.dialect.quoteIfNeeded(table),
					target.columns()) : null;
			String reverse = (sql != null) ? this.dialect.replacePrimaryKeySql(this.dialect.quoteIfNeeded(table),
					d.columns()) : null;
			result.add(new Difference.ChangePrimaryKey(table, d, target, sql, reverse));
		}
	}

	/** The table's primary key, or one made of the columns flagged as such, or null. */
	private static PrimaryKey primaryKey(Table table) {
		if (table.primaryKey() != null) {
			return table.primaryKey();
		}
		List<String> flagged = table.columns().stream().filter(Column::isPrimaryKey).map(Column::name).toList();
		return flagged.isEmpty() ? null : new PrimaryKey(null, flagged);
	}

	/** The models' key with a name the downgrade can drop it by: its own, the database's, or {@code <table>_pkey}. */
	private static PrimaryKey named(PrimaryKey pk, String table, String existingName) {
		if (pk.name() != null) {
			return pk;
		}
		return new PrimaryKey((existingName != null) ? existingName : limit(table + "_pkey"), pk.columns());
	}

	/** Whether a unique constraint or (full) unique index of {@code table} keeps {@code columns} unique. */
	private static boolean keptUnique(Table table, List<String> columns) {
		List<List<String>> keys = new ArrayList<>();
		table.uniqueConstraints().forEach((u) -> keys.add(u.columns()));
		table.indexes().stream().filter((i) -> i.unique() && i.where() == null && !i.expressions())
			.forEach((i) -> keys.add(i.columns()));
		return keys.stream().anyMatch((k) -> k.stream().allMatch((c) -> columns.stream().anyMatch(c::equalsIgnoreCase)));
	}

	/**
	 * Takes out of {@code drops} the unique constraints and unique indexes of the tables that get a
	 * primary key, so that they are dropped after it exists (the table is never without a key), and
	 * returns them; those whose name is created again stay (the drop must come first).
	 */
	private static List<Difference> deferUniqueDrops(List<Difference> drops, List<Difference> primaryKeys,
			List<Difference> adds) {
		Set<String> keyed = new HashSet<>();
		for (Difference d : primaryKeys) {
			if (d instanceof Difference.AddPrimaryKey || d instanceof Difference.ChangePrimaryKey) {
				keyed.add(key(d.table()));
			}
		}
		Set<String> added = new HashSet<>();
		for (Difference d : adds) {
			if (d instanceof Difference.AddIndex a) {
				added.add(key(d.table()) + "." + key(a.index().name()));
			}
			else if (d instanceof Difference.AddUniqueConstraint a && a.constraint().name() != null) {
				added.add(key(d.table()) + "." + key(a.constraint().name()));
			}
		}
		List<Difference> deferred = new ArrayList<>();
		for (Difference d : List.copyOf(drops)) {
			String name = (d instanceof Difference.RemoveUniqueConstraint r) ? r.constraint().name()
					: (d instanceof Difference.RemoveIndex r && r.index().unique()) ? r.index().name() : null;
			if (name != null && keyed.contains(key(d.table())) && !added.contains(key(d.table()) + "." + key(name))) {
				drops.remove(d);
				deferred.add(d);
			}
		}
		return deferred;
	}

	private Map<String, Table> filtered(SchemaSnapshot snapshot) {
		Map<String, Table> tables = new LinkedHashMap<>();
		for (Table t : snapshot.tables()) {
			String k = key(t.name());
			if (this.ignored.contains(k) || contains(this.options.excludeTables(), t.name())
					|| (!this.options.includeTables().isEmpty() && !contains(this.options.includeTables(), t.name()))) {
				continue;
			}
			tables.put(k, t);
		}
		return tables;
	}

	private static boolean contains(Set<String> names, String name) {
		return names.stream().anyMatch((n) -> n.equalsIgnoreCase(name));
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private void compareColumns(String table, Table model, Table db, List<Difference> add, List<Difference> alter,
			List<Difference> alterAfterKeys, List<Difference> drop) {
		Map<String, Column> dbColumns = new LinkedHashMap<>();
		for (Column c : db.columns()) {
			dbColumns.put(key(c.name()), c);
		}
		Set<String> modelNames = new HashSet<>();
		for (Column m : model.columns()) {
			modelNames.add(key(m.name()));
			Column d = dbColumns.get(key(m.name()));
			if (d == null) {
				add.add(new Difference.AddColumn(table, m));
				continue;
			}
			boolean modelPk = m.isPrimaryKey() || (model.primaryKey() != null && model.primaryKey().columns().contains(m.name()));
			boolean dbPk = d.isPrimaryKey() || (db.primaryKey() != null
					&& db.primaryKey().columns().stream().anyMatch((c) -> c.equalsIgnoreCase(d.name())));
			// a key column is NOT NULL whatever the models say; one that joins the key must be made so
			// first (H2 refuses ADD PRIMARY KEY on a nullable column)
			Column target = modelPk ? m.notNull() : m;
			boolean nullable = target.nullable() != d.nullable();
			boolean type = this.options.compareType() && !TypeComparison.equivalent(m.type(), d.type(), this.dialect);
			boolean dflt = this.options.compareServerDefault() && !m.isAutoincrement() && !d.isAutoincrement()
					&& !DefaultComparison.equivalent(m.serverDefault(), d.serverDefault(), d.type());
			if (nullable || type || dflt) {
				// a column that leaves the key and becomes nullable: only once the old key is gone
				List<Difference> list = (nullable && target.nullable() && dbPk) ? alterAfterKeys : alter;
				list.add(new Difference.AlterColumn(table, d, target.withName(d.name()), type, nullable, dflt));
			}
		}
		for (Column d : db.columns()) {
			if (!modelNames.contains(key(d.name()))) {
				drop.add(new Difference.RemoveColumn(table, d));
			}
		}
	}

	private void compareIndexesAndUniques(String table, Table model, Table db, List<Difference> drop,
			List<Difference> add) {
		List<Index> modelIndexes = new ArrayList<>(model.indexes());
		List<Index> dbIndexes = new ArrayList<>(db.indexes());
		List<UniqueConstraint> modelUniques = new ArrayList<>(model.uniqueConstraints());
		List<UniqueConstraint> dbUniques = new ArrayList<>(db.uniqueConstraints());
		// indexes: by name, then by definition (names generated differently on each side)
		for (Index m : List.copyOf(modelIndexes)) {
			Index d = dbIndexes.stream().filter((x) -> x.name() != null && x.name().equalsIgnoreCase(m.name()))
				.findFirst().orElse(null);
			if (d != null) {
				dbIndexes.remove(d);
				modelIndexes.remove(m);
				if (!sameIndex(m, d)) {
					drop.add(new Difference.RemoveIndex(table, d));
					add.add(new Difference.AddIndex(table, m));
				}
			}
		}
		for (Index m : List.copyOf(modelIndexes)) {
			Index d = dbIndexes.stream().filter((x) -> sameIndex(m, x)).findFirst().orElse(null);
			if (d != null) {
				dbIndexes.remove(d);
				modelIndexes.remove(m);
			}
		}
		// unique constraints: by columns
		for (UniqueConstraint m : List.copyOf(modelUniques)) {
			UniqueConstraint d = dbUniques.stream().filter((x) -> sameColumns(x.columns(), m.columns())).findFirst()
				.orElse(null);
			if (d != null) {
				dbUniques.remove(d);
				modelUniques.remove(m);
			}
		}
		// a unique index on one side may be a unique constraint on the other (MySQL, SQLite, H2)
		for (UniqueConstraint m : List.copyOf(modelUniques)) {
			Index d = dbIndexes.stream().filter((x) -> x.unique() && x.where() == null && sameColumns(x.columns(), m.columns()))
				.findFirst().orElse(null);
			if (d != null) {
				dbIndexes.remove(d);
				modelUniques.remove(m);
			}
		}
		for (Index m : List.copyOf(modelIndexes)) {
			if (!m.unique() || m.where() != null) {
				continue;
			}
			UniqueConstraint d = dbUniques.stream().filter((x) -> sameColumns(x.columns(), m.columns())).findFirst()
				.orElse(null);
			if (d != null) {
				dbUniques.remove(d);
				modelIndexes.remove(m);
			}
		}
		// a foreign key's implicit index in the database (MySQL keeps it after the key was dropped)
		for (Index d : dbIndexes) {
			drop.add(new Difference.RemoveIndex(table, d));
		}
		for (UniqueConstraint d : dbUniques) {
			drop.add(new Difference.RemoveUniqueConstraint(table, d));
		}
		for (Index m : modelIndexes) {
			add.add(new Difference.AddIndex(table, (m.name() != null) ? m
					: new Index(limit("ix_" + table + "_" + String.join("_", m.columns())), table, m.columns(), m.unique(),
							m.where(), m.expressions())));
		}
		for (UniqueConstraint m : modelUniques) {
			add.add(new Difference.AddUniqueConstraint(table, (m.name() != null) ? m
					: new UniqueConstraint(limit("uq_" + table + "_" + String.join("_", m.columns())), m.columns())));
		}
	}

	/** A generated constraint name within the 63 characters PostgreSQL keeps (MySQL: 64). */
	private static String limit(String name) {
		return (name.length() <= 63) ? name : name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode() & 0xfffffff);
	}

	private static boolean sameIndex(Index a, Index b) {
		return a.unique() == b.unique() && sameColumns(a.columns(), b.columns())
				&& Objects.equals(a.where() == null ? null : DefaultComparison.normalize(a.where(), null),
						b.where() == null ? null : DefaultComparison.normalize(b.where(), null));
	}

	private static boolean sameColumns(List<String> a, List<String> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).equalsIgnoreCase(b.get(i))) {
				return false;
			}
		}
		return true;
	}

	/** Whether the database indexes foreign keys by itself (MySQL/MariaDB). */
	private boolean indexesForeignKeys() {
		return this.dialect != null && this.dialect.indexesForeignKeys();
	}

	/**
	 * The database's own indexes for foreign keys (MySQL's): named as the key (or its first column when the key
	 * has no name), on exactly its columns. Not model indexes; dropped with their key.
	 */
	private Set<String> implicitIndexes(Table db) {
		Set<String> names = new HashSet<>();
		if (!indexesForeignKeys()) {
			return names;
		}
		for (ForeignKey fk : db.foreignKeys()) {
			for (Index index : db.indexes()) {
				if (!index.unique() && sameColumns(index.columns(), fk.columns())
						&& (index.name().equalsIgnoreCase(String.valueOf(fk.name()))
								|| index.name().equalsIgnoreCase(fk.columns().get(0)))) {
					names.add(index.name());
				}
			}
		}
		return names;
	}

	/** Whether MySQL will create an index for a new foreign key: no index of the models starts with its columns. */
	private boolean createsImplicitIndex(Table model, ForeignKey fk) {
		if (!indexesForeignKeys()) {
			return false;
		}
		List<List<String>> leading = new ArrayList<>();
		model.indexes().forEach((i) -> leading.add(i.columns()));
		model.uniqueConstraints().forEach((u) -> leading.add(u.columns()));
		if (model.primaryKey() != null) {
			leading.add(model.primaryKey().columns());
		}
		for (List<String> columns : leading) {
			if (columns.size() >= fk.columns().size()
					&& sameColumns(columns.subList(0, fk.columns().size()), fk.columns())) {
				return false;
			}
		}
		return true;
	}

	private void compareForeignKeys(String table, Table model, Table db, Set<String> implicit, List<Difference> drop,
			List<Difference> add) {
		List<ForeignKey> dbKeys = new ArrayList<>(db.foreignKeys());
		for (ForeignKey m : model.foreignKeys()) {
			ForeignKey d = dbKeys.stream().filter((x) -> sameForeignKey(m, x)).findFirst().orElse(null);
			if (d != null) {
				dbKeys.remove(d);
			}
			else {
				add.add(new Difference.AddForeignKey(table, (m.name() != null) ? m
						: new ForeignKey(limit("fk_" + table + "_" + String.join("_", m.columns()) + "_" + m.referredTable()),
								m.columns(), m.referredSchema(), m.referredTable(), m.referredColumns(), m.onDelete(),
								m.onUpdate()), createsImplicitIndex(model, m)));
			}
		}
		for (ForeignKey d : dbKeys) {
			drop.add(new Difference.RemoveForeignKey(table, d, d.name() != null && implicit.contains(d.name())));
		}
	}

	/**
	 * The PostgreSQL enum types ({@code namedEnum}) the models' columns use that no column of the
	 * database uses: created before the tables and columns (dropped after them in the downgrade).
	 * An enum type of the database that no model uses is not reported; its values are not compared.
	 */
	private static List<Difference> enumTypes(Map<String, Table> models, Map<String, Table> database) {
		Set<String> existing = new HashSet<>();
		Map<String, List<String>> databaseValues = new HashMap<>();
		for (Table t : database.values()) {
			for (dev.migrate.schema.Column c : t.columns()) {
				if (c.type().enumName() != null) {
					existing.add(key(c.type().enumName()));
					if (c.type().values() != null && !c.type().values().isEmpty()) {
						databaseValues.putIfAbsent(key(c.type().enumName()), c.type().values());
					}
				}
			}
		}
		List<Difference> result = new ArrayList<>();
		Set<String> compared = new HashSet<>();
		for (Table t : models.values()) {
			for (dev.migrate.schema.Column c : t.columns()) {
				String name = c.type().enumName();
				if (name == null) {
					continue;
				}
				if (existing.add(key(name))) {
					result.add(new Difference.AddEnumType(t.name(), name, c.type().values()));
				}
				else if (databaseValues.containsKey(key(name)) && compared.add(key(name))) {
					result.addAll(enumValues(t.name(), name, databaseValues.get(key(name)), c.type().values()));
				}
			}
		}
		return result;
	}

	/**
	 * The values of a PostgreSQL enum type both sides have: each value only the models have is added
	 * before the next value of the models' order that the database has (else after the one before
	 * it), so the models' order is kept; each value only the database has is an extra (PostgreSQL
	 * cannot drop it); the shared values in another order are reported, not changed.
	 */
	static List<Difference> enumValues(String table, String name, List<String> database, List<String> models) {
		List<Difference> result = new ArrayList<>();
		for (int i = 0; i < models.size(); i++) {
			String value = models.get(i);
			if (database.contains(value)) {
				continue;
			}
			String before = null;
			for (int j = i + 1; j < models.size() && before == null; j++) {
				if (database.contains(models.get(j))) {
					before = models.get(j);
				}
			}
			String after = (before == null && i > 0) ? models.get(i - 1) : null;
			result.add(new Difference.AddEnumValue(table, name, value, before, after));
		}
		List<String> sharedInDatabase = database.stream().filter(models::contains).toList();
		List<String> sharedInModels = models.stream().filter(database::contains).toList();
		if (!sharedInDatabase.equals(sharedInModels)) {
			result.add(new Difference.EnumValueOrder(table, name, sharedInDatabase, sharedInModels));
		}
		for (String value : database) {
			if (!models.contains(value)) {
				result.add(new Difference.RemoveEnumValue(table, name, value));
			}
		}
		return result;
	}

	/**
	 * Check constraints, by name: a named one of the models the database lacks is added, a named one
	 * of the database the models lack is dropped. Conditions are not compared (each database
	 * rewrites them: PostgreSQL adds parentheses and casts). An unnamed check of the models matches
	 * a database check of the same condition, or, with the other unnamed checks of its column, one
	 * check that is all of theirs joined with AND (Hibernate 7 writes {@code @Min} and {@code @Max} of
	 * a column as one check, {@code (c<=9) and (c>=1)}); while one matches none, the database's checks
	 * are not reported (one of them may be it) unless the dialect compares unnamed checks. The models'
	 * check of an enum column's values is not missed where the enum is a column type of its own
	 * (Hibernate writes none there). Not done where the database's checks are not known.
	 */
	private void compareChecks(String table, Table model, Table db, List<Difference> drop, List<Difference> add) {
		if (this.dialect != null && !this.dialect.reflectsCheckConstraints() || !this.checksKnown) {
			return;
		}
		List<CheckConstraint> dbChecks = new ArrayList<>(db.checkConstraints());
		List<CheckConstraint> unnamed = new ArrayList<>();
		for (CheckConstraint m : model.checkConstraints()) {
			CheckConstraint d = (m.name() != null)
					? dbChecks.stream().filter((x) -> m.name().equalsIgnoreCase(x.name())).findFirst().orElse(null)
					: dbChecks.stream().filter((x) -> sameCondition(x.condition(), m.condition())).findFirst().orElse(null);
			if (d != null) {
				dbChecks.remove(d);
			}
			else if (m.name() != null) {
				add.add(new Difference.AddCheckConstraint(table, m));
			}
			else {
				unnamed.add(m);
			}
		}
		matchJoinedChecks(unnamed, dbChecks);
		boolean unmatched = false;
		for (CheckConstraint m : unnamed) {
			if (impliedByType(model, m)) {
				continue;
			}
			if (this.dialect != null && this.dialect.comparesUnnamedChecks()) {
				CheckConstraint named = new CheckConstraint(checkName(table, m.condition(), db, add), m.condition());
				add.add(new Difference.AddCheckConstraint(table, named));
			}
			else {
				unmatched = true;
			}
		}
		if (!unmatched) {
			for (CheckConstraint d : dbChecks) {
				if (d.name() != null) {
					drop.add(new Difference.RemoveCheckConstraint(table, d));
				}
			}
		}
	}

	/**
	 * Takes from {@code models} and {@code database} each database check that is two or more of the models'
	 * unnamed checks joined with AND (in any order), as Hibernate 7 writes the checks of one column.
	 */
	private static void matchJoinedChecks(List<CheckConstraint> models, List<CheckConstraint> database) {
		for (java.util.Iterator<CheckConstraint> it = database.iterator(); it.hasNext() && models.size() > 1;) {
			Set<String> parts = conjuncts(it.next().condition());
			if (parts.size() < 2) {
				continue;
			}
			List<CheckConstraint> within = new ArrayList<>();
			Set<String> covered = new HashSet<>();
			for (CheckConstraint m : models) {
				Set<String> own = conjuncts(m.condition());
				if (parts.containsAll(own)) {
					within.add(m);
					covered.addAll(own);
				}
			}
			if (within.size() > 1 && covered.equals(parts)) {
				models.removeAll(within);
				it.remove();
			}
		}
	}

	/**
	 * Whether an unnamed check of the models is the one of an enum column's values where the dialect has
	 * enum columns of their own ({@code ENUM('A','B')}), which Hibernate 7 gives no check.
	 */
	private boolean impliedByType(Table model, CheckConstraint check) {
		if (this.dialect == null || !this.dialect.nativeEnumColumns()) {
			return false;
		}
		java.util.regex.Matcher column = LEADING_NAME.matcher(check.condition());
		if (!column.find() || !IN_LIST.matcher(condition(check.condition())).matches()) {
			return false;
		}
		return model.columns().stream().anyMatch((c) -> c.name().equalsIgnoreCase(column.group(1))
				&& c.type().kind() == dev.migrate.schema.ColumnType.Kind.ENUM && c.type().enumName() == null);
	}

	/** Whether two check conditions are the same for matching: equal {@link #condition}s or equal {@link #conjuncts}. */
	static boolean sameCondition(String a, String b) {
		return condition(a).equals(condition(b)) || conjuncts(a).equals(conjuncts(b));
	}

	/**
	 * The parts of a condition joined with AND at its top level, each as {@link #condition} normalises it, a
	 * {@code c between a and b} as {@code c>=a} and {@code c<=b} (PostgreSQL's rewrite of it).
	 */
	static Set<String> conjuncts(String condition) {
		Set<String> result = new java.util.TreeSet<>();
		for (String part : splitAnd(condition)) {
			java.util.regex.Matcher between = BETWEEN.matcher(part);
			if (between.matches()) {
				result.add(condition(between.group(1) + ">=" + between.group(2)));
				result.add(condition(between.group(1) + "<=" + between.group(3)));
			}
			else {
				result.add(condition(part));
			}
		}
		return result;
	}

	private static final java.util.regex.Pattern BETWEEN = java.util.regex.Pattern
		.compile("(?is)\\s*([`\"]?[A-Za-z_][A-Za-z0-9_$]*[`\"]?)\\s+between\\s+(\\S+)\\s+and\\s+(\\S+)\\s*");

	/**
	 * {@code condition} split at each AND outside parentheses and quotes (not the AND of a BETWEEN), parts
	 * wrapped whole in parentheses unwrapped and split again.
	 */
	private static List<String> splitAnd(String condition) {
		String c = unwrap(condition.strip());
		List<String> parts = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		boolean between = false;
		int start = 0;
		String lower = c.toLowerCase(Locale.ROOT);
		for (int i = 0; i < c.length(); i++) {
			char ch = c.charAt(i);
			if (ch == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && ch == '(') {
				depth++;
			}
			else if (!quoted && ch == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && word(lower, i, "between")) {
				between = true;
			}
			else if (!quoted && depth == 0 && word(lower, i, "and")) {
				if (between) {
					between = false;
				}
				else {
					parts.add(c.substring(start, i));
					start = i + 3;
				}
			}
		}
		parts.add(c.substring(start));
		if (parts.size() == 1) {
			return List.of(c);
		}
		List<String> result = new ArrayList<>();
		for (String p : parts) {
			result.addAll(splitAnd(p));
		}
		return result;
	}

	/** Whether {@code lower} has the word {@code word} at {@code i}. */
	private static boolean word(String lower, int i, String word) {
		return lower.startsWith(word, i) && (i == 0 || !isWordChar(lower.charAt(i - 1)))
				&& (i + word.length() >= lower.length() || !isWordChar(lower.charAt(i + word.length())));
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '`' || c == '"';
	}

	/** {@code s} without the parentheses that wrap all of it. */
	private static String unwrap(String s) {
		String c = s.strip();
		while (c.length() > 1 && c.charAt(0) == '(' && closing(c, 0) == c.length() - 1) {
			c = c.substring(1, c.length() - 1).strip();
		}
		return c;
	}

	/** The index of the parenthesis that closes the one at {@code open}, or -1. */
	private static int closing(String s, int open) {
		int depth = 0;
		boolean quoted = false;
		for (int i = open; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && ch == '(') {
				depth++;
			}
			else if (!quoted && ch == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The name PostgreSQL gives an unnamed column check, {@code <table>_<column>_check} (then
	 * {@code ...check1}, {@code ...check2}), not taken by the table's checks nor by those added before.
	 */
	private static String checkName(String table, String condition, Table db, List<Difference> added) {
		java.util.regex.Matcher column = LEADING_NAME.matcher(condition);
		String base = table + (column.find() ? "_" + column.group(1) : "") + "_check";
		java.util.Set<String> taken = new java.util.HashSet<>();
		db.checkConstraints().stream().filter((c) -> c.name() != null).forEach((c) -> taken.add(c.name().toLowerCase(Locale.ROOT)));
		for (Difference d : added) {
			if (d instanceof Difference.AddCheckConstraint a && a.constraint().name() != null) {
				taken.add(a.constraint().name().toLowerCase(Locale.ROOT));
			}
		}
		String name = base;
		for (int i = 1; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
			name = base + i;
		}
		return name;
	}

	private static final java.util.regex.Pattern LEADING_NAME = java.util.regex.Pattern.compile("^\\s*\"?([A-Za-z_][A-Za-z0-9_$]*)");

	/**
	 * A check condition for matching: lower case, without blanks, parentheses, quotes of names and
	 * casts; PostgreSQL's rewrites of Hibernate's checks read back as written ({@code x = ANY
	 * (ARRAY['A', 'B'])} as {@code x in ('A', 'B')}, {@code x >= 0 AND x <= 2} as {@code x between 0 and 2}).
	 */
	static String condition(String condition) {
		String c = CAST_LITERAL.matcher(condition.toLowerCase(Locale.ROOT)).replaceAll("$1")
			.replaceAll("::[a-z_ ]+(\\([0-9, ]*\\))?(\\[\\])?", "")
			.replaceAll("[\\s()\"`]", "");
		c = QUOTED_NUMBER.matcher(c).replaceAll("$1$2");
		c = ANY_ARRAY.matcher(c).replaceAll("$1in$2");
		c = RANGE.matcher(c).replaceAll("$1between$2and$3");
		// a check that is one IN list matches in any order (Hibernate writes an enum's labels in declaration order)
		java.util.regex.Matcher in = IN_LIST.matcher(c);
		if (in.matches()) {
			List<String> items = new ArrayList<>(List.of(in.group(2).split(",")));
			java.util.Collections.sort(items);
			c = in.group(1) + "in" + String.join(",", items);
		}
		return c;
	}

	private static final java.util.regex.Pattern IN_LIST = java.util.regex.Pattern
		.compile("([a-z0-9_$.]+)in((?:'[^',]*'|-?[0-9.]+)(?:,(?:'[^',]*'|-?[0-9.]+))*)");

	/** H2 keeps a literal compared with a NUMERIC column as {@code CAST(0 AS NUMERIC(1))}. */
	private static final java.util.regex.Pattern CAST_LITERAL = java.util.regex.Pattern
		.compile("cast\\s*\\(\\s*(-?[0-9.]+|'[^']*')\\s+as\\s+[a-z_ ]+?\\s*(?:\\([0-9, ]*\\))?\\s*\\)");

	/** PostgreSQL keeps a negative bound of Hibernate's {@code c>=-5} as {@code c >= '-5'::integer}. */
	private static final java.util.regex.Pattern QUOTED_NUMBER = java.util.regex.Pattern
		.compile("([<>=])'(-?[0-9]+(?:\\.[0-9]+)?)'");

	private static final java.util.regex.Pattern ANY_ARRAY = java.util.regex.Pattern
		.compile("([a-z0-9_$.]+)=anyarray\\[(.*?)\\](\\[\\])?");

	private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern
		.compile("([a-z0-9_$.]+)>=(-?[0-9.]+)and\\1<=(-?[0-9.]+)");

	private boolean sameForeignKey(ForeignKey m, ForeignKey d) {
		return sameColumns(m.columns(), d.columns()) && m.referredTable().equalsIgnoreCase(d.referredTable())
				&& (d.referredColumns().contains("?") || sameColumns(m.referredColumns(), d.referredColumns()))
				&& Objects.equals(action(m.onDelete()), action(d.onDelete()))
				&& Objects.equals(action(m.onUpdate()), action(d.onUpdate()));
	}

	/** An action for comparison: NO ACTION and (on MySQL, where it is the same) RESTRICT mean none. */
	private String action(String action) {
		if (action == null) {
			return null;
		}
		String a = action.trim().toUpperCase(Locale.ROOT);
		if (a.isEmpty() || a.equals("NO ACTION")
				|| (a.equals("RESTRICT") && this.dialect != null && this.dialect.restrictIsNoAction())) {
			return null;
		}
		return a;
	}

	/**
	 * Table creations whose foreign keys point at a table created later (a cycle) lose those keys
	 * to {@code addForeignKeys}, which run after every table exists.
	 */
	private List<Difference> splitForwardReferences(List<Difference> creations, List<Difference> addForeignKeys) {
		Set<String> pending = new HashSet<>();
		creations.forEach((d) -> pending.add(key(d.table())));
		List<Difference> result = new ArrayList<>();
		List<Difference> later = new ArrayList<>();
		for (Difference d : creations) {
			Table table = ((Difference.AddTable) d).definition();
			pending.remove(key(table.name()));
			List<ForeignKey> now = new ArrayList<>();
			for (ForeignKey fk : table.foreignKeys()) {
				if (pending.contains(key(fk.referredTable()))) {
					later.add(new Difference.AddForeignKey(table.name(), (fk.name() != null) ? fk
							: new ForeignKey(limit("fk_" + table.name() + "_" + String.join("_", fk.columns()) + "_"
									+ fk.referredTable()), fk.columns(), fk.referredSchema(), fk.referredTable(),
									fk.referredColumns(), fk.onDelete(), fk.onUpdate()),
							createsImplicitIndex(table, fk)));
				}
				else {
					now.add(fk);
				}
			}
			result.add((now.size() == table.foreignKeys().size()) ? d
					: new Difference.AddTable(new Table(table.schema(), table.name(), table.columns(), table.primaryKey(),
							now, table.uniqueConstraints(), table.checkConstraints(), table.indexes(), table.comment())));
		}
		addForeignKeys.addAll(0, later);
		return result;
	}

	/**
	 * Orders table creations so that referred tables come first (drops: last); foreign keys in a
	 * cycle stay with their table, whose creation then needs the other table's key added later.
	 */
	private static List<Difference> sortByDependency(List<Difference> tables, boolean reverse) {
		Map<String, Table> byName = new LinkedHashMap<>();
		for (Difference d : tables) {
			Table t = (d instanceof Difference.AddTable a) ? a.definition() : ((Difference.RemoveTable) d).definition();
			byName.put(key(t.name()), t);
		}
		List<String> order = new ArrayList<>();
		Set<String> visiting = new HashSet<>();
		for (String name : byName.keySet()) {
			visit(name, byName, order, visiting);
		}
		List<Difference> sorted = new ArrayList<>();
		for (String name : order) {
			for (Difference d : tables) {
				if (key(d.table()).equals(name)) {
					sorted.add(d);
				}
			}
		}
		if (reverse) {
			java.util.Collections.reverse(sorted);
		}
		return sorted;
	}

	private static void visit(String name, Map<String, Table> byName, List<String> order, Set<String> visiting) {
		if (order.contains(name) || !visiting.add(name)) {
			return;
		}
		for (ForeignKey fk : byName.get(name).foreignKeys()) {
			String target = key(fk.referredTable());
			if (byName.containsKey(target) && !target.equals(name)) {
				visit(target, byName, order, visiting);
			}
		}
		order.add(name);
	}

}
