package dev.migrate.autoconfigure.jpa;

import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JPA application on PostgreSQL: Hibernate validates the schema and a repository is used while
 * the context starts, which only works because the migration ran first.
 */
@SpringBootTest(properties = { "spring.jpa.hibernate.ddl-auto=validate", "migrate.drift=ignore" })
class JpaStartupTests {

	static final TestDatabase db = TestDatabases.freshPostgres();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::user);
	}

	@Autowired
	StartupCustomers startupCustomers;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void repositoryUsedAtStartupFindsTheMigratedTable() {
		assertThat(this.startupCustomers.getCount()).isEqualTo(1);
		assertThat(this.jdbcTemplate.queryForList("SELECT version_num FROM migrate_version", String.class))
			.containsExactly("000000000002");
	}

}
