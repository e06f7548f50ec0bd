package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

import dev.migrate.runtime.MigrationFailedException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns every error into one line on stderr, {@code FAILED: <message>} (as Alembic prints a
 * CommandError), with any password redacted, and an exit code: 1 when a migration failed or
 * {@code check} found differences, 3 when the migration lock was not had within the lock
 * timeout, 4 when the command line itself failed (out of memory, a stack overflow: a
 * {@link VirtualMachineError}, not a verdict on the migration), 2 for everything else (bad usage,
 * bad input, configuration, unreachable database). {@code --verbose} adds the stack trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

	static final int MIGRATION_FAILED = 1;

	static final int BAD_INPUT = 2;

	/** The migration lock was not acquired within the lock timeout: another run holds it (try again later). */
	static final int LOCK_TIMEOUT = 3;

	/** The JVM failed (out of memory, stack overflow): where the database stands is for {@code current} to say. */
	static final int JVM_FAILED = 4;

	private final MigrateCli cli;

	ErrorHandler(MigrateCli cli) {
		this.cli = cli;
	}

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine cmd = ex.getCommandLine();
		String name = cmd.getCommandSpec().qualifiedName();
		print(cmd.getErr(), ex.getMessage() + " (see '" + name + " --help')", ex);
		return BAD_INPUT;
	}

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		print(commandLine.getErr(), message(ex), ex);
		return exitCode(ex);
	}

	int handle(Throwable ex, CommandLine commandLine) {
		print(commandLine.getErr(), message(ex), ex);
		return exitCode(ex);
	}

	static int exitCode(Throwable ex) {
		if (jvmError(ex) != null) {
			return JVM_FAILED;
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CheckFailedException || t instanceof MigrationFailedException
					|| t instanceof dev.migrate.runtime.ChecksumMismatchException || t instanceof TenantsFailedException) {
				return MIGRATION_FAILED;
			}
			if (t instanceof dev.migrate.runtime.LockTimeoutException) {
				return LOCK_TIMEOUT;
			}
		}
		return BAD_INPUT;
	}

	/** The {@link VirtualMachineError} in {@code ex}'s causes, or null. */
	static VirtualMachineError jvmError(Throwable ex) {
		for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof VirtualMachineError vm) {
				return vm;
			}
		}
		return null;
	}

	static String message(Throwable ex) {
		VirtualMachineError vm = jvmError(ex);
		if (vm != null) {
			String what = (vm instanceof OutOfMemoryError) ? "out of memory (" + vm.getMessage()
					+ "): give the JVM more, e.g. MIGRATE_JAVA_OPTS=-Xmx2g"
					: vm.getClass().getSimpleName() + ((vm.getMessage() != null) ? " (" + vm.getMessage() + ")" : "");
			String during = (ex != vm) ? ex.getMessage() : null;
			return "The command line failed: " + what + ((during != null) ? "; " + during : "")
					+ "; run 'migrate current' to see where the database stands";
		}
		if (ex instanceof SQLException sql) {
			return "Database error: " + sql.getMessage();
		}
		if (ex instanceof UncheckedIOException io && io.getCause() != null) {
			return message(io.getCause());
		}
		if (ex instanceof FileSystemException fs) {
			String what = (fs instanceof NoSuchFileException) ? "no such file or directory"
					: (fs instanceof AccessDeniedException) ? "access denied"
							: (fs.getReason() != null) ? fs.getReason() : fs.getClass().getSimpleName();
			return "Cannot access " + fs.getFile() + ": " + what;
		}
		String message = ex.getMessage();
		if (message == null || message.isBlank()) {
			Throwable cause = ex.getCause();
			return (cause != null && cause != ex) ? message(cause) : ex.getClass().getName();
		}
		return message;
	}

	private void print(PrintWriter err, String message, Throwable ex) {
		String line = oneLine(message);
		CliContext context = this.cli.contextIfCreated();
		err.println("FAILED: " + ((context != null) ? context.redact(line) : CliContext.redactUrls(line)));
		if (this.cli.verbose) {
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			err.print((context != null) ? context.redact(trace.toString()) : CliContext.redactUrls(trace.toString()));
		}
		err.flush();
	}

	private static String oneLine(String message) {
		return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
	}

}
