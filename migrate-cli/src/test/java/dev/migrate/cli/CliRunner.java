package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrate.cli.MigrateCli.CliEnvironment;

/**
 * Runs the real command line in this JVM against a project directory, with captured stdout and
 * stderr, a controlled environment and fixed global options put before every command.
 */
final class CliRunner {

	private final Path directory;

	private final Map<String, String> env = new LinkedHashMap<>();

	private final List<String> globalOptions = new ArrayList<>();

	CliRunner(Path directory, String... globalOptions) {
		this.directory = directory;
		this.globalOptions.addAll(Arrays.asList(globalOptions));
	}

	CliRunner env(String name, String value) {
		this.env.put(name, value);
		return this;
	}

	Path directory() {
		return this.directory;
	}

	/** Runs {@code migrate <global options> args...}. */
	Result run(String... args) {
		List<String> all = new ArrayList<>(this.globalOptions);
		all.addAll(Arrays.asList(args));
		return runRaw(all.toArray(String[]::new));
	}

	/** Runs {@code migrate args...} without the fixed global options. */
	Result runRaw(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = MigrateCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
				new CliEnvironment(this.env, this.directory));
		return new Result(code, out.toString(), err.toString());
	}

	/** Files in a directory, sorted by name. */
	static List<Path> files(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Replaces the upgrade and downgrade sections of an SQL revision written by {@code revision --sql}. */
	static void fillSql(Path file, String upgrade, String downgrade) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			int up = text.indexOf("-- migrate:upgrade\n");
			String header = text.substring(0, up);
			Files.writeString(file, header + "-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n"
					+ downgrade + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A command's outcome. */
	record Result(int exitCode, String out, String err) {

		List<String> lines() {
			return this.out.isBlank() ? List.of() : List.of(this.out.strip().split("\\R"));
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

}
