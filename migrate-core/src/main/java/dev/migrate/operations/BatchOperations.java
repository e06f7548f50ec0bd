package dev.migrate.operations;

import java.util.List;
import java.util.function.Consumer;

import dev.migrate.schema.Column;

/** The operations allowed inside {@link Operations#batchAlterTable}. CONTRACT: signatures fixed. */
public interface BatchOperations {

	void addColumn(Column column);

	void dropColumn(String column);

	void alterColumn(String column, Consumer<AlterColumnSpec> spec);

	void createIndex(String name, List<String> columns, boolean unique);

	void dropIndex(String name);

	void createForeignKey(String name, String referredTable, List<String> localColumns, List<String> referredColumns);

	void createUniqueConstraint(String name, String... columns);

	void createCheckConstraint(String name, String condition);

	void dropConstraint(String name);

	/** A foreign key with ON DELETE / ON UPDATE actions (null for none). */
	void createForeignKey(String name, String referredTable, List<String> localColumns, List<String> referredColumns,
			String onDelete, String onUpdate);

	void createPrimaryKey(String name, String... columns);

	/** Drops a constraint of a known kind: {@code foreignkey}, {@code unique}, {@code check} or {@code primary}. */
	void dropConstraint(String name, String type);


}
