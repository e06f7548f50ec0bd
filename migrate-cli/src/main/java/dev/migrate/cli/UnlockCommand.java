package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migrate.command.Migrator;
import dev.migrate.runtime.LockInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate unlock}: who holds the migration lock, and releasing a lock row left by a dead run. */
@Command(name = "unlock", mixinStandardHelpOptions = true,
		description = { "Show who holds the migration lock (of the version table and schema) and since when.",
				"With --force, release it: the lock row (H2, SQLite) is deleted. A PostgreSQL advisory lock or a",
				"MySQL GET_LOCK belongs to a database session: the command names the session and how to end it." })
final class UnlockCommand extends AbstractCommand {

	@Option(names = "--force", description = "Release the lock whoever holds it (only when its holder is gone: a live run would lose its lock).")
	boolean force;

	@Override
	void run(CliContext context) {
		Migrator migrator = context.onlineMigrator();
		LockInfo info = migrator.lockInfo();
		if (context.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("held", info != null);
			if (info != null) {
				json.put("lock", info.lock());
				json.put("holder", info.holder());
				json.put("since", (info.since() != null) ? info.since().toString() : null);
				json.put("leaseExpiresAt", (info.expiresAt() != null) ? info.expiresAt().toString() : null);
				json.put("howToEnd", info.howToEnd());
			}
			if (info != null && this.force) {
				migrator.releaseLock();
				json.put("released", true);
			}
			printJson(context, json);
			return;
		}
		if (info == null) {
			context.println("The migration lock is not held.");
			return;
		}
		context.println(capitalize(info.describe()) + ".");
		if (!this.force) {
			context.println(capitalize(info.howToEnd()) + ".");
			return;
		}
		migrator.releaseLock();
		context.println("Released the " + info.lock() + ".");
	}

	private static String capitalize(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
