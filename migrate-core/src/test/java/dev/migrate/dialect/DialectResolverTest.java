package dev.migrate.dialect;

import java.sql.Connection;

import dev.migrate.ConfigurationException;
import dev.migrate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectResolverTest {

	@Test
	void allFourDialectsAreRegisteredAndFoundByUrlAndName() {
		assertThat(DialectResolver.all()).extracting(Dialect::name).containsExactlyInAnyOrder("postgresql", "h2", "sqlite",
				"mysql");
		assertThat(DialectResolver.forUrl("jdbc:postgresql://h/db").name()).isEqualTo("postgresql");
		assertThat(DialectResolver.forUrl("jdbc:h2:mem:x").name()).isEqualTo("h2");
		assertThat(DialectResolver.forUrl("jdbc:sqlite:/tmp/x.db").name()).isEqualTo("sqlite");
		assertThat(DialectResolver.forUrl("jdbc:mariadb://h/db").name()).isEqualTo("mysql");
		assertThat(DialectResolver.forUrl("jdbc:mysql://h/db").name()).isEqualTo("mysql");
		assertThat(DialectResolver.byName("MariaDB").name()).isEqualTo("mysql");
	}

	@Test
	void unknownUrlOrNameIsAConfigurationErrorWithoutTheSecret() {
		assertThatThrownBy(() -> DialectResolver.forUrl("jdbc:oracle:thin:@h:1521/x?password=hunter2"))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("password=***")
			.hasMessageNotContaining("hunter2");
		assertThatThrownBy(() -> DialectResolver.byName("oracle")).hasMessageStartingWith("Unknown dialect 'oracle'");
	}

	@Test
	void foundFromAConnection() throws Exception {
		try (Connection c = TestDatabases.freshH2().connect()) {
			assertThat(DialectResolver.forConnection(c).name()).isEqualTo("h2");
		}
		try (Connection c = TestDatabases.freshSqlite().connect()) {
			assertThat(DialectResolver.forConnection(c).name()).isEqualTo("sqlite");
		}
	}

}
