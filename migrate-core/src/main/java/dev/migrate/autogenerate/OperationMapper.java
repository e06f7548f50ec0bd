package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.migrate.operations.AddColumn;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.ConstraintType;
import dev.migrate.operations.CreateCheckConstraint;
import dev.migrate.operations.CreateForeignKey;
import dev.migrate.operations.CreateIndex;
import dev.migrate.operations.CreatePrimaryKey;
import dev.migrate.operations.CreateSequence;
import dev.migrate.operations.CreateTable;
import dev.migrate.operations.CreateUniqueConstraint;
import dev.migrate.operations.DropColumn;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.DropIndex;
import dev.migrate.operations.DropSequence;
import dev.migrate.operations.DropTable;
import dev.migrate.operations.ExecuteSql;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.operations.SetTableComment;
import dev.migrate.schema.Column;
import dev.migrate.schema.ForeignKey;
import dev.migrate.schema.Index;
import dev.migrate.schema.PrimaryKey;
import dev.migrate.schema.Sequence;
import dev.migrate.schema.Table;

/**
 * Maps differences to the operation records revisions use. On SQLite the changes it cannot ALTER
 * are grouped per table in a {@link BatchAlterTable} ("move and copy"). Dropping a constraint the
 * database gave no name (SQLite) has no operation; it stays in the report. What only the database
 * has ({@link Difference.InDatabaseOnly}) has no operation either: it is rendered commented out.
 */
final class OperationMapper {

	private OperationMapper() {
	}

	/**
	 * The operations for {@code differences}.
	 * @param batchAlters group each table's changes in one batch (the dialect's {@code alterNeedsBatch()})
	 * @param current the definition of a table before the operations run (for the batch), or null
	 */
	static List<MigrateOperation> toOperations(List<Difference> differences, boolean batchAlters,
			Function<String, Table> current) {
		List<MigrateOperation> result = new ArrayList<>();
		for (Object step : plan(differences, batchAlters)) {
			if (step instanceof Batch batch) {
				List<MigrateOperation> inner = new ArrayList<>();
				batch.differences().forEach((d) -> inner.addAll(toOperation(d)));
				if (!inner.isEmpty()) {
					result.add(new BatchAlterTable(null, batch.table(), inner, BatchAlterTable.Recreate.AUTO,
							(current != null) ? current.apply(batch.table()) : null));
				}
			}
			else {
				result.addAll(toOperation((Difference) step));
			}
		}
		return result;
	}

	/** Changes to one existing table that SQLite applies together, recreating the table once. */
	record Batch(String table, List<Difference> differences) {
	}

	/**
	 * The steps: each difference as it is, or, when {@code batch} (SQLite), all the changes of an
	 * existing table that has any change SQLite cannot ALTER gathered in one {@link Batch} at the
	 * place of its first change.
	 */
	static List<Object> plan(List<Difference> differences, boolean batch) {
		if (!batch) {
			return new ArrayList<>(differences);
		}
		Set<String> needing = new HashSet<>();
		for (Difference d : differences) {
			if (JavaRenderer.needsBatch(d)) {
				needing.add(d.table());
			}
		}
		List<Object> steps = new ArrayList<>();
		Set<String> emitted = new HashSet<>();
		for (Difference d : differences) {
			boolean tableLevel = d instanceof Difference.AddTable || d instanceof Difference.RemoveTable
					|| d instanceof Difference.InDatabaseOnly || d instanceof Difference.ViewInDatabase;
			if (tableLevel || !needing.contains(d.table())) {
				steps.add(d);
			}
			else if (emitted.add(d.table())) {
				steps.add(new Batch(d.table(), differences.stream()
					.filter((x) -> x.table().equals(d.table()) && !(x instanceof Difference.AddTable)
							&& !(x instanceof Difference.RemoveTable) && !(x instanceof Difference.InDatabaseOnly)
							&& !(x instanceof Difference.ViewInDatabase))
					.toList()));
			}
		}
		return steps;
	}

	/** The operations for one difference (none when nothing can express it). */
	static List<MigrateOperation> toOperation(Difference difference) {
		if (difference instanceof Difference.InDatabaseOnly || difference instanceof Difference.ViewInDatabase) {
			return List.of();
		}
		if (difference instanceof Difference.ChangePrimaryKey c) {
			if (c.sql() != null) {
				return List.of(new ExecuteSql(c.sql()));
			}
			return List.of(dropPrimaryKey(c.table(), c.existing()),
					new CreatePrimaryKey(null, c.table(), c.target()));
		}
		List<MigrateOperation> more = objectOperations(difference);
		if (more != null) {
			return more;
		}
		MigrateOperation op = single(difference);
		if (op == null) {
			return List.of();
		}
		if (difference instanceof Difference.RemoveForeignKey r && r.implicitIndex()) {
			ForeignKey fk = r.foreignKey();
			return List.of(op, new DropIndex(null, r.table(), fk.name(), false,
					Index.of(fk.name(), r.table(), fk.columns())));
		}
		return List.of(op);
	}

