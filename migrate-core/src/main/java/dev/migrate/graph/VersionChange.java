package dev.migrate.graph;

/** A change to the version table: one row inserted, deleted or updated. */
public sealed interface VersionChange {

	record Insert(String revision) implements VersionChange {
		@Override
		public String toString() {
			return "INSERT " + this.revision;
		}
	}

	record Delete(String revision) implements VersionChange {
		@Override
		public String toString() {
			return "DELETE " + this.revision;
		}
	}

	record Update(String from, String to) implements VersionChange {
		@Override
		public String toString() {
			return "UPDATE " + this.from + "->" + this.to;
		}
	}

}
