package dev.migrate.actuate.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrate.actuate.autoconfigure.GarbageCollection;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots a web application on a random port against embedded PostgreSQL (one schema per test)
 * and reads {@code /actuator/migrations}, {@code /actuator/migrations/{bean}} and
 * {@code /actuator/health} over real HTTP.
 */
class MigrationsEndpointWebTests {

	private static final String SECRET = "s3cr3t-Pa55word";

	private static TestDatabase db;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private int port;

	@BeforeAll
	static void database() {
		db = TestDatabases.freshPostgres();
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private static String schemaUrl(String schema) {
		execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		return db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	private static void execute(String sql) {
		try (java.sql.Connection connection = db.dataSource().getConnection()) {
			connection.createStatement().execute(sql);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Upgrades a schema directly with the engine, as another deployment would have. */
	private static void preMigrate(String url, String location, String target) {
		Migrator.create(MigrateConfig.builder()
			.dataSource(new SimpleDriverDataSource(new org.postgresql.Driver(), url, db.user(), ""))
			.locations(location)
			.build()).upgrade(target);
	}

	private void start(String url, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + url,
				"spring.datasource.username=" + db.user(), "spring.datasource.password=" + SECRET,
				"management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always", "migrate.drift=ignore"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
			.properties(all.toArray(String[]::new))
			.run();
		this.contexts.add(context);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private DocumentContext json(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 503);
		return JsonPath.parse(response.body());
	}

	private static String bean(String path) {
		return "$.contexts.application.migrations.migrator" + path;
	}

	@Test
	void atHeadEveryRevisionIsAppliedAndTheDatabaseIsUpToDate() throws Exception {
		start(schemaUrl("at_head"));
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(bean(".current"), List.class)).containsExactly("000000000002");
		assertThat(body.read(bean(".heads"), List.class)).containsExactly("000000000002");
		assertThat(body.read(bean(".upToDate"), Boolean.class)).isTrue();
		assertThat(body.read(bean(".pending"), List.class)).isEmpty();
		assertThat(body.read(bean(".lint"), List.class)).isEmpty();
		assertThat(body.read(bean(".history[*].id"), List.class)).containsExactly("000000000002", "000000000001");
		assertThat(body.read(bean(".history[*].state"), List.class)).containsExactly("current", "applied");
		assertThat(body.read(bean(".history[*].kind"), List.class)).containsExactly("sql", "sql");
		assertThat(body.read(bean(".history[0].downRevisions"), List.class)).containsExactly("000000000001");
		assertThat(body.read(bean(".history[0].message"), String.class)).isEqualTo("create orders");
		assertThat(body.read(bean(".history[0].createDate"), String.class)).startsWith("2026-01-02");
	}

	@Test
	void appliedStepsLogIsShownNewestFirstWhenEnabled() throws Exception {
		start(schemaUrl("with_log"), "migrate.log-table=migrate_log");
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(bean(".log[*].revision"), List.class)).containsExactly("000000000002", "000000000001");
		assertThat(body.read(bean(".log[*].direction"), List.class)).containsExactly("upgrade", "upgrade");
		assertThat(body.read(bean(".log[*].outcome"), List.class)).containsExactly("success", "success");
		assertThat(body.read(bean(".log[0].startedAt"), String.class)).isNotBlank();
		assertThat(body.read(bean(".log[0].durationMs"), Integer.class)).isNotNegative();
	}

	@Test
	void noLogIsShownWhenTheLogTableIsDisabled() throws Exception {
		start(schemaUrl("without_log"));
		String body = get("/actuator/migrations").body();
		assertThat(body).doesNotContain("\"log\"");
	}

	@Test
	void oneBeanIsReadBySelector() throws Exception {
		start(schemaUrl("selector"));
		DocumentContext body = json("/actuator/migrations/migrator");
		assertThat(body.read("$.current", List.class)).containsExactly("000000000002");
		assertThat(body.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(get("/actuator/migrations/noSuchBean").statusCode()).isEqualTo(404);
	}

	@Test
	void healthIsUpAtHeadWithCurrentAndHeads() throws Exception {
		start(schemaUrl("health_up"));
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		DocumentContext body = JsonPath.parse(response.body());
		assertThat(body.read("$.components.migrations.status", String.class)).isEqualTo("UP");
		assertThat(body.read("$.components.migrations.details.current", List.class)).containsExactly("000000000002");
		assertThat(body.read("$.components.migrations.details.heads", List.class)).containsExactly("000000000002");
	}

	@Test
	void pendingRevisionsAreListedAndTakeTheServiceOutOfService() throws Exception {
		String url = schemaUrl("pending");
		preMigrate(url, "classpath:db/migrations", "000000000001");
		start(url, "migrate.mode=none");
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(bean(".current"), List.class)).containsExactly("000000000001");
		assertThat(body.read(bean(".upToDate"), Boolean.class)).isFalse();
		assertThat(body.read(bean(".pending"), List.class)).containsExactly("000000000002");
		assertThat(body.read(bean(".history[*].state"), List.class)).containsExactly("pending", "current");
		// the pending revision creates its table: nothing for lint to report
		assertThat(body.read(bean(".lint"), List.class)).isEmpty();
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(JsonPath.parse(health.body()).read("$.components.migrations.status", String.class))
			.isEqualTo("OUT_OF_SERVICE");
		assertThat(JsonPath.parse(health.body()).read("$.components.migrations.details.pending", List.class))
			.containsExactly("000000000002");
	}

	@Test
	void probesLeaveMigrationsOutUnlessTheReadinessGroupIncludesThem() throws Exception {
		// docs/actuator.md, "Which probe": the aggregate health is 503 with pending revisions in mode
		// none; liveness and readiness hold only the application's availability state, as Spring Boot's
		// probe groups do, unless the readiness group includes migrations
		String url = schemaUrl("probes");
		preMigrate(url, "classpath:db/migrations", "000000000001");
		start(url, "migrate.mode=none", "management.endpoint.health.probes.enabled=true");
		assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).doesNotContain("migrations");
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.contexts.clear();

		start(url, "migrate.mode=none", "management.endpoint.health.probes.enabled=true",
				"management.endpoint.health.group.readiness.include=readinessState,migrations",
				"management.endpoint.health.group.readiness.show-details=always");
		HttpResponse<String> gated = get("/actuator/health/readiness");
		assertThat(gated.statusCode()).as(gated.body()).isEqualTo(503);
		assertThat(JsonPath.parse(gated.body()).read("$.components.migrations.details.pending", List.class))
			.containsExactly("000000000002");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void lintFindingsOfPendingRevisionsAreShown() throws Exception {
		String url = schemaUrl("lint_pending");
		preMigrate(url, "classpath:db/lintpending", "000000000001");
		start(url, "migrate.mode=none", "migrate.locations=classpath:db/lintpending");
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(bean(".pending"), List.class)).containsExactly("000000000002");
		assertThat(body.read(bean(".lint[*].rule"), List.class)).containsExactly("pg-index-not-concurrent");
		assertThat(body.read(bean(".lint[0].severity"), String.class)).isEqualTo("error");
		assertThat(body.read(bean(".lint[0].revision"), String.class)).isEqualTo("000000000002");
		assertThat(body.read(bean(".lint[0].line"), Integer.class)).isEqualTo(5);
		assertThat(body.read(bean(".lint[0].problem"), String.class)).contains("customers");
	}

	@Test
	void branchedAndMergedHistoryShowsBranchAndMergePoints() throws Exception {
		start(schemaUrl("branched"), "migrate.locations=classpath:db/branched");
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(bean(".current"), List.class)).containsExactly("0000000000b3");
		assertThat(body.read(bean(".history[0].id"), String.class)).isEqualTo("0000000000b3");
		assertThat(body.read(bean(".history[0].mergePoint"), Boolean.class)).isTrue();
		assertThat(body.read(bean(".history[0].downRevisions"), List.class)).containsExactlyInAnyOrder("0000000000b1",
				"0000000000b2");
		assertThat(body.read(bean(".history[3].id"), String.class)).isEqualTo("0000000000b0");
		assertThat(body.read(bean(".history[3].branchPoint"), Boolean.class)).isTrue();
		List<Map<String, Object>> labelled = body.read(bean(".history[?(@.branchLabels[0] == 'billing')]"));
		assertThat(labelled).extracting((r) -> r.get("id")).containsExactly("0000000000b1");
		assertThat(body.read(bean(".history[*].state"), List.class)).containsExactly("current", "applied", "applied",
				"applied");
	}