	/**
	 * The operations for comments, sequences and generated values, or null for other differences. A sequence's
	 * increment is changed with SQL that PostgreSQL, H2 and MariaDB share ({@code op.execute}); a change of generated values
	 * runs the statements the comparison chose for the dialect (none where it has none: the revision has a note).
	 */
	static List<MigrateOperation> objectOperations(Difference difference) {
		if (difference instanceof Difference.AddEnumValue a) {
			return List.of(new dev.migrate.operations.AddEnumValue(null, a.name(), a.value(), a.before(), a.after()));
		}
		if (difference instanceof Difference.RemoveEnumValue || difference instanceof Difference.EnumValueOrder) {
			return List.of();
		}
		if (difference instanceof Difference.ChangeTableComment c) {
			return List.of(new SetTableComment(null, c.table(), (c.target() != null) ? c.target() : "", c.existing()));
		}
		if (difference instanceof Difference.ChangeColumnComment c) {
			Column col = c.column();
			AlterColumn.Builder b = AlterColumn.builder(null, c.table(), col.name())
				.comment((c.target() != null) ? c.target() : "")
				.existingType(col.type())
				.existingNullable(col.nullable())
				.existingServerDefault(col.serverDefault())
				.existingComment(col.comment());
			return List.of(b.build());
		}
		if (difference instanceof Difference.AddSequence a) {
			return List.of(new CreateSequence(a.sequence()));
		}
		if (difference instanceof Difference.RemoveSequence r) {
			return List.of(new DropSequence(r.sequence().schema(), r.sequence().name(), r.sequence()));
		}
		if (difference instanceof Difference.ChangeSequence c) {
			return List.of(new ExecuteSql(alterSequenceSql(c.target())));
		}
		if (difference instanceof Difference.ChangeGenerated g) {
			return g.sql().stream().map((sql) -> (MigrateOperation) new ExecuteSql(sql)).toList();
		}
		return null;
	}

	static String createSequenceSql(Sequence s) {
		return "CREATE SEQUENCE " + s.qualifiedName() + " START WITH " + s.start() + " INCREMENT BY " + s.increment();
	}

	static String dropSequenceSql(Sequence s) {
		return "DROP SEQUENCE " + s.qualifiedName();
	}

	static String alterSequenceSql(Sequence s) {
		return "ALTER SEQUENCE " + s.qualifiedName() + " INCREMENT BY " + s.increment();
	}

	private static MigrateOperation single(Difference difference) {
		if (difference instanceof Difference.AddTable a) {
			return new CreateTable(a.definition());
		}
		if (difference instanceof Difference.RemoveTable r) {
			return new DropTable(r.definition().schema(), r.definition().name(), r.definition());
		}
		if (difference instanceof Difference.AddColumn a) {
			return new AddColumn(null, a.table(), a.column());
		}
		if (difference instanceof Difference.RemoveColumn r) {
			return new DropColumn(null, r.table(), r.column().name(), r.column());
		}
		if (difference instanceof Difference.AlterColumn a) {
			AlterColumn.Builder b = AlterColumn.builder(null, a.table(), a.column());
			if (a.typeChanged()) {
				b.type(a.target().type());
			}
			if (a.nullableChanged()) {
				b.nullable(a.target().nullable());
			}
			if (a.defaultChanged()) {
				if (a.target().serverDefault() != null) {
					b.serverDefault(a.target().serverDefault());
				}
				else {
					b.dropDefault();
				}
			}
			b.existingType(a.existing().type());
			b.existingNullable(a.existing().nullable());
			b.existingServerDefault(a.existing().serverDefault());
			return b.build();
		}
		if (difference instanceof Difference.AddIndex a) {
			return new CreateIndex(null, withTable(a.index(), a.table()), false);
		}
		if (difference instanceof Difference.RemoveIndex r) {
			return new DropIndex(null, r.table(), r.index().name(), false, withTable(r.index(), r.table()));
		}
		if (difference instanceof Difference.AddUniqueConstraint a) {
			return new CreateUniqueConstraint(null, a.table(), a.constraint());
		}
		if (difference instanceof Difference.RemoveUniqueConstraint r) {
			return (r.constraint().name() == null) ? null
					: new DropConstraint(null, r.table(), r.constraint().name(), ConstraintType.UNIQUE, r.constraint());
		}
		if (difference instanceof Difference.AddForeignKey a) {
			return new CreateForeignKey(null, a.table(), a.foreignKey());
		}
		if (difference instanceof Difference.AddEnumType a) {
			return new dev.migrate.operations.CreateEnumType(null, a.name(), a.values());
		}
		if (difference instanceof Difference.RemoveEnumType r) {
			return new dev.migrate.operations.DropEnumType(null, r.name(), r.values());
		}
		if (difference instanceof Difference.AddCheckConstraint a) {
			return new CreateCheckConstraint(null, a.table(), a.constraint());
		}
		if (difference instanceof Difference.RemoveCheckConstraint r) {
			return (r.constraint().name() == null) ? null
					: new DropConstraint(null, r.table(), r.constraint().name(), ConstraintType.CHECK, r.constraint());
		}
		if (difference instanceof Difference.AddPrimaryKey a) {
			return new CreatePrimaryKey(null, a.table(), a.primaryKey());
		}
		if (difference instanceof Difference.RemovePrimaryKey r) {
			return dropPrimaryKey(r.table(), r.primaryKey());
		}
		Difference.RemoveForeignKey r = (Difference.RemoveForeignKey) difference;
		return (r.foreignKey().name() == null) ? null
				: new DropConstraint(null, r.table(), r.foreignKey().name(), ConstraintType.FOREIGN_KEY, r.foreignKey());
	}

	/**
	 * The drop of a primary key; one the database reports no name for (MySQL's is {@code PRIMARY},
	 * SQLite's has none) is dropped by its kind, which both dialects do whatever the name.
	 */
	static DropConstraint dropPrimaryKey(String table, PrimaryKey pk) {
		return new DropConstraint(null, table, primaryKeyName(pk), ConstraintType.PRIMARY_KEY, pk);
	}

	static String primaryKeyName(PrimaryKey pk) {
		return (pk.name() != null) ? pk.name() : "PRIMARY";
	}

	private static Index withTable(Index index, String table) {
		return (index.table() != null) ? index
				: new Index(index.name(), table, index.columns(), index.unique(), index.where(), index.expressions());
	}

}
