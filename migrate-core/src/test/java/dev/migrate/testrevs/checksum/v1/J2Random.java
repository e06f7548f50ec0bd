package dev.migrate.testrevs.checksum.v1;

import java.util.UUID;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** Inserts a value made at run time: its recorded operations differ on every run, so it has no checksum. */
@Revision(id = "cj2", down = "cj1", message = "random row")
public class J2Random implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("INSERT INTO items (id, name) VALUES (1, '" + UUID.randomUUID() + "')");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DELETE FROM items");
	}

}
