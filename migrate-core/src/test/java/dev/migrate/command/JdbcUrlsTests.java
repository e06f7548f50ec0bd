package dev.migrate.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Masking secrets in JDBC URLs, and credentials written as user-info. */
class JdbcUrlsTests {

	@Test
	void everyPasswordFormIsMasked() {
		// in a query string a ';' belongs to the value (pgjdbc, MariaDB): all of it is masked
		assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=bob&password=a;b=S3cr3t&ssl=true"))
			.isEqualTo("jdbc:postgresql://h/db?user=bob&password=***&ssl=true");
		assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?password=a;b=S3cr3t"))
			.isEqualTo("jdbc:postgresql://h/db?password=***");
		// H2 and SQL Server separate their settings with ';'
		assertThat(JdbcUrls.redact("jdbc:h2:mem:x;PASSWORD=abc;MODE=X and password=tail"))
			.isEqualTo("jdbc:h2:mem:x;PASSWORD=***;MODE=X and password=***");
		assertThat(JdbcUrls.redact("jdbc:sqlserver://h;user=u;pwd=S3cr3t;database=d"))
			.isEqualTo("jdbc:sqlserver://h;user=u;pwd=***;database=d");
		// user-info, with '@', '/' or ':' in the secret
		assertThat(JdbcUrls.redact("Cannot connect to jdbc:postgresql://bob:S3c@r/e:t@h:5432/db: refused"))
			.isEqualTo("Cannot connect to jdbc:postgresql://bob:***@h:5432/db: refused");
		assertThat(JdbcUrls.redact("jdbc:mariadb://root:S3cr3tPW@127.0.0.1:3306/test"))
			.isEqualTo("jdbc:mariadb://root:***@127.0.0.1:3306/test");
		// the ':' that separates a message from the URL stays
		assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=bob&password=S3cr:et: FATAL: password authentication failed"))
			.isEqualTo("jdbc:postgresql://h/db?user=bob&password=***: FATAL: password authentication failed");
		assertThat(JdbcUrls.redact("no secret here: jdbc:postgresql://h/db?user=bob")).isEqualTo("no secret here: jdbc:postgresql://h/db?user=bob");
		assertThat(JdbcUrls.redact(null)).isNull();
	}

	@Test
	void userInfoIsSplitOffForTheDriversThatTakeCredentialsAsProperties() {
		JdbcUrls.Credentials pg = JdbcUrls.splitUserInfo("jdbc:postgresql://bob:s%40cret%2Fx@h:5432/db?ssl=true");
		assertThat(pg).isEqualTo(new JdbcUrls.Credentials("jdbc:postgresql://h:5432/db?ssl=true", "bob", "s@cret/x"));
		assertThat(JdbcUrls.splitUserInfo("jdbc:mariadb://root:pw@127.0.0.1/test"))
			.isEqualTo(new JdbcUrls.Credentials("jdbc:mariadb://127.0.0.1/test", "root", "pw"));
		assertThat(JdbcUrls.splitUserInfo("jdbc:mysql://app@db/x")).isEqualTo(new JdbcUrls.Credentials("jdbc:mysql://db/x", "app", null));
		// a '+' in a password is a '+', not a blank
		assertThat(JdbcUrls.splitUserInfo("jdbc:postgresql://u:a+b@h/db").password()).isEqualTo("a+b");
		// no user-info, or a URL of another driver: as it is
		for (String url : new String[] { "jdbc:postgresql://h/db?user=u", "jdbc:h2:mem:x;USER=sa",
				"jdbc:oracle:thin:scott/tiger@//h:1521/svc", "jdbc:sqlite:/tmp/a@b.db", "jdbc:postgresql://h/db?x=a@b" }) {
			assertThat(JdbcUrls.splitUserInfo(url)).as(url).isEqualTo(new JdbcUrls.Credentials(url, null, null));
		}
	}

}
