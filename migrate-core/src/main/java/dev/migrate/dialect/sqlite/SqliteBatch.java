package dev.migrate.dialect.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;
import dev.migrate.dialect.UnsupportedOperationOnDialectException;
import dev.migrate.operations.AddColumn;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.ConstraintType;
import dev.migrate.operations.CreateCheckConstraint;
import dev.migrate.operations.CreateForeignKey;
import dev.migrate.operations.CreateIndex;
import dev.migrate.operations.CreatePrimaryKey;
import dev.migrate.operations.CreateUniqueConstraint;
import dev.migrate.operations.DropColumn;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.DropIndex;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.SetTableComment;
import dev.migrate.runtime.MigrationContext;
import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * SQLite batch mode, "move and copy" (Alembic's {@code ApplyBatchImpl}): read the table (or take
 * {@code copyFrom}), apply the batch's operations to that model, then
 * {@code CREATE TABLE _migrate_tmp_<name>}, {@code INSERT INTO ... SELECT ... FROM <name>},
 * {@code DROP TABLE <name>}, {@code ALTER TABLE _migrate_tmp_<name> RENAME TO <name>} and recreate
 * the indexes. Rows, constraints and indexes are kept.
 */
final class SqliteBatch {

	static final String TEMP_PREFIX = "_migrate_tmp_";

	private final SqliteDialect dialect;

	private final BatchAlterTable batch;

	private final MigrationContext context;

	/** New column name → column state, in order. */
	private final LinkedHashMap<String, ColumnState> columns = new LinkedHashMap<>();

	private PrimaryKey primaryKey;

	private final List<ForeignKey> foreignKeys = new ArrayList<>();

	private final List<UniqueConstraint> uniques = new ArrayList<>();

	private final List<CheckConstraint> checks = new ArrayList<>();

	private final List<Index> indexes = new ArrayList<>();

	/** CREATE TRIGGER statements of the table, recreated after it (online only). */
	private List<String> triggers = List.of();

	private boolean legacyAlterTable;

	private record ColumnState(Column column, String source, boolean typeChanged) {
	}

	SqliteBatch(SqliteDialect dialect, BatchAlterTable batch, MigrationContext context) {
		this.dialect = dialect;
		this.batch = batch;
		this.context = context;
	}

	/** Whether an operation needs the table recreated on SQLite. */
	static boolean needsRecreate(MigrateOperation op) {
		if (op instanceof AddColumn add) {
			return SqliteDialect.addColumnProblem(add) != null;
		}
		if (op instanceof AlterColumn alter) {
			return alter.changesMoreThanName();
		}
		if (op instanceof CreateIndex || op instanceof DropIndex || op instanceof SetTableComment) {
			return false;
		}
		return true;
	}

	List<String> render() {
		Table table = currentTable();
		load(table);
		for (MigrateOperation op : this.batch.operations()) {
			apply(op);
		}
		String name = this.batch.table();
		String temp = TEMP_PREFIX + name;
		String schema = this.batch.schema();
		List<Column> newColumns = this.columns.values().stream().map(ColumnState::column).toList();
		Table newTable = new Table(schema, temp, newColumns, this.primaryKey, this.foreignKeys, this.uniques,
				this.checks, List.of(), null);
		List<String> sql = new ArrayList<>(this.dialect.createTableSql(newTable));
		List<Map.Entry<String, ColumnState>> copied = this.columns.entrySet().stream()
			.filter((e) -> e.getValue().source() != null)
			.toList();
		if (!copied.isEmpty()) {
			sql.add("INSERT INTO " + this.dialect.qualify(schema, temp) + " ("
					+ copied.stream().map((e) -> this.dialect.quoteIfNeeded(e.getKey())).collect(Collectors.joining(", "))
					+ ") SELECT " + copied.stream().map((e) -> selectExpression(e.getValue())).collect(Collectors.joining(", "))
					+ " FROM " + this.dialect.qualify(schema, name));
		}
		sql.add("DROP TABLE " + this.dialect.qualify(schema, name));
		// the legacy rename neither rewrites nor re-checks views and triggers that name the table,
		// which would otherwise fail while the old table is gone
		if (!this.legacyAlterTable) {
			sql.add("PRAGMA legacy_alter_table = ON");
		}
		sql.add("ALTER TABLE " + this.dialect.qualify(schema, temp) + " RENAME TO " + this.dialect.quoteIfNeeded(name));
		if (!this.legacyAlterTable) {
			sql.add("PRAGMA legacy_alter_table = OFF");
		}
		for (Index index : this.indexes) {
			sql.addAll(this.dialect.createIndexSql(schema, index));
		}
		sql.addAll(this.triggers);
		return sql;
	}

