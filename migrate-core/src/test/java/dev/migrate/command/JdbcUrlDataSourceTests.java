package dev.migrate.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The URL-backed DataSource the command line uses, on H2. */
class JdbcUrlDataSourceTests {

	@Test
	void opensANewConnectionPerCallWithTheCredentials() throws Exception {
		String url = "jdbc:h2:mem:jdbc_url_ds;DB_CLOSE_DELAY=-1";
		JdbcUrlDataSource ds = new JdbcUrlDataSource(url, "sa", "", getClass().getClassLoader());
		assertThat(ds.driverAvailable()).isTrue();
		assertThat(ds.getUrl()).isEqualTo(url);
		try (Connection first = ds.getConnection(); Connection second = ds.getConnection()) {
			assertThat(first).isNotSameAs(second);
			try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualToIgnoringCase("sa");
			}
		}
		try (Connection viaDriverManager = new JdbcUrlDataSource(url, "sa", "").getConnection()) {
			assertThat(viaDriverManager.isValid(1)).isTrue();
		}
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> new JdbcUrlDataSource(url).getConnection())
			.withMessageContaining("Wrong user name or password");
		assertThat(ds.isWrapperFor(JdbcUrlDataSource.class)).isTrue();
		assertThat(ds.unwrap(JdbcUrlDataSource.class)).isSameAs(ds);
	}

	@Test
	void aUrlNoDriverAcceptsIsAnSqlException() {
		JdbcUrlDataSource ds = new JdbcUrlDataSource("jdbc:nosuchdb://host/db", null, null,
				getClass().getClassLoader());
		assertThat(ds.driverAvailable()).isFalse();
		assertThatExceptionOfType(SQLException.class).isThrownBy(ds::getConnection)
			.withMessage("No JDBC driver for this URL");
	}

	@Test
	void toStringMasksPasswords() {
		assertThat(new JdbcUrlDataSource("jdbc:postgresql://bob:secret@h/db?password=x&user=bob"))
			.hasToString("JdbcUrlDataSource[jdbc:postgresql://h/db?password=***&user=bob, user bob]");
	}

	@Test
	void maskingKeepsTheSeparatorOfTheMessageAfterTheUrl() {
		assertThat(JdbcUrlDataSource.redactPasswords(
				"Cannot connect to jdbc:postgresql://h/db?user=bob&password=S3cr:et: FATAL: password authentication failed"))
			.isEqualTo("Cannot connect to jdbc:postgresql://h/db?user=bob&password=***: FATAL: password authentication failed");
		assertThat(JdbcUrlDataSource.redactPasswords("jdbc:h2:mem:x;PASSWORD=abc;MODE=X and password=tail"))
			.isEqualTo("jdbc:h2:mem:x;PASSWORD=***;MODE=X and password=***");
	}

}
