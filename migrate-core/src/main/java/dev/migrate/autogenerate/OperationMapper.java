package dev.migrate.autogenerate;

import java.util.List;

import dev.migrate.operations.MigrateOperation;

/** Maps differences to the operation records revisions use. */
final class OperationMapper {

	private OperationMapper() {
	}

	static List<MigrateOperation> toOperations(List<Difference> differences) {
		return List.of(); // replaced once the operation records land
	}

}