	private String selectExpression(ColumnState state) {
		String source = this.dialect.quoteIfNeeded(state.source());
		if (state.typeChanged()) {
			String type = this.dialect.typeSql(state.column().type());
			return "CAST(" + source + " AS " + (type.isEmpty() ? "BLOB" : type) + ")";
		}
		return source;
	}

	private Table currentTable() {
		if (this.batch.copyFrom() != null) {
			return this.batch.copyFrom();
		}
		if (this.context == null || this.context.isOffline()) {
			throw new UnsupportedOperationOnDialectException("SQLite batch mode must recreate table " + this.batch.table()
					+ " and needs its current definition, which offline mode cannot read: pass it as copyFrom"
					+ " (op.batchAlterTable(\"" + this.batch.table() + "\", Recreate.AUTO, table, batch -> ...))");
		}
		try {
			SqliteTableReader reader = new SqliteTableReader(this.dialect, this.context.connection(), this.batch.schema());
			Table table = reader.read(this.batch.table());
			this.triggers = reader.triggers(this.batch.table());
			this.legacyAlterTable = reader.legacyAlterTable();
			if (reader.foreignKeysEnforced()) {
				List<String> referencing = reader.referencingTables(this.batch.table());
				if (!referencing.isEmpty()) {
					throw new UnsupportedOperationOnDialectException("SQLite batch mode cannot recreate table "
							+ this.batch.table() + " while PRAGMA foreign_keys is ON: dropping it would delete or"
							+ " cascade to the rows of " + referencing + "; run this revision with foreign_keys OFF");
				}
			}
			return table;
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read table " + this.batch.table() + " from SQLite: " + ex.getMessage(), ex);
		}
	}

	private void load(Table table) {
		for (Column c : table.columns()) {
			this.columns.put(c.name(), new ColumnState(c, c.name(), false));
		}
		this.primaryKey = table.primaryKey();
		this.foreignKeys.addAll(table.foreignKeys());
		this.uniques.addAll(table.uniqueConstraints());
		this.checks.addAll(table.checkConstraints());
		for (Index index : table.indexes()) {
			this.indexes.add((index.table() == null) ? new Index(index.name(), this.batch.table(), index.columns(),
					index.unique(), index.where(), index.expressions()) : index);
		}
	}

	private void apply(MigrateOperation op) {
		String table = this.batch.table();
		if (op instanceof AddColumn add) {
			Column c = add.column();
			if (findColumn(c.name()) != null) {
				throw new MigrateException("batch on " + table + ": column " + c.name() + " already exists");
			}
			this.columns.put(c.name(), new ColumnState(c, null, false));
			if (c.isPrimaryKey()) {
				this.primaryKey = new PrimaryKey(null, List.of(c.name()));
			}
		}
		else if (op instanceof DropColumn drop) {
			String name = requireColumn(drop.column());
			this.columns.remove(name);
			this.indexes.removeIf((ix) -> !ix.expressions() && containsIgnoreCase(ix.columns(), name));
			this.uniques.removeIf((uq) -> containsIgnoreCase(uq.columns(), name));
			this.foreignKeys.removeIf((fk) -> containsIgnoreCase(fk.columns(), name));
			if (this.primaryKey != null && containsIgnoreCase(this.primaryKey.columns(), name)) {
				List<String> rest = this.primaryKey.columns().stream().filter((c) -> !c.equalsIgnoreCase(name)).toList();
				this.primaryKey = rest.isEmpty() ? null : new PrimaryKey(this.primaryKey.name(), rest);
			}
		}
		else if (op instanceof AlterColumn alter) {
			alter(alter);
		}
		else if (op instanceof CreateIndex ci) {
			this.indexes.add(ci.index());
		}
		else if (op instanceof DropIndex di) {
			if (!this.indexes.removeIf((ix) -> ix.name().equalsIgnoreCase(di.name()))) {
				throw new MigrateException("batch on " + table + ": no index named " + di.name());
			}
		}
		else if (op instanceof CreateForeignKey fk) {
			this.foreignKeys.add(fk.foreignKey());
		}
		else if (op instanceof CreateUniqueConstraint uq) {
			this.uniques.add(uq.constraint());
		}
		else if (op instanceof CreateCheckConstraint ck) {
			this.checks.add(ck.constraint());
		}
		else if (op instanceof CreatePrimaryKey pk) {
			this.primaryKey = pk.primaryKey();
			List<String> pkCols = pk.primaryKey().columns();
			this.columns.replaceAll((k, s) -> containsIgnoreCase(pkCols, k)
					? new ColumnState(s.column().notNull(), s.source(), s.typeChanged()) : s);
		}
		else if (op instanceof DropConstraint dc) {
			dropConstraint(dc);
		}
		else if (!(op instanceof SetTableComment)) {
			throw new UnsupportedOperationOnDialectException("Operation " + op.getClass().getSimpleName()
					+ " is not supported inside a SQLite batch");
		}
	}

