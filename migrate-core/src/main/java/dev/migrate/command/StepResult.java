package dev.migrate.command;

import java.time.Duration;

/** One step that ran: which revision, which way, how long. */
public record StepResult(String revision, boolean upgrade, String message, Duration duration) {
}
