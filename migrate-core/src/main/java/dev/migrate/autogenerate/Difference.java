package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.schema.CheckConstraint;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Sequence;
import dev.migrate.schema.Table;
import dev.migrate.schema.UniqueConstraint;

/**
 * One difference between the models and the database, oriented from the database to the models
 * (applying it brings the database to the models). Each knows its reverse and its report lines.
 */
public sealed interface Difference {

	/** The table the difference is about. */
	String table();

	/** One readable line per change, e.g. {@code added column users.phone VARCHAR(20)}. */
	List<String> report();

	/** The difference that undoes this one. */
	Difference reverse();

	/** A table in the models but not in the database. */
	record AddTable(Table definition) implements Difference {

		public String table() {
			return this.definition.name();
		}

		public List<String> report() {
			return List.of("added table " + this.definition.qualifiedName());
		}

		public Difference reverse() {
			return new RemoveTable(this.definition);
		}

	}

	/** A table in the database but not in the models. */
	record RemoveTable(Table definition) implements Difference {

		public String table() {
			return this.definition.name();
		}

		public List<String> report() {
			return List.of("removed table " + this.definition.qualifiedName());
		}

		public Difference reverse() {
			return new AddTable(this.definition);
		}

	}

	/**
	 * A table of the models that is a view in the database: reported, not compared and not
	 * rendered (autogenerate will not create a table over a view).
	 */
	record ViewInDatabase(String table) implements Difference {

		public List<String> report() {
			return List.of("table " + this.table + " of the models is a view in the database: not compared");
		}

		public Difference reverse() {
			return this;
		}

	}

	/** A column in the models but not in the database. */
	record AddColumn(String table, Column column) implements Difference {

		public List<String> report() {
			return List.of("added column " + this.table + "." + this.column.name() + " " + this.column.type()
					+ (this.column.nullable() ? "" : " NOT NULL"));
		}

		public Difference reverse() {
			return new RemoveColumn(this.table, this.column);
		}

	}

	/** A column in the database but not in the models. */
	record RemoveColumn(String table, Column column) implements Difference {

		public List<String> report() {
			return List.of("removed column " + this.table + "." + this.column.name() + " " + this.column.type());
		}

		public Difference reverse() {
			return new AddColumn(this.table, this.column);
		}

	}

	/**
	 * A column whose type, nullability or server default differ; {@code existing} is the
	 * database's column, {@code target} the models'.
	 */
	record AlterColumn(String table, Column existing, Column target, boolean typeChanged, boolean nullableChanged,
			boolean defaultChanged) implements Difference {

		public String column() {
			return this.existing.name();
		}

		/** The new type, or null when unchanged. */
		public ColumnType newType() {
			return this.typeChanged ? this.target.type() : null;
		}

		public List<String> report() {
			List<String> lines = new ArrayList<>();
			String where = this.table + "." + this.existing.name();
			if (this.typeChanged) {
				lines.add("type of " + where + ": " + this.existing.type() + " in database, " + this.target.type()
						+ " in models");
			}
			if (this.nullableChanged) {
				lines.add("nullability of " + where + ": " + (this.existing.nullable() ? "NULL" : "NOT NULL")
						+ " in database, " + (this.target.nullable() ? "NULL" : "NOT NULL") + " in models");
			}
			if (this.defaultChanged) {
				lines.add("server default of " + where + ": " + describe(this.existing.serverDefault())
						+ " in database, " + describe(this.target.serverDefault()) + " in models");
			}
			return lines;
		}

		private static String describe(String serverDefault) {
			return (serverDefault != null) ? serverDefault : "none";
		}

		public Difference reverse() {
			return new AlterColumn(this.table, this.target.withName(this.existing.name()), this.existing,
					this.typeChanged, this.nullableChanged, this.defaultChanged);
		}

	}

	/**
	 * A primary key in the models on a table whose database copy has none; {@code primaryKey} is
	 * named (the models' name, or {@code <table>_pkey}) so that the downgrade can drop it.
	 */
	record AddPrimaryKey(String table, PrimaryKey primaryKey) implements Difference {

		public List<String> report() {
			return List.of("added primary key " + describe(this.table, this.primaryKey));
		}

		public Difference reverse() {
			return new RemovePrimaryKey(this.table, this.primaryKey);
		}

		static String describe(String table, PrimaryKey pk) {
			return ((pk.name() != null) ? pk.name() + " " : "") + "on " + table + " (" + String.join(", ", pk.columns())
					+ ")";
		}

	}

	/**
	 * A primary key in the database on a table whose models declare none; {@code keptUnique} when a
	 * unique constraint or index of the models still keeps its columns unique.
	 */
	record RemovePrimaryKey(String table, PrimaryKey primaryKey, boolean keptUnique) implements Difference {

