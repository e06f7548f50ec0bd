package db.migrations;

import dev.migrate.operations.Operations;
import dev.migrate.script.Migration;
import dev.migrate.script.Revision;

/**
 * The guide's bulk data update: lower-case every e-mail address in one statement. Branch "users".
 *
 * <p><b>Irreversible.</b> The original case of the addresses is not kept anywhere, so the downgrade
 * cannot restore it: it does nothing, deliberately (Alembic's {@code pass  # Cannot revert case
 * change}). Downgrading past this revision leaves the addresses lower-case, which the schema of
 * the earlier revisions accepts; restore a backup if the original case matters.
 */
@Revision(id = "d7f2b9a4e1bb", down = "6c1a5e8b0daa", message = "lower-case all e-mail addresses",
		createDate = "2024-01-09 11:00:00")
public class LowercaseUserEmails implements Migration {

	@Override
	public void upgrade(Operations op) {
		// raw SQL for performance: one statement, only the rows that change
		op.execute("""
				UPDATE users
				SET email = LOWER(email)
				WHERE email != LOWER(email)
				""");
	}

	@Override
	public void downgrade(Operations op) {
		// Cannot revert the case change: nothing to do (see the class comment).
	}

}
