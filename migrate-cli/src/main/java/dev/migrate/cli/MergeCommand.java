package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.script.ScriptWriter.Body;
import dev.migrate.script.ScriptWriter.NewRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrate merge}: a merge revision joining several heads. */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = { "Merge two or more revisions together: writes a new revision whose down revisions are "
				+ "the given ones (e.g. 'migrate merge heads -m \"merge branches\"')." })
final class MergeCommand extends AbstractCommand {

	@Parameters(paramLabel = "REV", arity = "1..*", description = "Revisions to merge: 'heads', or ids/prefixes/labels.")
	List<String> revisions;

	@Option(names = { "-m", "--message" }, paramLabel = "MESSAGE", description = "Message string to use with 'merge'.")
	String message;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label to apply to the new revision; repeatable.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "Revision id to use instead of a generated one.")
	String revId;

	@Option(names = "--splice", description = "Allow non-head revisions (creates a new branch point).")
	boolean splice;

	@Option(names = "--sql", description = "Write an SQL revision instead of a Java one.")
	boolean sql;

	@Override
	void run(CliContext context) {
		context.loadVersionsDirectory();
		Migrator migrator = context.offlineMigrator(false);
		RevisionFormatter formatter = formatter(migrator, List.of());
		List<String> down = new ArrayList<>();
		for (String rev : this.revisions) {
			if (rev.equals("heads")) {
				migrator.heads().stream().map(RevisionInfo::id).forEach(down::add);
			}
			else if (rev.equals("head")) {
				down.addAll(RevisionCommand.downRevisions(migrator, formatter, null, this.splice));
			}
			else {
				down.add(migrator.show(rev).id());
			}
		}
		RevisionCommand.checkHeads(formatter, down, this.splice);
		NewRevision revision = RevisionCommand.newRevision(context, formatter, migrator, down, this.message,
				this.branchLabels, List.of(), this.revId, true);
		RevisionCommand.write(context, revision, Body.empty(), this.sql);
	}

}