		public RemovePrimaryKey(String table, PrimaryKey primaryKey) {
			this(table, primaryKey, true);
		}

		public List<String> report() {
			return List.of("removed primary key " + AddPrimaryKey.describe(this.table, this.primaryKey));
		}

		public Difference reverse() {
			return new AddPrimaryKey(this.table, this.primaryKey);
		}

	}

	/**
	 * A primary key on other columns (or the same in another order) in the models than in the
	 * database; {@code existing} is the database's, {@code target} the models' (named, as for
	 * {@link AddPrimaryKey}). A table has one primary key, so the old one is dropped first.
	 */
	record ChangePrimaryKey(String table, PrimaryKey existing, PrimaryKey target, String sql, String reverseSql)
			implements Difference {

		/** A change made as a drop and an add. */
		public ChangePrimaryKey(String table, PrimaryKey existing, PrimaryKey target) {
			this(table, existing, target, null, null);
		}

		public List<String> report() {
			return List.of("primary key of " + this.table + ": (" + String.join(", ", this.existing.columns())
					+ ") in database, (" + String.join(", ", this.target.columns()) + ") in models");
		}

		public Difference reverse() {
			return new ChangePrimaryKey(this.table, this.target, this.existing, this.reverseSql, this.sql);
		}

	}

	/** A named check constraint in the models but not in the database. */
	record AddCheckConstraint(String table, CheckConstraint constraint) implements Difference {

		public List<String> report() {
			return List.of("added check constraint " + describe(this.table, this.constraint));
		}

		public Difference reverse() {
			return new RemoveCheckConstraint(this.table, this.constraint);
		}

		static String describe(String table, CheckConstraint ck) {
			return ((ck.name() != null) ? ck.name() + " " : "") + "on " + table + " (" + ck.condition() + ")";
		}

	}

	/** A named check constraint in the database that the models do not declare. */
	record RemoveCheckConstraint(String table, CheckConstraint constraint) implements Difference {

		public List<String> report() {
			return List.of("removed check constraint " + AddCheckConstraint.describe(this.table, this.constraint));
		}

		public Difference reverse() {
			return new AddCheckConstraint(this.table, this.constraint);
		}

	}

	/**
	 * A PostgreSQL enum type a model column uses that the database lacks ({@code table} is the
	 * first table using it): created before the tables and columns.
	 */
	record AddEnumType(String table, String name, List<String> values) implements Difference {

		public List<String> report() {
			return List.of("added enum type " + this.name + " " + dev.migrate.schema.ColumnType
				.enumOf(this.values.toArray(String[]::new)).toString().substring("ENUM".length()));
		}

		public Difference reverse() {
			return new RemoveEnumType(this.table, this.name, this.values);
		}

	}

	/**
	 * A value of a PostgreSQL enum type the models have and the database's type lacks: added
	 * ({@code ALTER TYPE ... ADD VALUE}) before or after a value of the type, so that the type's
	 * values keep the models' order.
	 */
	record AddEnumValue(String table, String name, String value, String before, String after) implements Difference {

		public List<String> report() {
			return List.of("added value '" + this.value + "' to enum type " + this.name);
		}

		public Difference reverse() {
			return new RemoveEnumValue(this.table, this.name, this.value);
		}

	}

	/**
	 * A value of a PostgreSQL enum type the database has and the models lack. PostgreSQL cannot drop
	 * one, so no operation does: the revision has a note. An extra (drift-extras).
	 */
	record RemoveEnumValue(String table, String name, String value) implements Difference {

		public List<String> report() {
			return List.of("removed value '" + this.value + "' of enum type " + this.name);
		}

		/** The revision's note: what PostgreSQL cannot do and how it is done by hand. */
		public String note() {
			return "PostgreSQL cannot drop the value '" + this.value + "' of enum type " + this.name
					+ ": it stays (to remove it, create a type without it, change the columns to it with USING"
					+ " col::text::new_type, drop this type and rename the new one)";
		}

		public Difference reverse() {
			return new AddEnumValue(this.table, this.name, this.value, null, null);
		}

	}

	/**
	 * The values both sides have are in another order in the database's enum type than in the
	 * models. Reported only: PostgreSQL cannot reorder the values of an enum type.
	 */
	record EnumValueOrder(String table, String name, List<String> existing, List<String> target) implements Difference {

		public EnumValueOrder {
			existing = List.copyOf(existing);
			target = List.copyOf(target);
		}

		public List<String> report() {
			return List.of("order of the values of enum type " + this.name + ": " + list(this.existing) + " in database, "
					+ list(this.target) + " in models");
		}

