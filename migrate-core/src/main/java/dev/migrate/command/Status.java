package dev.migrate.command;

import java.util.List;

/**
 * Where a database stands against the code.
 *
 * @param current version rows in the database
 * @param heads heads of the revision graph
 * @param pending revisions an {@code upgrade heads} would run, in order
 * @param unknown version rows the code does not know (the database is ahead of the code)
 */
public record Status(List<String> current, List<String> heads, List<String> pending, List<String> unknown) {

	public boolean upToDate() {
		return this.pending.isEmpty() && this.unknown.isEmpty() && !this.current.isEmpty()
				|| this.heads.isEmpty() && this.current.isEmpty();
	}

}
