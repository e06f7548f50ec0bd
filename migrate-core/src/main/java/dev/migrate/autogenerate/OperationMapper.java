package dev.migrate.autogenerate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.migrate.operations.AddColumn;
import dev.migrate.operations.AlterColumn;
import dev.migrate.operations.BatchAlterTable;
import dev.migrate.operations.ConstraintType;
import dev.migrate.operations.CreateForeignKey;
import dev.migrate.operations.CreateIndex;
import dev.migrate.operations.CreateTable;
import dev.migrate.operations.CreateUniqueConstraint;
import dev.migrate.operations.DropColumn;
import dev.migrate.operations.DropConstraint;
import dev.migrate.operations.DropIndex;
import dev.migrate.operations.DropTable;
import dev.migrate.operations.MigrateOperation;
import dev.migrate.schema.Index;
import dev.migrate.schema.Table;

/**
 * Maps differences to the operation records revisions use. On SQLite the changes it cannot ALTER
 * are grouped per table in a {@link BatchAlterTable} ("move and copy"). Dropping a constraint the
 * database gave no name (SQLite) has no operation; it stays in the report.
 */
final class OperationMapper {

	private OperationMapper() {
	}

	/**
	 * The operations for {@code differences}.
	 * @param current the definition of a table before the operations run (for SQLite's batch), or null
	 */
	static List<MigrateOperation> toOperations(List<Difference> differences, String dialect,
			Function<String, Table> current) {
		boolean batch = "sqlite".equals(dialect);
		List<MigrateOperation> result = new ArrayList<>();
		int i = 0;
		while (i < differences.size()) {
			Difference d = differences.get(i);
			if (batch && JavaRenderer.needsBatch(d)) {
				List<MigrateOperation> inner = new ArrayList<>();
				int j = i;
				while (j < differences.size() && JavaRenderer.needsBatch(differences.get(j))
						&& differences.get(j).table().equals(d.table())) {
					MigrateOperation op = toOperation(differences.get(j));
					if (op != null) {
						inner.add(op);
					}
					j++;
				}
				if (!inner.isEmpty()) {
					result.add(new BatchAlterTable(null, d.table(), inner, BatchAlterTable.Recreate.AUTO,
							(current != null) ? current.apply(d.table()) : null));
				}
				i = j;
			}
			else {
				MigrateOperation op = toOperation(d);
				if (op != null) {
					result.add(op);
				}
				i++;
			}
		}
		return result;
	}

	/** The operation for one difference, or null when none can express it. */
	static MigrateOperation toOperation(Difference difference) {
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
		Difference.RemoveForeignKey r = (Difference.RemoveForeignKey) difference;
		return (r.foreignKey().name() == null) ? null
				: new DropConstraint(null, r.table(), r.foreignKey().name(), ConstraintType.FOREIGN_KEY, r.foreignKey());
	}

	private static Index withTable(Index index, String table) {
		return (index.table() != null) ? index
				: new Index(index.name(), table, index.columns(), index.unique(), index.where(), index.expressions());
	}

}