		/** The revision's note. */
		public String note() {
			return report().get(0) + ": not changed by Migrate (PostgreSQL cannot reorder the values of an enum type)";
		}

		private static String list(List<String> values) {
			return "(" + String.join(", ", values.stream().map((v) -> "'" + v + "'").toList()) + ")";
		}

		public Difference reverse() {
			return new EnumValueOrder(this.table, this.name, this.target, this.existing);
		}

	}

	/** An enum type dropped after the tables using it (the reverse of {@link AddEnumType}). */
	record RemoveEnumType(String table, String name, List<String> values) implements Difference {

		public List<String> report() {
			return List.of("removed enum type " + this.name);
		}

		public Difference reverse() {
			return new AddEnumType(this.table, this.name, this.values);
		}

	}

	/** An index in the models but not in the database. */
	record AddIndex(String table, Index index) implements Difference {

		public List<String> report() {
			return List.of("added " + describe(this.index));
		}

		public Difference reverse() {
			return new RemoveIndex(this.table, this.index);
		}

		static String describe(Index index) {
			return (index.unique() ? "unique index " : "index ") + index.name() + " on " + index.table() + " ("
					+ String.join(", ", index.columns()) + ")" + ((index.where() != null) ? " WHERE " + index.where() : "");
		}

	}

	/** An index in the database but not in the models. */
	record RemoveIndex(String table, Index index) implements Difference {

		public List<String> report() {
			return List.of("removed " + AddIndex.describe(this.index));
		}

		public Difference reverse() {
			return new AddIndex(this.table, this.index);
		}

	}

	/** A unique constraint in the models but not in the database. */
	record AddUniqueConstraint(String table, UniqueConstraint constraint) implements Difference {

		public List<String> report() {
			return List.of("added unique constraint " + describe(this.table, this.constraint));
		}

		public Difference reverse() {
			return new RemoveUniqueConstraint(this.table, this.constraint);
		}

		static String describe(String table, UniqueConstraint uc) {
			return ((uc.name() != null) ? uc.name() + " " : "") + "on " + table + " (" + String.join(", ", uc.columns())
					+ ")";
		}

	}

	/** A unique constraint in the database but not in the models. */
	record RemoveUniqueConstraint(String table, UniqueConstraint constraint) implements Difference {

		public List<String> report() {
			return List.of("removed unique constraint " + AddUniqueConstraint.describe(this.table, this.constraint));
		}

		public Difference reverse() {
			return new AddUniqueConstraint(this.table, this.constraint);
		}

	}

	/**
	 * A foreign key in the models but not in the database; {@code implicitIndex} when the database
	 * (MySQL) creates an index of the key's name for it, which the reverse then drops too.
	 */
	record AddForeignKey(String table, ForeignKey foreignKey, boolean implicitIndex) implements Difference {

		public AddForeignKey(String table, ForeignKey foreignKey) {
			this(table, foreignKey, false);
		}

		public List<String> report() {
			return List.of("added foreign key " + describe(this.table, this.foreignKey));
		}

		public Difference reverse() {
			return new RemoveForeignKey(this.table, this.foreignKey, this.implicitIndex);
		}

		static String describe(String table, ForeignKey fk) {
			return ((fk.name() != null) ? fk.name() + " " : "") + "on " + table + " (" + String.join(", ", fk.columns())
					+ ") -> " + ((fk.referredSchema() != null) ? fk.referredSchema() + "." : "") + fk.referredTable()
					+ " (" + String.join(", ", fk.referredColumns()) + ")"
					+ ((fk.onDelete() != null) ? " ON DELETE " + fk.onDelete() : "")
					+ ((fk.onUpdate() != null) ? " ON UPDATE " + fk.onUpdate() : "");
		}

	}

	/**
	 * A foreign key in the database but not in the models; {@code implicitIndex} when the index the
	 * database (MySQL) made for it, of the key's name, is dropped with it.
	 */
	record RemoveForeignKey(String table, ForeignKey foreignKey, boolean implicitIndex) implements Difference {

		public RemoveForeignKey(String table, ForeignKey foreignKey) {
			this(table, foreignKey, false);
		}

		public List<String> report() {
			return List.of("removed foreign key " + AddForeignKey.describe(this.table, this.foreignKey));
		}

		public Difference reverse() {
			return new AddForeignKey(this.table, this.foreignKey, this.implicitIndex);
		}

	}

	/**
	 * A table comment that differs; {@code existing} is the database's, {@code target} the models' (null: none).
	 * One the models do not have is something only the database has ({@code drift-extras}).
	 */
	record ChangeTableComment(String table, String existing, String target) implements Difference {

