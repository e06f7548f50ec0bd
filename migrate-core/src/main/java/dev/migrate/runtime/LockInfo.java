package dev.migrate.runtime;

import java.time.Instant;

/**
 * Who holds the migration lock, as far as the database can tell.
 *
 * @param lock what the lock is: the lock table, the advisory lock key, the {@code GET_LOCK} name
 * @param holder the holder: host and pid of a lease, or the database session (backend pid,
 * connection id, client address)
 * @param since when it was taken (or the holding session connected), or null
 * @param expiresAt when a lease runs out unless renewed, or null for session locks
 * @param howToEnd what an operator does if the holder is gone or stuck (one sentence)
 */
public record LockInfo(String lock, String holder, Instant since, Instant expiresAt, String howToEnd) {

	/** Whether the lease has run out (a waiter will take it over). */
	public boolean expired() {
		return this.expiresAt != null && this.expiresAt.isBefore(Instant.now());
	}

	/** One line: {@code <lock> held by <holder> since <t>, lease expires ...}. */
	public String describe() {
		StringBuilder sb = new StringBuilder(this.lock).append(" is held by ").append(this.holder);
		if (this.since != null) {
			sb.append(" since ").append(this.since);
		}
		if (this.expiresAt != null) {
			sb.append(expired() ? ", lease expired at " : ", lease expires at ").append(this.expiresAt);
		}
		return sb.toString();
	}

}
