package dev.migrate.maven;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.google.gson.Gson;
import dev.migrate.cli.MigrateCli;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs Maven (the one running this build, {@code maven.home}) on a copy of {@code src/it/shop},
 * a Spring-style project whose {@code application.yml} names the database, against an embedded
 * PostgreSQL. The plugin and its dependencies were installed into {@code target/local-repo} by
 * {@code invoker:install}; everything else comes from a file mirror of the build's own local
 * repository, so nothing is downloaded and the shared repository is not written to. The tests
 * share one project and database and run in order: a real developer's session.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavenPluginIT {

	private static Path project;

	private static Path settings;

	private static TestDatabase database;

	@BeforeAll
	static void setUp() throws IOException {
		Path work = Path.of(System.getProperty("migrate.it.work"));
		project = work.resolve("shop-" + System.nanoTime());
		copy(Path.of(System.getProperty("migrate.it.projects")).resolve("shop"), project);
		Path pom = project.resolve("pom.xml");
		Files.writeString(pom, Files.readString(pom).replace("@project.version@", System.getProperty("migrate.it.version")));
		settings = work.resolve("settings.xml");
		Files.writeString(settings, """
				<settings>
				  <localRepository>%1$s</localRepository>
				  <profiles>
				    <profile>
				      <id>build-repository</id>
				      <repositories>
				        <repository><id>central</id><url>%2$s</url>
				          <releases><checksumPolicy>ignore</checksumPolicy></releases>
				          <snapshots><enabled>false</enabled></snapshots></repository>
				      </repositories>
				      <pluginRepositories>
				        <pluginRepository><id>central</id><url>%2$s</url>
				          <releases><checksumPolicy>ignore</checksumPolicy></releases>
				          <snapshots><enabled>false</enabled></snapshots></pluginRepository>
				      </pluginRepositories>
				    </profile>
				  </profiles>
				  <activeProfiles><activeProfile>build-repository</activeProfile></activeProfiles>
				</settings>
				""".formatted(System.getProperty("migrate.it.localRepo"),
				Path.of(System.getProperty("migrate.it.mirror")).toUri()));
		database = TestDatabases.freshPostgres();
	}

	@Test
	@Order(1)
	void upgradeThenCheckFromApplicationYml() throws Exception {
		Run run = maven("migrate:upgrade", "migrate:check", "migrate:current");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Upgraded to a1b2c3d4e5f6: 1 revision")
			.contains("Database is up to date at a1b2c3d4e5f6.")
			.contains("No new upgrade operations detected.")
			.contains("a1b2c3d4e5f6 (head), create customer");
	}

	@Test
	@Order(2)
	void autogenerateWritesTheNewColumnAsAJavaRevision() throws Exception {
		Path entity = project.resolve("src/main/java/shop/model/Customer.java");
		Files.writeString(entity, Files.readString(entity)
			.replace("// FIELDS", "@Column(length = 200)\n\tprivate String email;"));
		Run run = maven("migrate:revision", "-Dmigrate.autogenerate", "-Dmigrate.message=add customer email");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Detected added column customer.email VARCHAR(200)");
		List<Path> revisions = javaRevisions();
		assertThat(revisions).hasSize(1);
		assertThat(revisions.get(0).getFileName().toString()).endsWith("_AddCustomerEmail.java");
		String source = Files.readString(revisions.get(0));
		assertThat(source).contains("package db.migrations;")
			.contains("down = \"a1b2c3d4e5f6\"")
			.contains("op.addColumn(\"customer\", column(\"email\", string(200)));")
			.contains("op.dropColumn(\"customer\", \"email\");");
		assertThat(source.split("op\\.", -1)).as(source).hasSize(3);
	}

	@Test
	@Order(3)
	void checkFailsWhileTheNewRevisionIsNotApplied() throws Exception {
		Run run = maven("migrate:check");
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("Target database is not up to date. (current: a1b2c3d4e5f6; heads: ");
	}

	@Test
	@Order(4)
	void theGeneratedRevisionCompilesAndApplies() throws Exception {
		Run run = maven("migrate:upgrade", "migrate:check", "migrate:history");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("1 revision").contains("No new upgrade operations detected.")
			.contains("a1b2c3d4e5f6 -> ").contains("<base> -> a1b2c3d4e5f6, create customer");
		assertThat(columnType("customer", "email")).isEqualTo("character varying(200)");
	}

	@Test
	@Order(5)
	void checkFailsOnAHandAlteredColumnAndChangesNothing() throws Exception {
		try (Connection c = database.connect(); Statement s = c.createStatement()) {
			s.execute("ALTER TABLE customer ALTER COLUMN name TYPE VARCHAR(50)");
		}
		Run run = maven("migrate:check");
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("New upgrade operations detected: [").contains("customer.name")
			.contains("BUILD FAILURE");
		assertThat(columnType("customer", "name")).isEqualTo("character varying(50)");
	}

	@Test
	@Order(6)
	void sqlGoalWritesWhatTheCliPrints() throws Exception {
		Path output = project.resolve("target/review/upgrade.sql");
		Run run = maven("migrate:sql", "-Dmigrate.output=" + output);
		assertThat(run.exitCode()).as(run.output()).isZero();
		String fromPlugin = Files.readString(output);
		assertThat(fromPlugin).contains("CREATE TABLE customer").contains("ALTER TABLE customer ADD COLUMN email");
		String fromCli = cli("--dialect", "postgresql", "--classpath", project.resolve("target/classes").toString(),
				"--script-location", "classpath:db/migrations", "upgrade", "--sql", "base:head");
		assertThat(fromPlugin).isEqualTo(fromCli);

		Path downgrade = project.resolve("target/review/downgrade.sql");
		run = maven("migrate:sql", "-Dmigrate.downgrade", "-Dmigrate.range=head:base", "-Dmigrate.output=" + downgrade);
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(Files.readString(downgrade)).isEqualTo(cli("--dialect", "postgresql", "--classpath",
				project.resolve("target/classes").toString(), "--script-location", "classpath:db/migrations",
				"downgrade", "--sql", "head:base"));
	}

	@Test
	@Order(7)
	void badInputFailsWithOneLineNamingTheSetting() throws Exception {
		Run run = maven("migrate:upgrade", "-Dmigrate.target=nosuch", "-Dmigrate.url=jdbc:nosuchdb:x");
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("Cannot connect to jdbc:nosuchdb:x: No JDBC driver for this URL");
	}

	@Test
	@Order(8)
	void lintPassesOnTheCleanProject() throws Exception {
		Run run = maven("migrate:lint");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Linting pending: no revisions").contains("BUILD SUCCESS");
		run = maven("migrate:lint", "-Dmigrate.range=base:heads");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Linting base:heads: a1b2c3d4e5f6, ")
			.contains("0 errors, 0 warnings in 2 revisions (0 suppressed)");
	}

	@Test
	@Order(9)
	void lintFailsTheBuildOnAnIndexWithoutConcurrentlyNamingRuleRevisionFileAndLine() throws Exception {
		addIndexRevision();
		Path sarif = project.resolve("target/migrate-lint.sarif");
		Run run = maven("migrate:lint", "-Dmigrate.lint-format=sarif", "-Dmigrate.lint-output=target/migrate-lint.sarif");
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("Linting pending: " + INDEX_REVISION)
			.contains("[ERROR] error pg-index-not-concurrent " + INDEX_REVISION + " (" + INDEX_FILE + ":7): CREATE INDEX on table customer")
			.contains("instead: CREATE INDEX CONCURRENTLY")
			.contains("migrate lint: 1 error, 0 warnings in 1 revision (0 suppressed): error pg-index-not-concurrent "
					+ INDEX_REVISION + " (" + INDEX_FILE + ":7)")
			.contains("BUILD FAILURE");
		Map<?, ?> report = new Gson().fromJson(Files.readString(sarif), Map.class);
		assertThat(report.get("version")).isEqualTo("2.1.0");
		Map<?, ?> result = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) report.get("runs")).get(0)).get("results")).get(0);
		assertThat(result.get("ruleId")).isEqualTo("pg-index-not-concurrent");
		assertThat(result.get("level")).isEqualTo("error");
		Map<?, ?> physical = (Map<?, ?>) ((Map<?, ?>) ((List<?>) result.get("locations")).get(0)).get("physicalLocation");
		assertThat(((Map<?, ?>) physical.get("artifactLocation")).get("uri")).isEqualTo(INDEX_FILE);
		assertThat(((Map<?, ?>) physical.get("region")).get("startLine")).isEqualTo(7.0);
		assertThat(Files.readString(project.resolve(INDEX_FILE)).lines().toList().get(6)).startsWith("CREATE INDEX");
		assertThat(indexExists("ix_customer_name")).isFalse();
	}

	@Test
	@Order(10)
	void lintFailOnDisabledRulesAndFormats() throws Exception {
		Run run = maven("migrate:lint", "-Dmigrate.lint-format=github", "-Dmigrate.lint-fail-on=none");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("\n::error file=" + INDEX_FILE + ",line=7,title=pg-index-not-concurrent ("
				+ INDEX_REVISION + ")::CREATE INDEX on table customer");
		run = maven("migrate:lint", "-Dmigrate.lint-disabled-rules=pg-index-not-concurrent");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("0 errors, 0 warnings in 1 revision (0 suppressed)");
		run = maven("migrate:lint", "-Dmigrate.lint-fail-on=sometimes");
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("Invalid lint-fail-on 'sometimes': use error, warning or none");
	}

	// ---- helpers

	private static final String INDEX_REVISION = "c3d4e5f6a7b8";

	private static final String INDEX_FILE = "src/main/resources/db/migrations/" + INDEX_REVISION + "_index_customer_name.sql";

	/** An SQL revision on the current head that indexes the existing customer table without CONCURRENTLY. */
	private static void addIndexRevision() throws IOException {
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("@Revision\\(id = \"([^\"]+)\"")
			.matcher(Files.readString(javaRevisions().get(0)));
		assertThat(id.find()).isTrue();
		Files.writeString(project.resolve(INDEX_FILE), """
				-- revision: %s
				-- down_revision: %s
				-- message: index customer name

				-- migrate:upgrade
				-- customer is big and busy by now
				CREATE INDEX ix_customer_name ON customer (name);

				-- migrate:downgrade
				DROP INDEX ix_customer_name;
				""".formatted(INDEX_REVISION, id.group(1)));
	}

	private static boolean indexExists(String name) throws SQLException {
		try (Connection c = database.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = '" + name + "'")) {
			rs.next();
			return rs.getInt(1) == 1;
		}
	}

	private record Run(int exitCode, String output) {
	}

	private static Run maven(String... args) throws IOException, InterruptedException {
		Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
		List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-s", settings.toString(),
				"-Dmaven.repo.local=" + System.getProperty("migrate.it.localRepo"),
				"-DSHOP_DATABASE_URL=" + database.url()));
		command.addAll(List.of(args));
		Path log = Files.createTempFile(project.getParent(), "maven-", ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.remove("MAVEN_OPTS");
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Maven did not finish in 5 minutes: " + log);
		}
		return new Run(process.exitValue(), Files.readString(log));
	}

	private static String cli(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = MigrateCli.execute(args, new PrintWriter(out), new PrintWriter(err),
				new MigrateCli.CliEnvironment(Map.of(), project));
		assertThat(code).as(err.toString()).isZero();
		return out.toString();
	}

	private static List<Path> javaRevisions() throws IOException {
		try (Stream<Path> files = Files.list(project.resolve("src/main/java/db/migrations"))) {
			return files.filter((f) -> !f.getFileName().toString().equals("package-info.java")).toList();
		}
	}

	private static String columnType(String table, String column) throws SQLException {
		try (Connection c = database.connect(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
						+ table + "'::regclass AND attname = '" + column + "'")) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path source : walk.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

}
