package dev.migrate.autoconfigure.jpa;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @JdbcTest} migrates its embedded database. */
@JdbcTest(properties = "migrate.drift=ignore")
class JdbcSliceTests {

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void tablesOfTheRevisionsExist() {
		assertThat(this.jdbcTemplate.queryForObject("SELECT COUNT(*) FROM orders", Integer.class)).isZero();
		assertThat(this.jdbcTemplate.queryForList("SELECT version_num FROM migrate_version", String.class))
			.containsExactly("000000000002");
	}

}
