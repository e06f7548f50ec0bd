package dev.migrate.actuate.autoconfigure;

import dev.migrate.actuate.endpoint.MigrationsEndpoint.MigrationLogReader;

/** The default reader of the applied-steps log. */
final class MigrationLogReaders {

	private MigrationLogReaders() {
	}

	static MigrationLogReader defaultReader() {
		return null;
	}

}
