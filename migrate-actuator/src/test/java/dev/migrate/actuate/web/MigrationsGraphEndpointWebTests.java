package dev.migrate.actuate.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Boots a web application on a random port against embedded PostgreSQL (one schema per test) and
 * reads the {@code /actuator/migrationsgraph} page over real HTTP: off unless switched on and
 * exposed, one self-contained page with the graph, states and steps run, every user text escaped.
 */
class MigrationsGraphEndpointWebTests {

	private static final String SECRET = "s3cr3t-Pa55word";

	private static final String ON = "management.endpoint.migrationsgraph.access=read-only";

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
		try (java.sql.Connection connection = db.dataSource().getConnection()) {
			connection.createStatement().execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/** Upgrades a schema directly with the engine (recording the steps in migrate_log), as a deployment would. */
	private static void preMigrate(String url, String target) {
		Migrator.create(MigrateConfig.builder()
			.dataSource(new SimpleDriverDataSource(new org.postgresql.Driver(), url, db.user(), ""))
			.locations("classpath:db/htmlpage")
			.logTable("migrate_log")
			.build()).upgrade(target);
	}

	private void start(String url, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + url,
				"spring.datasource.username=" + db.user(), "spring.datasource.password=" + SECRET,
				"migrate.drift=ignore", "migrate.locations=classpath:db/htmlpage"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApplication.class)
			.properties(all.toArray(String[]::new))
			.run();
		this.contexts.add(context);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int count(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	@Test
	void pageIsOffByDefaultEvenWhenEveryEndpointIsExposed() throws Exception {
		start(schemaUrl("page_off"), "management.endpoints.web.exposure.include=*");
		assertThat(get("/actuator/migrationsgraph", "text/html").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/migrations", "application/json").statusCode()).isEqualTo(200);
	}

	@Test
	void pageNeedsToBeExposedLikeAnyEndpoint() throws Exception {
		start(schemaUrl("page_hidden"), ON, "management.endpoints.web.exposure.include=health,migrations");
		assertThat(get("/actuator/migrationsgraph", "text/html").statusCode()).isEqualTo(404);
	}

	@Test
	void pageShowsTheGraphWithStatesAndTheStepsRun() throws Exception {
		String url = schemaUrl("page_on");
		preMigrate(url, "0000000000h2");
		start(url, ON, "management.endpoints.web.exposure.include=migrationsgraph", "migrate.mode=none",
				"migrate.log-table=migrate_log");
		HttpResponse<String> response = get("/actuator/migrationsgraph",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type.toLowerCase(java.util.Locale.ROOT)).startsWith("text/html").contains("utf-8"));
		String page = response.body();
		assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "data-bean=\"migrator\"");
		assertThat(count(page, "<g class=\"revision[^\"]*\" data-revision=")).isEqualTo(3);
		assertThat(page).containsPattern("<g class=\"revision current[^\"]*\" data-revision=\"0000000000h2\"")
			.containsPattern("<g class=\"revision applied[^\"]*\" data-revision=\"0000000000h1\"")
			.containsPattern("<g class=\"revision pending[^\"]*\" data-revision=\"0000000000h3\"")
			.contains("1 pending revision");
		assertThat(count(page, "<path class=\"edge\"")).isEqualTo(2);
		// the steps run, newest first, with their messages
		assertThat(count(page, "<tr class=\"step\">")).isEqualTo(2);
		assertThat(page.indexOf("<td class=\"rev\">0000000000h2")).isPositive()
			.isLessThan(page.indexOf("<td class=\"rev\">0000000000h1"));
		// UTF-8 all the way
		assertThat(page).contains("customers &amp; &quot;friends&quot; café");
		// HTML only
		assertThat(get("/actuator/migrationsgraph", "application/json").statusCode()).isEqualTo(406);
	}

	@Test
	void pageIsSelfContainedAndEscapesRevisionMessages() throws Exception {
		start(schemaUrl("page_escape"), ON, "management.endpoints.web.exposure.include=migrationsgraph");
		String page = get("/actuator/migrationsgraph", "text/html").body();
		assertThat(page).doesNotContain("<script", "<img", "<link", "<iframe", "@import")
			.doesNotContainPattern("\\s(src|href|xlink:href)=\"")
			.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
			.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
		// no address but the SVG namespace
		assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:", "//");
		assertThat(page).doesNotContain(SECRET).doesNotContain("jdbc:").doesNotContain(db.name());
		assertThat(page).contains("No log table");
	}

}
