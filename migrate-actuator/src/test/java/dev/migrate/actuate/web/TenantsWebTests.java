package dev.migrate.actuate.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrate.autoconfigure.MigrateTenantSource;
import dev.migrate.autoconfigure.MigrateTenantsException;
import dev.migrate.command.Tenant;
import dev.migrate.testing.TestDatabases;
import dev.migrate.testing.TestDatabases.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real web application on embedded PostgreSQL with {@code migrate.tenants}: every tenant schema
 * upgraded on boot, a failing tenant failing startup or (on-failure=continue) reported by the
 * endpoint and health, many tenants summarised, and a {@link MigrateTenantSource} bean.
 */
class TenantsWebTests {

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

	private static List<String> schemas(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> String.format("%s%02d", prefix, i)).toList();
	}

	private ConfigurableApplicationContext start(Class<?>[] sources, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.user(), "management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always", "migrate.drift=ignore",
				"migrate.locations=classpath:db/tenants"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
			.properties(all.toArray(String[]::new))
			.run();
		this.contexts.add(context);
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		return context;
	}

	private DocumentContext json(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 503);
		return JsonPath.parse(response.body());
	}

	private static final String TENANTS = "$.contexts.application.migrations.migrator.tenants";

	@Test
	void sixtyTenantsWithOneFailingContinueAndAreSummarised() throws Exception {
		List<String> schemas = schemas("m_", 60);
		execute("CREATE SCHEMA m_07");
		execute("CREATE SEQUENCE m_07.invoice");
		start(new Class<?>[] { WebApplication.class }, "migrate.tenants.schemas=" + String.join(",", schemas),
				"migrate.tenants.parallelism=3", "migrate.tenants.on-failure=continue");
		for (String schema : schemas) {
			assertThat(query("SELECT version_num FROM " + schema + ".migrate_version"))
				.containsExactly(schema.equals("m_07") ? "t02" : "t05");
		}
		assertThat(query("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).containsExactly("0");

		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(TENANTS + ".total", Integer.class)).isEqualTo(60);
		assertThat(body.read(TENANTS + ".upToDate", Integer.class)).isEqualTo(59);
		assertThat(body.read(TENANTS + ".pending", Integer.class)).isEqualTo(1);
		assertThat(body.read(TENANTS + ".omitted", Integer.class)).isEqualTo(59);
		Map<String, Object> listed = body.read(TENANTS + ".tenants", Map.class);
		assertThat(listed).containsOnlyKeys("m_07");
		assertThat(body.read(TENANTS + ".tenants.m_07.current", List.class)).containsExactly("t02");
		assertThat(body.read(TENANTS + ".tenants.m_07.pending", List.class)).containsExactly("t03", "t04", "t05");
		assertThat(body.read("$.contexts.application.migrations.migrator.upToDate", Boolean.class)).isFalse();

		DocumentContext health = json("/actuator/health");
		assertThat(health.read("$.components.migrations.status", String.class)).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.read("$.components.migrations.details.tenants", Integer.class)).isEqualTo(60);
		assertThat(health.read("$.components.migrations.details.upToDate", Integer.class)).isEqualTo(59);
		assertThat(health.read("$.components.migrations.details.pendingTenants", String.class)).isEqualTo("m_07");
	}

	@Test
	void aFailingTenantFailsStartupOnceTheOthersRan() {
		List<String> schemas = schemas("f_", 8);
		execute("CREATE SCHEMA f_03");
		execute("CREATE SEQUENCE f_03.invoice");
		assertThatThrownBy(() -> start(new Class<?>[] { WebApplication.class },
				"migrate.tenants.schemas=" + String.join(",", schemas), "migrate.tenants.parallelism=2"))
			.satisfies((ex) -> {
				MigrateTenantsException cause = cause(ex, MigrateTenantsException.class);
				assertThat(cause).isNotNull();
				assertThat(cause.getMessage()).startsWith("1 of 8 tenants failed to upgrade: f_03: Revision t03");
				FailureAnalysis analysis = new TestAnalyzer().analyze(ex);
				assertThat(analysis.getDescription()).contains("- f_03 at t02: Revision t03").contains("invoice");
				assertThat(analysis.getAction()).contains("migrate.tenants.on-failure=continue");
			});
		for (String schema : schemas) {
			assertThat(query("SELECT version_num FROM " + schema + ".migrate_version"))
				.containsExactly(schema.equals("f_03") ? "t02" : "t05");
		}
	}

	@Test
	void aTenantSourceBeanReadsTheRegistry() throws Exception {
		execute("CREATE TABLE public.tenant_registry (schema_name VARCHAR(63))");
		execute("INSERT INTO public.tenant_registry VALUES ('s_acme'), ('s_globex'), ('s_initech')");
		start(new Class<?>[] { WebApplication.class, RegistryConfiguration.class });
		DocumentContext body = json("/actuator/migrations");
		assertThat(body.read(TENANTS + ".total", Integer.class)).isEqualTo(3);
		assertThat(body.read(TENANTS + ".upToDate", Integer.class)).isEqualTo(3);
		assertThat(body.read(TENANTS + ".omitted", Integer.class)).isZero();
		assertThat(body.read(TENANTS + ".tenants.s_globex.current", List.class)).containsExactly("t05");
		assertThat(body.read(TENANTS + ".tenants.s_globex.upToDate", Boolean.class)).isTrue();
		assertThat(json("/actuator/health").read("$.components.migrations.status", String.class)).isEqualTo("UP");
		// a tenant registered later shows up as pending (nothing migrates it until the next boot)
		execute("INSERT INTO public.tenant_registry VALUES ('s_umbrella')");
		DocumentContext later = json("/actuator/health");
		assertThat(later.read("$.components.migrations.status", String.class)).isEqualTo("OUT_OF_SERVICE");
		assertThat(later.read("$.components.migrations.details.pendingTenants", String.class)).isEqualTo("s_umbrella");
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		MigrateTenantSource tenantSource(DataSource dataSource) {
			return () -> {
				List<Tenant> tenants = new ArrayList<>();
				try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
						ResultSet rs = s.executeQuery("SELECT schema_name FROM tenant_registry ORDER BY schema_name")) {
					while (rs.next()) {
						tenants.add(Tenant.schema(rs.getString(1)));
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
				return tenants;
			};
		}

	}

	/** The starter's analyzer (package-private, as Spring Boot's are), created as spring.factories would. */
	static final class TestAnalyzer {

		FailureAnalysis analyze(Throwable failure) {
			try {
				var constructor = Class.forName("dev.migrate.autoconfigure.MigrateFailureAnalyzer").getDeclaredConstructor();
				constructor.setAccessible(true);
				return ((org.springframework.boot.diagnostics.FailureAnalyzer) constructor.newInstance()).analyze(failure);
			}
			catch (ReflectiveOperationException ex) {
				throw new AssertionError(ex);
			}
		}

	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static void execute(String sql) {
		try (Connection connection = db.dataSource().getConnection(); Statement s = connection.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> query(String sql) {
		try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			List<String> out = new ArrayList<>();
			while (rs.next()) {
				out.add(rs.getString(1));
			}
			return out;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