		public List<String> report() {
			return List.of(commentLine("table " + this.table, this.existing, this.target));
		}

		public Difference reverse() {
			return new ChangeTableComment(this.table, this.target, this.existing);
		}

	}

	/**
	 * A column comment that differs; {@code column} is the database's column (with its comment), {@code target}
	 * the models' comment (null: none).
	 */
	record ChangeColumnComment(String table, Column column, String target) implements Difference {

		public List<String> report() {
			return List.of(commentLine("column " + this.table + "." + this.column.name(), this.column.comment(),
					this.target));
		}

		public Difference reverse() {
			return new ChangeColumnComment(this.table, this.column.comment(this.target), this.column.comment());
		}

	}

	/** {@code comment of table t: 'x' in database, 'y' in models}; {@code added comment ...}, {@code removed comment ...}. */
	private static String commentLine(String what, String existing, String target) {
		if (existing == null) {
			return "added comment of " + what + ": " + quoted(target);
		}
		if (target == null) {
			return "removed comment of " + what + ": " + quoted(existing);
		}
		return "comment of " + what + ": " + quoted(existing) + " in database, " + quoted(target) + " in models";
	}

	private static String quoted(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** A sequence of the models that the database lacks. */
	record AddSequence(Sequence sequence) implements Difference {

		public String table() {
			return this.sequence.name();
		}

		public List<String> report() {
			return List.of("added sequence " + describe(this.sequence));
		}

		public Difference reverse() {
			return new RemoveSequence(this.sequence);
		}

		static String describe(Sequence s) {
			return s.qualifiedName() + " (start " + s.start() + ", increment " + s.increment() + ")";
		}

	}

	/** A sequence of the database (not owned by a column) that the models do not declare. */
	record RemoveSequence(Sequence sequence) implements Difference {

		public String table() {
			return this.sequence.name();
		}

		public List<String> report() {
			return List.of("removed sequence " + AddSequence.describe(this.sequence));
		}

		public Difference reverse() {
			return new AddSequence(this.sequence);
		}

	}

	/** A sequence whose increment (JPA's {@code allocationSize}) differs: Hibernate refuses to start with it. */
	record ChangeSequence(Sequence existing, Sequence target) implements Difference {

		public String table() {
			return this.existing.name();
		}

		public List<String> report() {
			return List.of("increment of sequence " + this.existing.qualifiedName() + ": " + this.existing.increment()
					+ " in database, " + this.target.increment() + " in models");
		}

		public Difference reverse() {
			return new ChangeSequence(this.target, this.existing);
		}

	}

	/**
	 * A column whose values the database generates (identity, SERIAL, AUTO_INCREMENT) on one side only;
	 * {@code existing} is the database's column, {@code target} the models'. {@code sql} makes the change where the
	 * dialect can (PostgreSQL: {@code ADD GENERATED BY DEFAULT AS IDENTITY}, {@code DROP IDENTITY}), and
	 * {@code reverseSql} undoes it; both are empty where it cannot, and the revision then has a note.
	 */
	record ChangeGenerated(String table, Column existing, Column target, List<String> sql, List<String> reverseSql)
			implements Difference {

		public ChangeGenerated {
			sql = List.copyOf(sql);
			reverseSql = List.copyOf(reverseSql);
		}

		public String column() {
			return this.existing.name();
		}

		public List<String> report() {
			return List.of("generated values of " + this.table + "." + this.existing.name() + ": " + describe(this.existing)
					+ " in database, " + describe(this.target) + " in models");
		}

		private static String describe(Column c) {
			return c.isIdentity() ? "identity" : c.isAutoincrement() ? "autoincrement" : "none";
		}

		public Difference reverse() {
			return new ChangeGenerated(this.table, this.target.withName(this.existing.name()), this.existing,
					this.reverseSql, this.sql);
		}

	}

	/**
	 * A drop of something only the database has (a table, primary key, index, unique constraint or
	 * foreign key the models do not declare), with {@code drift-extras: report}: reported as "in the
	 * database only", not applied; autogenerate renders it commented out. Its reverse wraps the
	 * re-creation, equally commented.
	 */
	record InDatabaseOnly(Difference difference) implements Difference {

		public String table() {
			return this.difference.table();
		}

		public List<String> report() {
			List<String> lines = new ArrayList<>();
			for (String line : this.difference.report()) {
				if (line.startsWith("removed ")) {
					lines.add(line.substring("removed ".length()) + " in the database only");
				}
				else {
					lines.add(line.startsWith("added ") ? line.substring("added ".length()) + " (in the database only)" : line);
				}
			}
			return lines;
		}

		public Difference reverse() {
			return new InDatabaseOnly(this.difference.reverse());
		}

	}

}
