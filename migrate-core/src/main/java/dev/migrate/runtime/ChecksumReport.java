package dev.migrate.runtime;

import java.util.List;
import java.util.Map;

/**
 * The checksums of the applied revisions compared with the code.
 *
 * @param changed applied revisions whose upgrade differs from what was applied (recorded checksum
 * differs from the current one)
 * @param unrecorded applied revisions without a recorded checksum (a database migrated before
 * checksums were recorded, a stamp, a checksum of an older rule) with their current checksum: the
 * next online run records them without complaining
 * @param stale revisions of the code that are not applied but still have a recorded checksum
 * @param notChecksummed applied Java revisions that have no checksum (their upgrade cannot run
 * offline, or records different operations on each run)
 */
public record ChecksumReport(List<Changed> changed, Map<String, String> unrecorded, List<String> stale,
		List<String> notChecksummed) {

	public ChecksumReport {
		changed = List.copyOf(changed);
		unrecorded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unrecorded));
		stale = List.copyOf(stale);
		notChecksummed = List.copyOf(notChecksummed);
	}

	/** No checksums to compare: nothing applied. */
	public static final ChecksumReport EMPTY = new ChecksumReport(List.of(), Map.of(), List.of(), List.of());

	/**
	 * An applied revision changed after it was applied.
	 *
	 * @param revision revision id
	 * @param source where it comes from ({@code classpath:db/migrations/x.sql}, a file path, a class name)
	 * @param recorded the checksum recorded when it was applied (or accepted)
	 * @param current its checksum now
	 */
	public record Changed(String revision, String source, String recorded, String current) {

		/** {@code abc123def456 (classpath:db/migrations/abc123def456_add_x.sql)} */
		public String describe() {
			return this.revision + " (" + this.source + ")";
		}

	}

	/** Whether every applied revision matches its recorded checksum (unrecorded ones do not count). */
	public boolean matches() {
		return this.changed.isEmpty();
	}

}
