package dev.migrate.command;

import java.util.List;

import dev.migrate.graph.UnknownRevisionException;

/**
 * An upgrade found version rows the revisions do not have: the database was migrated by a newer
 * version of the application (or from another branch of the code). Nothing was run. Deploy that
 * version, or downgrade the database with it before running this one.
 */
public class DatabaseAheadException extends UnknownRevisionException {

	private final List<String> unknown;

	private final List<String> heads;

	/**
	 * @param unknown the version rows unknown to the code
	 * @param heads the heads of the code's revisions
	 */
	public DatabaseAheadException(List<String> unknown, List<String> heads) {
		super(message(unknown, heads), unknown.get(0));
		this.unknown = List.copyOf(unknown);
		this.heads = List.copyOf(heads);
	}

	private static String message(List<String> unknown, List<String> heads) {
		// starts as Alembic's ResolutionError does
		return "Can't locate revision identified by '" + unknown.get(0) + "': the database is at "
				+ String.join(", ", unknown) + ", which these revisions (heads: "
				+ (heads.isEmpty() ? "none" : String.join(", ", heads)) + ") do not have, so it was migrated by a newer"
				+ " version of the application; nothing was run. Deploy that version, or downgrade the database with it"
				+ " ('migrate downgrade <rev>' run from that build) first";
	}

	/** The version rows the code does not know. */
	public List<String> unknown() {
		return this.unknown;
	}

	/** The heads of the code's revisions. */
	public List<String> heads() {
		return this.heads;
	}

}
