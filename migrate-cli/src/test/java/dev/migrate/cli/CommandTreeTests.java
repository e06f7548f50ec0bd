package dev.migrate.cli;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds the model of the one command it names, not the whole tree (start-up, issue 12):
 * which command a command line names, and that the command built alone has every option —
 * its own and each inherited global one, hidden from its help alike — it has in the whole tree.
 */
class CommandTreeTests {

	@Test
	void theCommandIsTheFirstArgumentThatNamesOne() {
		assertThat(MigrateCli.commandNamed(new String[] { "current" })).isEqualTo("current");
		assertThat(MigrateCli.commandNamed(new String[] { "--url", "jdbc:h2:mem:x", "-x", "a=b", "upgrade", "head" }))
			.isEqualTo("upgrade");
		// a target word after the command is the command's argument
		assertThat(MigrateCli.commandNamed(new String[] { "show", "current" })).isEqualTo("show");
		assertThat(MigrateCli.commandNamed(new String[] { "revision", "-m", "upgrade", "--sql" })).isEqualTo("revision");
		assertThat(MigrateCli.commandNamed(new String[] { "upgrade", "--help" })).isEqualTo("upgrade");
		// the whole tree: help, completion, top-level help and version, no command, an unknown one
		for (String[] args : List.of(new String[] {}, new String[] { "help", "upgrade" },
				new String[] { "generate-completion" }, new String[] { "--help" }, new String[] { "-h", "upgrade" },
				new String[] { "--version" }, new String[] { "curent" }, new String[] { "--", "upgrade" })) {
			assertThat(MigrateCli.commandNamed(args)).as(String.join(" ", args)).isNull();
		}
	}

	@Test
	void aCommandBuiltAloneHasTheOptionsItHasInTheWholeTree() {
		CommandLine whole = MigrateCli.commandLine(new MigrateCli());
		assertThat(whole.getSubcommands().keySet()).containsExactlyElementsOf(MigrateCli.COMMANDS);
		for (String name : MigrateCli.COMMANDS) {
			CommandLine alone = MigrateCli.commandLine(new MigrateCli(), name);
			assertThat(alone.getSubcommands().keySet()).containsExactly(name);
			assertThat(options(alone.getSubcommands().get(name))).as(name)
				.isEqualTo(options(whole.getSubcommands().get(name)))
				.isNotEmpty();
		}
	}

	@Test
	void globalOptionsParseAfterACommandBuiltAlone() {
		MigrateCli cli = new MigrateCli();
		String[] args = { "check", "--compare-type", "--url", "jdbc:h2:mem:tree", "--no-compare-server-default" };
		MigrateCli.commandLine(cli, MigrateCli.commandNamed(args)).parseArgs(args);
		Map<String, String> options = MigrateCli.settingsOptions(cli.spec);
		assertThat(options).containsEntry("compare-type", "true")
			.containsEntry("compare-server-default", "false")
			.containsEntry("url", "jdbc:h2:mem:tree");
	}

	/** Each option's names, whether it is inherited and whether its help hides it. */
	private static TreeSet<String> options(CommandLine command) {
		TreeSet<String> out = new TreeSet<>();
		for (OptionSpec option : command.getCommandSpec().options()) {
			out.add(String.join("|", option.names()) + (option.inherited() ? " inherited" : "")
					+ (option.hidden() ? " hidden" : ""));
		}
		return out;
	}

}