	private void alter(AlterColumn alter) {
		String name = requireColumn(alter.column());
		ColumnState state = this.columns.get(name);
		Column c = state.column();
		boolean typeChanged = state.typeChanged();
		if (alter.type() != null) {
			c = c.withType(alter.type());
			typeChanged = true;
		}
		if (alter.nullable() != null) {
			c = c.nullable(alter.nullable());
		}
		if (alter.serverDefault() != null) {
			c = c.serverDefault(alter.serverDefault());
		}
		if (alter.dropDefault()) {
			c = c.serverDefault(null);
		}
		if (alter.comment() != null) {
			c = c.comment(alter.comment().isEmpty() ? null : alter.comment());
		}
		if (alter.newName() == null) {
			this.columns.put(name, new ColumnState(c, state.source(), typeChanged));
			return;
		}
		String newName = alter.newName();
		if (findColumn(newName) != null && !newName.equalsIgnoreCase(name)) {
			throw new MigrateException("batch on " + this.batch.table() + ": column " + newName + " already exists");
		}
		LinkedHashMap<String, ColumnState> renamed = new LinkedHashMap<>();
		for (Map.Entry<String, ColumnState> e : this.columns.entrySet()) {
			if (e.getKey().equals(name)) {
				renamed.put(newName, new ColumnState(c.withName(newName), state.source(), typeChanged));
			}
			else {
				renamed.put(e.getKey(), e.getValue());
			}
		}
		this.columns.clear();
		this.columns.putAll(renamed);
		this.indexes.replaceAll((ix) -> ix.expressions() ? ix : new Index(ix.name(), ix.table(),
				rename(ix.columns(), name, newName), ix.unique(), ix.where(), false));
		this.uniques.replaceAll((uq) -> new UniqueConstraint(uq.name(), rename(uq.columns(), name, newName)));
		this.foreignKeys.replaceAll((fk) -> new ForeignKey(fk.name(), rename(fk.columns(), name, newName),
				fk.referredSchema(), fk.referredTable(), fk.referredColumns(), fk.onDelete(), fk.onUpdate()));
		if (this.primaryKey != null) {
			this.primaryKey = new PrimaryKey(this.primaryKey.name(), rename(this.primaryKey.columns(), name, newName));
		}
	}

	private void dropConstraint(DropConstraint dc) {
		String n = dc.name();
		boolean removed = this.foreignKeys.removeIf((fk) -> n.equalsIgnoreCase(fk.name()))
				| this.uniques.removeIf((uq) -> n.equalsIgnoreCase(uq.name()))
				| this.checks.removeIf((ck) -> n.equalsIgnoreCase(ck.name()));
		// a table has one primary key, which SQLite names only when created as CONSTRAINT <name> PRIMARY KEY
		if (this.primaryKey != null && (n.equalsIgnoreCase(this.primaryKey.name())
				|| dc.type() == ConstraintType.PRIMARY_KEY)) {
			this.primaryKey = null;
			removed = true;
		}
		if (!removed) {
			throw new MigrateException("batch on " + this.batch.table() + ": no constraint named " + n
					+ " (SQLite knows a constraint's name only when it was created as CONSTRAINT <name> ...)");
		}
	}

	private String findColumn(String name) {
		return this.columns.keySet().stream().filter((k) -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	private String requireColumn(String name) {
		String found = findColumn(name);
		if (found == null) {
			throw new MigrateException("batch on " + this.batch.table() + ": no column named " + name);
		}
		return found;
	}

	private static boolean containsIgnoreCase(List<String> list, String value) {
		return list.stream().anyMatch((s) -> s.equalsIgnoreCase(value));
	}

	private static List<String> rename(List<String> list, String from, String to) {
		return list.stream().map((s) -> s.equalsIgnoreCase(from) ? to : s).toList();
	}

}
