package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
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

	/** A revision as JSON: the fields of {@link RevisionInfo} plus the indicators Alembic prints. */
	static Map<String, Object> json(RevisionFormatter formatter, RevisionInfo info, boolean current) {
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
