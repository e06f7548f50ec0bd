package dev.migrate.command;

import java.util.List;
import java.util.Set;

/**
 * A revision as commands and the endpoint report it.
 *
 * @param id revision id
 * @param downRevisions versioned parents
 * @param branchLabels labels declared on it
 * @param dependsOn dependencies as declared
 * @param message message
 * @param createDate creation date text, or null
 * @param source SQL file name or Java class name
 * @param kind {@code java} or {@code sql}
 * @param head whether it is a head
 * @param base whether it is a base
 * @param branchPoint whether several revisions descend from it
 * @param mergePoint whether it has several down revisions
 */
public record RevisionInfo(String id, List<String> downRevisions, Set<String> branchLabels, List<String> dependsOn,
		String message, String createDate, String source, String kind, boolean head, boolean base,
		boolean branchPoint, boolean mergePoint) {
}
