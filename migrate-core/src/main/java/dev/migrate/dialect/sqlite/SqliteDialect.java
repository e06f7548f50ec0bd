package dev.migrate.dialect.sqlite;

import dev.migrate.dialect.DefaultDialect;

/** SQLite: transactional DDL, limited ALTER TABLE (batch "move and copy"), lock row. */
public class SqliteDialect extends DefaultDialect {

	@Override
	public String name() {
		return "sqlite";
	}

	@Override
	public boolean handlesJdbcUrl(String url) {
		return url.startsWith("jdbc:sqlite:");
	}

	@Override
	public boolean handlesProductName(String databaseProductName) {
		return "SQLite".equalsIgnoreCase(databaseProductName);
	}

	/** Reflection with bulk catalog queries ({@link SqliteReflector}). */
	@Override
	public dev.migrate.reflect.SchemaReflector reflector() {
		return new SqliteReflector();
	}

}
