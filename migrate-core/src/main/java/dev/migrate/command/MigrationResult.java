package dev.migrate.command;

import java.util.List;

/** The outcome of upgrade, downgrade or stamp: the steps run and the version rows before and after. */
public record MigrationResult(List<String> headsBefore, List<String> headsAfter, List<StepResult> steps) {

	public boolean nothingToDo() {
		return this.steps.isEmpty();
	}

}
