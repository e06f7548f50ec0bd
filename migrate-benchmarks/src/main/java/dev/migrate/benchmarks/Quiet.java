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
		// the sample service brings Logback, which SLF4J then prefers to slf4j-simple: Flyway logged every migration at INFO
		try {
			Object flyway = org.slf4j.LoggerFactory.getLogger("org.flywaydb");
			Class<?> level = Class.forName("ch.qos.logback.classic.Level");
			flyway.getClass().getMethod("setLevel", level).invoke(flyway, level.getField("WARN").get(null));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// no Logback: slf4j-simple at warn (above)
		}
	}

}
