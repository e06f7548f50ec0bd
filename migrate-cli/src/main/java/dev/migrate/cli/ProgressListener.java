package dev.migrate.cli;

import java.time.Duration;

import dev.migrate.command.MigrationListener;

/** Prints one line per step as it finishes: {@code Running upgrade <from> -> <to>, <message> ... done (12 ms)}. */
final class ProgressListener implements MigrationListener {

	private final CliContext context;

	ProgressListener(CliContext context) {
		this.context = context;
	}

	@Override
	public void afterStep(StepInfo step, Duration duration, Throwable failure) {
		String from = String.join(", ", step.fromRevisions());
		String to = String.join(", ", step.toRevisions());
		String what = step.stamp() ? "stamp" : step.upgrade() ? "upgrade" : "downgrade";
		String message = (step.message() == null || step.message().isBlank() || step.stamp()) ? "" : ", " + step.message();
		String outcome = (failure == null) ? "done" : "FAILED";
		this.context.println("Running " + what + " " + from + " -> " + to + message + " ... " + outcome + " ("
				+ millis(duration) + ")");
	}

	static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

}
