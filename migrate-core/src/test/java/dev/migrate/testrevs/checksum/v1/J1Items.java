package dev.migrate.testrevs.checksum.v1;

import dev.migrate.operations.Operations;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** A Java revision as first applied; {@code v2.J1Items} is the same revision edited afterwards. */
@Revision(id = "cj1", message = "items")
public class J1Items implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("items", Column.of("id", ColumnType.INTEGER).primaryKey(), Column.of("name", ColumnType.string(50)));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("items");
	}

}
