package dev.migrate.graph;

import java.util.List;

/** A partial identifier matches several revisions or branch labels. */
public class AmbiguousRevisionException extends UnknownRevisionException {

	private final List<String> candidates;

	public AmbiguousRevisionException(String prefix, List<String> candidates) {
		super(message(prefix, candidates), prefix);
		this.candidates = List.copyOf(candidates);
	}

	private static String message(String prefix, List<String> candidates) {
		StringBuilder names = new StringBuilder();
		for (String candidate : candidates.subList(0, Math.min(3, candidates.size()))) {
			names.append(names.isEmpty() ? "" : ", ").append('\'').append(candidate).append('\'');
		}
		return "Multiple revisions start with '" + prefix + "': " + names + "...";
	}

	/** Every identifier starting with the prefix, in load order. */
	public List<String> getCandidates() {
		return this.candidates;
	}

}