	@Test
	void anAppliedRevisionEditedSinceIsReportedWithItsChecksums() throws Exception {
		start(schemaUrl("edited"));
		assertThat(json("/actuator/migrations").read(bean(".changedRevisions"), List.class)).isEmpty();
		// what the database holds is what the file was when it ran: another text than the file's now
		String recorded = "sql2:" + "0".repeat(16);
		execute("UPDATE edited.migrate_version_checksums SET checksum = '" + recorded + "' WHERE revision = '000000000001'");
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(bean(".changedRevisions[*].id"), List.class)).containsExactly("000000000001");
		assertThat(body.read(bean(".changedRevisions[0].source"), String.class)).endsWith("000000000001_customers.sql");
		assertThat(body.read(bean(".changedRevisions[0].recordedChecksum"), String.class)).isEqualTo(recorded);
		assertThat(body.read(bean(".changedRevisions[0].currentChecksum"), String.class)).startsWith("sql2:")
			.isNotEqualTo(recorded);
	}

	@Test
	void databaseAheadOfTheCodeIsReported() throws Exception {
		String url = schemaUrl("ahead");
		preMigrate(url, "classpath:db/more", "000000000003");
		start(url, "migrate.mode=none");
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(bean(".current"), List.class)).containsExactly("000000000003");
		assertThat(body.read(bean(".unknown"), List.class)).containsExactly("000000000003");
		assertThat(body.read(bean(".upToDate"), Boolean.class)).isFalse();
		HttpResponse<String> health = get("/actuator/health");
		DocumentContext healthBody = JsonPath.parse(health.body());
		assertThat(healthBody.read("$.components.migrations.status", String.class)).isEqualTo("UNKNOWN");
		assertThat(healthBody.read("$.components.migrations.details.unknown", List.class))
			.containsExactly("000000000003");
	}

	@Test
	void metricsCountAppliedRevisionsAndGaugePending() throws Exception {
		start(schemaUrl("metrics"), "management.endpoints.web.exposure.include=metrics");
		DocumentContext applied = json("/actuator/metrics/migrate.revisions?tag=direction:upgrade&tag=outcome:success");
		assertThat(applied.read("$.measurements[0].value", Double.class)).isEqualTo(2.0);
		DocumentContext timer = json("/actuator/metrics/migrate.step.duration");
		assertThat(timer.read("$.measurements[?(@.statistic == 'COUNT')].value", List.class)).containsExactly(2.0);
		GarbageCollection.clearWeakReferences();
		DocumentContext pending = json("/actuator/metrics/migrate.revisions.pending?tag=migrator:migrator");
		assertThat(pending.read("$.measurements[0].value", Double.class)).isEqualTo(0.0);
	}

	@Test
	void endpointIsAbsentUnlessExposed() throws Exception {
		start(schemaUrl("not_exposed"), "management.endpoints.web.exposure.include=health");
		assertThat(get("/actuator/migrations").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void noDatasourceSecretAppearsInAnyResponse() throws Exception {
		String url = schemaUrl("secrets");
		start(url);
		for (String path : List.of("/actuator/migrations", "/actuator/migrations/migrator", "/actuator/health")) {
			String body = get(path).body();
			assertThat(body).as(path).contains("000000000002");
			assertThat(body).as(path).doesNotContain(SECRET).doesNotContain(url).doesNotContain(db.name())
				.doesNotContain("jdbc:");
		}
	}

}
