package dev.migrate.benchmarks;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** Turns the tools' logging down to warnings so output does not skew timings. */
final class Quiet {

	private Quiet() {
	}

	static void apply() {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("liquibase.showSummary", "OFF");
		System.setProperty("liquibase.command.showSummary", "OFF");
		System.setProperty("liquibase.command.showSummaryOutput", "LOG");
		System.setProperty("liquibase.showSummaryOutput", "LOG");
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.logLevel", "WARNING");
		LogManager.getLogManager().reset();
		Logger root = Logger.getLogger("");
		root.setLevel(Level.WARNING);
	}

}
