package dev.migrate.autoconfigure.jpa;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @DataJpaTest} migrates its embedded database before the repositories run. */
@DataJpaTest(properties = "migrate.drift=ignore")
class DataJpaSliceTests {

	@Autowired
	CustomerRepository customers;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void repositoryWorksOnTheMigratedSchema() {
		this.customers.save(new Customer(7L, "Globex"));
		assertThat(this.customers.count()).isEqualTo(1);
		assertThat(this.jdbcTemplate.queryForList("SELECT version_num FROM migrate_version", String.class))
			.containsExactly("000000000002");
	}

}
