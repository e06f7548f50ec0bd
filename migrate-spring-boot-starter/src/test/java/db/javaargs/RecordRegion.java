package db.javaargs;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/** A Java revision that reads an argument (migrate.arguments.region), as a revision run with {@code -x region=...}. */
@Revision(id = "0000000000j1", down = "none", message = "record the region")
public class RecordRegion implements Migration {

	@Override
	public void upgrade(Operations op) {
		String region = op.context().arguments().getOrDefault("region", "none");
		op.execute("CREATE TABLE region_marker (region VARCHAR(40) NOT NULL)");
		op.execute("INSERT INTO region_marker (region) VALUES ('" + region.replace("'", "''") + "')");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE region_marker");
	}

}
