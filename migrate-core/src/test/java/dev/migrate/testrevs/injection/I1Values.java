package dev.migrate.testrevs.injection;

import java.util.List;
import java.util.Map;

import dev.migrate.operations.Operations;
import dev.migrate.operations.Sql;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/**
 * Built statements whose values try to break out of their string literal: a backslash before a
 * quote ends a plain literal where backslashes escape ({@code standard_conforming_strings = off},
 * MySQL without {@code NO_BACKSLASH_ESCAPES}); the rest would then run as SQL and drop
 * {@code victim}. Tables {@code notes (id, v)} and {@code victim} exist before it runs.
 */
@Revision(id = "i1", message = "values with quotes and backslashes")
public class I1Values implements Migration {

	/** The attacker's value. */
	public static final String PAYLOAD = "y\\'; DROP TABLE victim; --";

	@Override
	public void upgrade(Operations op) {
		var notes = Sql.table("notes", Sql.column("id"), Sql.column("v"));
		op.bulkInsert(notes, List.of(Map.of("id", 1, "v", PAYLOAD), Map.of("id", 2, "v", "plain"),
				Map.of("id", 3, "v", "gone")));
		op.execute(notes.update().set("v", PAYLOAD).where("id", 2));
		op.execute(notes.update().set("v", "kept").where("v", PAYLOAD + "x"));
		op.execute(notes.delete().where("v", "gone"));
		op.execute(notes.delete().where("v", PAYLOAD + "z"));
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DELETE FROM notes");
	}

}
