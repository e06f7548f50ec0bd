package dev.migrate.testrevs.checksum.v2;

import dev.migrate.operations.Operations;
import dev.migrate.schema.Column;
import dev.migrate.schema.ColumnType;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** {@code v1.J1Items} edited after it was applied (a longer name column), formatted differently. */
@Revision(id = "cj1", message = "items")
public class J1Items implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("items", Column.of("id", ColumnType.INTEGER).primaryKey(), Column.of("name", ColumnType.string(80)));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("items");
	}

}
