package dev.migrate.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Server versions as drivers report them, read for what dialects write per server. */
class DatabaseServerTests {

	@Test
	void versionsAreReadFromTheirFirstTwoNumbers() {
		assertThat(new DatabaseServer("MariaDB", "10.11.19-MariaDB-0+deb12u1").atLeast(10, 7)).isTrue();
		assertThat(new DatabaseServer("MariaDB", "10.7.1-MariaDB").atLeast(10, 7)).isTrue();
		assertThat(new DatabaseServer("MariaDB", "10.6.18-MariaDB").atLeast(10, 7)).isFalse();
		assertThat(new DatabaseServer("MariaDB", "9.9").atLeast(10, 7)).isFalse();
		assertThat(new DatabaseServer("MariaDB", "11.0").atLeast(10, 7)).isTrue();
		// a MySQL driver reports MariaDB behind MySQL 5.5.5's version
		DatabaseServer behindMySql = new DatabaseServer("MySQL", "5.5.5-10.11.2-MariaDB");
		assertThat(behindMySql.isMariaDb()).isTrue();
		assertThat(behindMySql.atLeast(10, 7)).isTrue();
		assertThat(new DatabaseServer("MySQL", "8.0.36").isMariaDb()).isFalse();
		assertThat(new DatabaseServer("MySQL", "8.0.36").atLeast(8, 0)).isTrue();
		for (String unreadable : new String[] { "", "abc", "10", "10.", ".7", "99999999999.1" }) {
			assertThat(new DatabaseServer("MariaDB", unreadable).atLeast(10, 7)).as(unreadable).isFalse();
		}
		assertThat(new DatabaseServer("MariaDB", null).atLeast(10, 7)).isFalse();
	}

}
