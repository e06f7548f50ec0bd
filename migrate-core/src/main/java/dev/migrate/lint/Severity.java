package dev.migrate.lint;

/** How bad a lint finding is: an error fails {@code migrate lint} (exit code 1) and, with {@code migrate.lint=fail}, start-up. */
public enum Severity {

	ERROR, WARNING;

	/** {@code error} or {@code warning}. */
	public String label() {
		return (this == ERROR) ? "error" : "warning";
	}

}
