package dev.migrate.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import dev.migrate.cli.CliRunner.Result;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 items 2 and 5: credentials written into the URL (user:password@) work and never show,
 * whatever prints them (our messages, the drivers' own log); a server that accepts a connection
 * and never answers fails the command within connect-timeout.
 */
class ConnectionSecretsAndTimeoutsTests {

	private static final String SECRET = "S3cr3tPW";

	@TempDir
	Path project;

	@Test
	void userInfoCredentialsReachTheDriverAsPropertiesAndAreNeverPrinted() throws Exception {
		TestDatabase db = TestDatabases.freshPostgres();
		Files.createDirectories(this.project.resolve("versions"));
		Path revision = this.project.resolve("versions/a1_create.sql");
		Files.writeString(revision, "-- revision: a1\n-- down_revision: None\n-- message: create\n\n"
				+ "-- migrate:upgrade\nCREATE TABLE t (id INT);\n-- migrate:downgrade\nDROP TABLE t;\n");
		// jdbc:postgresql://localhost:5432/db?user=postgres -> jdbc:postgresql://postgres:S3cr3tPW@localhost:5432/db
		String url = db.url().replaceFirst("^jdbc:postgresql://", "jdbc:postgresql://postgres:" + SECRET + "@")
			.replaceFirst("\\?.*$", "");
		CliRunner cli = new CliRunner(this.project, "--script-location", "versions", "--url", url);
		Result upgrade = cli.run("--verbose", "upgrade", "head");
		assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();
		Result current = cli.run("current", "-v");
		assertThat(current.out()).contains("postgres:***@").contains("a1 (head)");
		for (Result result : List.of(upgrade, current)) {
			assertThat(result.out() + result.err()).doesNotContain(SECRET);
		}
	}

	@Test
	void aUrlTheDriverRejectsIsNamedSoWithoutThePasswordAndTheDriversLogIsMaskedToo() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		Handler capture = new StreamHandler(log, new SimpleFormatter());
		capture.setLevel(Level.ALL);
		Logger root = Logger.getLogger("");
		root.addHandler(capture);
		try {
			// port 99999 is out of range: pgjdbc rejects the URL and logs its complaint
			Result result = new CliRunner(this.project).run("--script-location", "versions", "--verbose", "--url",
					"jdbc:postgresql://postgres:" + SECRET + "@127.0.0.1:99999/x", "current");
			assertThat(result.exitCode()).isEqualTo(2);
			assertThat(result.err().lines().filter((l) -> l.startsWith("FAILED:")))
				.containsExactly("FAILED: Cannot connect to jdbc:postgresql://postgres:***@127.0.0.1:99999/x: the bundled postgresql "
						+ "driver rejects this URL as malformed (check host, port and database; a password goes in "
						+ "--password, in the password parameter, or percent-encoded in user:password@)");
			assertThat(result.out() + result.err()).doesNotContain(SECRET);
			// a record carrying the configured password, logged by anyone, is masked on the console
			Result withOption = new CliRunner(this.project).run("--script-location", "versions", "--verbose", "--url",
					"jdbc:postgresql://127.0.0.1:99999/x", "--password", "0ptS3cret", "current");
			assertThat(withOption.exitCode()).isEqualTo(2);
			Logger.getLogger("org.postgresql.Driver").warning("JDBC URL invalid port number: 0ptS3cret@127.0.0.1 and "
					+ SECRET + "@127.0.0.1");
			capture.flush();
		}
		finally {
			root.removeHandler(capture);
		}
		String logged = log.toString(StandardCharsets.UTF_8);
		assertThat(logged).contains("JDBC URL invalid port number: ***@127.0.0.1 and ***@127.0.0.1")
			.doesNotContain(SECRET)
			.doesNotContain("0ptS3cret");
	}

	@Test
	void aServerThatAcceptsAndNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		try (SilentServer server = new SilentServer()) {
			// pgjdbc and MariaDB Connector/J get their own timeouts (their messages); H2's TCP client
			// has none: the backstop gives up on it
			String[][] cases = { { "jdbc:postgresql://127.0.0.1:" + server.port() + "/x?user=u", "timed out" },
					{ "jdbc:mariadb://127.0.0.1:" + server.port() + "/x?user=u", "timeout" },
					{ "jdbc:h2:tcp://127.0.0.1:" + server.port() + "/x", "did not answer within 1 s (connect-timeout)" } };
			for (String[] c : cases) {
				long start = System.nanoTime();
				Result result = new CliRunner(this.project).run("--script-location", "versions", "--connect-timeout", "1",
						"--url", c[0], "current");
				long millis = (System.nanoTime() - start) / 1_000_000;
				assertThat(result.exitCode()).as(c[0]).isEqualTo(2);
				assertThat(result.err()).as(c[0]).startsWith("FAILED: Cannot connect to " + c[0]).containsIgnoringCase(c[1]);
				assertThat(millis).as(c[0] + " took " + millis + " ms").isLessThan(8_000);
			}
			assertThat(server.accepted()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void aConnectTimeoutThatIsNotADurationOrNegativeIsNamed() throws Exception {
		Files.createDirectories(this.project.resolve("versions"));
		for (String value : new String[] { "-PT5S", "99999999999999999999", "soon" }) {
			Result result = new CliRunner(this.project).run("--script-location", "versions", "--connect-timeout", value,
					"--url", "jdbc:h2:mem:ct", "current");
			assertThat(result.exitCode()).as(value).isEqualTo(2);
			assertThat(result.err().strip()).as(value).startsWith("FAILED: Invalid connect-timeout '" + value + "' (from option --connect-timeout)");
		}
	}

	/** Accepts connections and never writes a byte. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

		private final List<Socket> clients = new CopyOnWriteArrayList<>();

		private final Thread acceptor;

		SilentServer() throws IOException {
			this.acceptor = new Thread(() -> {
				while (!this.socket.isClosed()) {
					try {
						this.clients.add(this.socket.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "silent-server");
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		int accepted() {
			return this.clients.size();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			for (Socket client : this.clients) {
				client.close();
			}
		}

	}

}
