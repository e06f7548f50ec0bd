package dev.migrate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the same N one-table migrations for each tool into a directory: SQL revisions for Migrate,
 * {@code V<n>__} files for Flyway, one formatted-SQL changelog for Liquibase.
 */
final class RevisionFiles {

	private RevisionFiles() {
	}

	/** The DDL of migration {@code i} (1-based). */
	static String createTable(int i) {
		return "CREATE TABLE " + table(i) + " (id INTEGER PRIMARY KEY, name VARCHAR(100), created_at TIMESTAMP)";
	}

	static String table(int i) {
		return String.format(Locale.ROOT, "bench_%05d", i);
	}

	/** Migrate's revision id of migration {@code i}: 12 hex digits. */
	static String revisionId(int i) {
		return String.format(Locale.ROOT, "%012x", 0xbe0000000000L + i);
	}

	/** {@code count} linear SQL revisions in Migrate's format. */
	static Path migrate(Path root, int count) {
		Path dir = mkdirs(root.resolve("migrate-" + count));
		for (int i = 1; i <= count; i++) {
			String down = (i == 1) ? "" : revisionId(i - 1);
			write(dir.resolve(revisionId(i) + "_create_" + table(i) + ".sql"), "-- revision: " + revisionId(i) + "\n"
					+ "-- down_revision: " + down + "\n" + "-- message: create " + table(i) + "\n"
					+ "-- create_date: 2024-01-01 00:00:00\n\n" + "-- migrate:upgrade\n" + createTable(i) + ";\n\n"
					+ "-- migrate:downgrade\n" + "DROP TABLE " + table(i) + ";\n");
		}
		return dir;
	}

	/** {@code count} Flyway versioned migrations. */
	static Path flyway(Path root, int count) {
		Path dir = mkdirs(root.resolve("flyway-" + count));
		for (int i = 1; i <= count; i++) {
			write(dir.resolve("V" + i + "__create_" + table(i) + ".sql"), createTable(i) + ";\n");
		}
		return dir;
	}

	/** A Liquibase formatted-SQL changelog with {@code count} changesets (one transaction each). */
	static Path liquibase(Path root, int count) {
		Path dir = mkdirs(root.resolve("liquibase-" + count));
		StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
		for (int i = 1; i <= count; i++) {
			changelog.append("--changeset bench:").append(i).append('\n').append(createTable(i)).append(";\n")
				.append("--rollback DROP TABLE ").append(table(i)).append(";\n\n");
		}
		write(dir.resolve("changelog.sql"), changelog.toString());
		return dir;
	}

	private static Path mkdirs(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
