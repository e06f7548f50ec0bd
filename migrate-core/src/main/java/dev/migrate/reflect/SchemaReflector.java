package dev.migrate.reflect;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrate.schema.SchemaSnapshot;

/**
 * Reads the live schema into the model with a fixed number of bulk catalog queries, independent
 * of the number of tables. Each dialect supplies its own.
 */
public interface SchemaReflector {

	/**
	 * Reflects every table of {@code schema} (null: the connection's current schema).
	 */
	SchemaSnapshot reflect(Connection connection, String schema) throws SQLException;

}
