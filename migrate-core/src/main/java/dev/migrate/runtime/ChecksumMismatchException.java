package dev.migrate.runtime;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.MigrateException;

/**
 * Applied revisions were edited after they were applied (their checksum differs from the one
 * recorded); nothing was run. Restore them, write a new revision for the change instead, or accept
 * the edit deliberately with {@code migrate repair}.
 */
public class ChecksumMismatchException extends MigrateException {

	private final List<ChecksumReport.Changed> changed;

	public ChecksumMismatchException(List<ChecksumReport.Changed> changed) {
		super(message(changed));
		this.changed = List.copyOf(changed);
	}

	private static String message(List<ChecksumReport.Changed> changed) {
		String which = changed.stream().map(ChecksumReport.Changed::describe).collect(Collectors.joining(", "));
		String head = (changed.size() == 1) ? "Applied revision " + which + " was changed after it was applied"
				: changed.size() + " applied revisions were changed after they were applied: " + which;
		return head + " (its checksum differs from the one recorded); nothing was run. Restore "
				+ ((changed.size() == 1) ? "it" : "them") + " and put the change in a new revision, or accept the edit"
				+ " deliberately with 'migrate repair'";
	}

	/** The changed revisions, in the order they were applied. */
	public List<ChecksumReport.Changed> changed() {
		return this.changed;
	}

}
