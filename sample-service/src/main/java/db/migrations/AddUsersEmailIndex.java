package db.migrations;

import java.util.List;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/**
 * The guide's "add index": a unique index on {@code users.email}. Two branches start from here
 * (orders and users), developed in parallel and joined by the merge revision {@code 2b8e6f0c4acc}.
 */
@Revision(id = "94c3d0e6a166", down = "e2a71b4c8f55", message = "unique index on users.email",
		createDate = "2024-01-05 10:00:00")
public class AddUsersEmailIndex implements Migration {

	@Override
	public void upgrade(Operations op) {
		// lint: the guide's unique index, kept as the guide writes it: the sample's users table is small, so
		// the SHARE lock lasts milliseconds; on a big, busy table use op.createIndexConcurrently in a
		// @Revision(transactional = false) revision instead (docs/safety.md)
		op.allow("pg-index-not-concurrent").createIndex("ix_users_email", "users", List.of("email"), true);
	}

	@Override
	public void downgrade(Operations op) {
		op.dropIndex("ix_users_email");
	}

}
