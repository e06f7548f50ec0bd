package dev.migrate.operations;

/**
 * One schema or data operation — data, not behaviour. Revisions create operations through
 * {@link Operations}; autogenerate emits the same objects; a dialect renders them to SQL.
 */
public interface MigrateOperation {

	/**
	 * The operation that undoes this one, used to fill downgrades (autogenerate) and for batch
	 * mode; throws {@link IrreversibleOperationException} when it cannot be derived (e.g. raw SQL,
	 * or dropping a column whose definition is not known).
	 */
	default MigrateOperation reverse() {
		throw new IrreversibleOperationException(this);
	}

}
