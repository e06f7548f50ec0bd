package dev.migrate.graph;

import java.util.List;

/** An argument such as {@code head} names more than one head revision (Alembic's {@code MultipleHeads}). */
public class MultipleHeadsException extends RevisionException {

	private final List<String> heads;

	private final String argument;

	public MultipleHeadsException(List<String> heads, String argument) {
		this("Multiple heads are present for given argument '" + argument + "'; " + String.join(", ", heads),
				heads, argument, null);
	}

	public MultipleHeadsException(String message, List<String> heads, String argument, Throwable cause) {
		super(message, cause);
		this.heads = List.copyOf(heads);
		this.argument = argument;
	}

	/** The heads the argument matched. */
	public List<String> getHeads() {
		return this.heads;
	}

	/** The argument as given, for example {@code head} or {@code mybranch@head}. */
	public String getArgument() {
		return this.argument;
	}

}
