package dev.migrate.command;

import java.time.Duration;

/**
 * Told about every step the runner takes (for logging, metrics and the applied-steps log). Called
 * on the migrating thread; exceptions thrown by a listener are logged and ignored.
 */
public interface MigrationListener {

	/** A step is about to run. */
	default void beforeStep(StepInfo step) {
	}

	/** A step finished: {@code failure} is null on success. */
	default void afterStep(StepInfo step, Duration duration, Throwable failure) {
	}

	/**
	 * What a step is.
	 *
	 * @param revision revision id (for a stamp: the target ids joined by comma)
	 * @param upgrade direction
	 * @param fromRevisions rows before ({@code <from>} of "Running upgrade <from> -> <to>")
	 * @param toRevisions rows after
	 * @param message the revision message
	 * @param source the file or class of the revision
	 * @param stamp whether this is a stamp (nothing runs)
	 */
	record StepInfo(String revision, boolean upgrade, java.util.List<String> fromRevisions,
			java.util.List<String> toRevisions, String message, String source, boolean stamp) {
	}

}
