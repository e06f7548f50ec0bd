package dev.migrate.cli;

import java.time.Duration;

import dev.migrate.command.MigrationListener;

/**
 * Prints the progress of each step as Alembic does: {@code Running upgrade <from> -> <to>, <message> ...}
 * is printed (and flushed) BEFORE the revision's work starts, so a slow revision shows what is running;
 * {@code done (12 ms)} or {@code FAILED (12 ms)} completes the line when the step ends. A step the
 * runner starts again before it ended (rolled back after a DDL lock timeout, then retried) closes the
 * open line with {@code lock wait timed out, rolled back} and prints its line again with the retry's number.
 */
final class ProgressListener implements MigrationListener {

	private final CliContext context;

	/** The step whose line is printed and not yet completed, else null. */
	private StepInfo open;

	private int retry;

	ProgressListener(CliContext context) {
		this.context = context;
	}

	@Override
	public void beforeStep(StepInfo step) {
		if (step.equals(this.open)) {
			this.context.println("lock wait timed out, rolled back");
			this.retry++;
		}
		else {
			this.retry = 0;
		}
		this.open = step;
		this.context.out().print(line(step) + ((this.retry > 0) ? " (retry " + this.retry + ")" : "") + " ... ");
		this.context.out().flush();
	}

	@Override
	public void afterStep(StepInfo step, Duration duration, Throwable failure) {
		this.open = null;
		this.context.println(((failure == null) ? "done" : "FAILED") + " (" + millis(duration) + ")");
	}

	/** {@code Running upgrade <from> -> <to>, <message>}. */
	static String line(StepInfo step) {
		String from = String.join(", ", step.fromRevisions());
		String to = String.join(", ", step.toRevisions());
		String what = step.stamp() ? "stamp" : step.upgrade() ? "upgrade" : "downgrade";
		String message = (step.message() == null || step.message().isBlank() || step.stamp()) ? "" : ", " + step.message();
		return "Running " + what + " " + from + " -> " + to + message;
	}

	static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

}
