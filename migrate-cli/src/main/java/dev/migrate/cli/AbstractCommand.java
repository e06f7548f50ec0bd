package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import dev.migrate.MigrateException;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import picocli.CommandLine.ParentCommand;

/** Base of every subcommand: access to the global options, the context and output helpers. */
abstract class AbstractCommand implements Callable<Integer> {

	@ParentCommand
	MigrateCli cli;

	CliContext context() {
		return this.cli.context();
	}

	@Override
	public Integer call() throws Exception {
		run(context());
		return 0;
	}

	abstract void run(CliContext context) throws Exception;

	/** Prints {@code value} as pretty JSON. */
	static void printJson(CliContext context, Object value) {
		context.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(value));
	}

	/** A formatter over every revision of the graph. */
	static RevisionFormatter formatter(Migrator migrator, List<String> current) {
		return new RevisionFormatter(migrator.history(null), current);
	}

	/**
	 * A migrator for a command that needs no database but whose JSON says which revisions the
	 * database is at: online when a url is configured, with the version rows it read; else (or when
	 * the database cannot be read, with a warning on stderr) offline, rows unknown (null).
	 */
	static Current readCurrent(CliContext context) {
		if (context.settings().get("url") == null) {
			return new Current(context.offlineMigrator(false), null);
		}
		try {
			Migrator migrator = context.onlineMigrator();
			return new Current(migrator, migrator.current());
		}
		catch (MigrateException ex) {
			context.err().println("WARNING: cannot tell the current revisions: "
					+ context.redact(CliContext.oneLine(ex.getMessage())));
			context.err().flush();
			return new Current(context.offlineMigrator(false), null);
		}
	}

	/**
	 * A migrator and the database's version rows.
	 * @param rows the version rows, or null when unknown (no url configured, or unreadable)
	 */
	record Current(Migrator migrator, List<String> rows) {

		/** The JSON {@code current} of revision {@code id}: null when the rows are unknown. */
		Boolean is(String id) {
			return (this.rows != null) ? this.rows.contains(id) : null;
		}

	}

	/**
	 * A revision as JSON: the fields of {@link RevisionInfo} plus the indicators Alembic prints;
	 * {@code current} is null when it is not known (no database configured).
	 */
	static Map<String, Object> json(RevisionFormatter formatter, RevisionInfo info, Boolean current) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", info.id());
		map.put("downRevisions", info.downRevisions());
		map.put("branchLabels", List.copyOf(formatter.labels(info)));
		map.put("dependsOn", info.dependsOn());
		map.put("message", info.message());
		map.put("createDate", info.createDate());
		map.put("source", info.source());
		map.put("kind", info.kind());
		map.put("head", formatter.isHead(info));
		map.put("realHead", formatter.isRealHead(info));
		map.put("base", info.downRevisions().isEmpty());
		map.put("branchPoint", info.branchPoint() || formatter.children(info.id()).size() > 1);
		map.put("mergePoint", info.downRevisions().size() > 1);
		map.put("current", current);
		return map;
	}

}
