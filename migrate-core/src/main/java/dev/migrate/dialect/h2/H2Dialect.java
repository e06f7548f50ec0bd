package dev.migrate.dialect.h2;

import dev.migrate.dialect.DefaultDialect;

/** H2: transactional DDL in practice per statement (H2 commits DDL), lock row. */
public class H2Dialect extends DefaultDialect {

	@Override
	public String name() {
		return "h2";
	}

	@Override
	public boolean handlesJdbcUrl(String url) {
		return url.startsWith("jdbc:h2:");
	}

	@Override
	public boolean handlesProductName(String databaseProductName) {
		return "H2".equalsIgnoreCase(databaseProductName);
	}

	/** Reflection with bulk catalog queries ({@link H2Reflector}). */
	@Override
	public dev.migrate.reflect.SchemaReflector reflector() {
		return new H2Reflector();
	}

}
