package dev.migrate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table: the unit both the operations API ({@code createTable}) and autogenerate (models and the
 * reflected database) work with. Immutable.
 *
 * @param schema schema name, or null for the default schema
 * @param name table name
 * @param columns columns in order
 * @param primaryKey the primary key, or null; columns flagged {@link Column#isPrimaryKey()} are
 * folded into it by {@link #of}
 * @param foreignKeys foreign keys
 * @param uniqueConstraints unique constraints
 * @param checkConstraints check constraints
 * @param indexes indexes on this table
 * @param comment table comment, or null
 */
public record Table(String schema, String name, List<Column> columns, PrimaryKey primaryKey,
		List<ForeignKey> foreignKeys, List<UniqueConstraint> uniqueConstraints, List<CheckConstraint> checkConstraints,
		List<Index> indexes, String comment) {

	public Table {
		Objects.requireNonNull(name, "table name");
		columns = List.copyOf(columns);
		foreignKeys = List.copyOf(foreignKeys);
		uniqueConstraints = List.copyOf(uniqueConstraints);
		checkConstraints = List.copyOf(checkConstraints);
		indexes = List.copyOf(indexes);
	}

	/**
	 * A table from columns and constraints given in any order, as {@code op.create_table} takes
	 * them: {@link Column}, {@link PrimaryKey}, {@link ForeignKey}, {@link UniqueConstraint},
	 * {@link CheckConstraint} and {@link Index} elements.
	 */
	public static Table of(String schema, String name, List<?> elements) {
		List<Column> columns = new ArrayList<>();
		PrimaryKey pk = null;
		List<ForeignKey> fks = new ArrayList<>();
		List<UniqueConstraint> uqs = new ArrayList<>();
		List<CheckConstraint> cks = new ArrayList<>();
		List<Index> ixs = new ArrayList<>();
		for (Object e : elements) {
			if (e instanceof Column c) {
				columns.add(c);
			}
			else if (e instanceof PrimaryKey p) {
				pk = p;
			}
			else if (e instanceof ForeignKey f) {
				fks.add(f);
			}
			else if (e instanceof UniqueConstraint u) {
				uqs.add(u);
			}
			else if (e instanceof CheckConstraint ck) {
				cks.add(ck);
			}
			else if (e instanceof Index ix) {
				ixs.add(ix);
			}
			else {
				throw new IllegalArgumentException("Table " + name + ": unsupported element " + e);
			}
		}
		if (pk == null) {
			List<String> pkColumns = columns.stream().filter(Column::isPrimaryKey).map(Column::name).toList();
			if (!pkColumns.isEmpty()) {
				pk = new PrimaryKey(null, pkColumns);
			}
		}
		if (pk != null) {
			List<String> pkCols = pk.columns();
			columns.replaceAll((c) -> pkCols.contains(c.name()) && c.nullable() ? c.notNull() : c);
		}
		return new Table(schema, name, columns, pk, fks, uqs, cks, ixs, null);
	}

	public Optional<Column> column(String columnName) {
		return this.columns.stream().filter((c) -> c.name().equals(columnName)).findFirst();
	}

	/** {@code schema.name}, or {@code name} in the default schema. */
	public String qualifiedName() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

	public Table withColumns(List<Column> newColumns) {
		return new Table(this.schema, this.name, newColumns, this.primaryKey, this.foreignKeys, this.uniqueConstraints,
				this.checkConstraints, this.indexes, this.comment);
	}

	public Table withIndexes(List<Index> newIndexes) {
		return new Table(this.schema, this.name, this.columns, this.primaryKey, this.foreignKeys,
				this.uniqueConstraints, this.checkConstraints, newIndexes, this.comment);
	}

	public Table withComment(String newComment) {
		return new Table(this.schema, this.name, this.columns, this.primaryKey, this.foreignKeys,
				this.uniqueConstraints, this.checkConstraints, this.indexes, newComment);
	}

}
