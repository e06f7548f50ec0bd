package dev.migrate.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrate.command.MigrationListener;
import dev.migrate.command.MigrationResult;

/**
 * The {@code --json} result of {@code upgrade}, {@code downgrade} and {@code stamp}, recorded from
 * the steps as they end (so a failed run still lists what ran and which step failed); shape in
 * docs/cli.md, <em>JSON</em>.
 */
final class MoveResultJson implements MigrationListener {

	private final String command;

	private final List<String> targets;

	private final long startNanos = System.nanoTime();

	private final List<Map<String, Object>> steps = new ArrayList<>();

	private StepInfo open;

	private int retries;

	MoveResultJson(String command, List<String> targets) {
		this.command = command;
		this.targets = List.copyOf(targets);
	}

	@Override
	public void beforeStep(StepInfo step) {
		// a step started again before it ended: rolled back after a DDL lock timeout, retried
		this.retries = step.equals(this.open) ? this.retries + 1 : 0;
		this.open = step;
	}

	@Override
	public void afterStep(StepInfo step, Duration duration, Throwable failure) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("revision", step.revision());
		json.put("direction", step.stamp() ? "stamp" : step.upgrade() ? "upgrade" : "downgrade");
		json.put("from", step.fromRevisions());
		json.put("to", step.toRevisions());
		json.put("message", step.message());
		json.put("source", step.source());
		json.put("durationMs", duration.toMillis());
		json.put("retries", step.equals(this.open) ? this.retries : 0);
		json.put("success", failure == null);
		this.steps.add(json);
		this.open = null;
		this.retries = 0;
	}

	/** The result of a run that ended well. */
	Map<String, Object> success(MigrationResult result) {
		return json(true, result.headsBefore(), result.headsAfter(), null);
	}

	/**
	 * The result of a run that failed with {@code error}: {@code to} is what the database is at
	 * now, null when it cannot be read.
	 */
	Map<String, Object> failure(List<String> before, Supplier<List<String>> now, String error) {
		List<String> after;
		try {
			after = now.get();
		}
		catch (RuntimeException ex) {
			after = null;
		}
		return json(false, before, after, error);
	}

	private Map<String, Object> json(boolean success, List<String> before, List<String> after, String error) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", this.command);
		json.put("targets", this.targets);
		json.put("success", success);
		json.put("nothingToDo", success && this.steps.isEmpty());
		json.put("from", before);
		json.put("to", after);
		json.put("steps", this.steps);
		json.put("durationMs", Duration.ofNanos(System.nanoTime() - this.startNanos).toMillis());
		json.put("error", error);
		return json;
	}

}
