package dev.migrate.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the sample service on a test database and talks to it over HTTP. */
final class SampleApp implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final int port;

	private SampleApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "-1"));
	}

	/**
	 * Boots the service on {@code db} with the given profile (null: the default profile) and extra
	 * {@code --key=value} arguments, on a random port.
	 */
	static SampleApp start(SamplePostgres.Database db, String profile, String... extraArgs) {
		return new SampleApp(application(profile).run(args(db, extraArgs)));
	}

	/** Boots the service expecting it to fail; returns the failure. */
	static Throwable startFailure(SamplePostgres.Database db, String profile, String... extraArgs) {
		try (ConfigurableApplicationContext context = application(profile).run(args(db, extraArgs))) {
			throw new AssertionError("The service started, but it should have refused to");
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	/** Messages of {@code failure} and all its causes, one per line. */
	static String messages(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
		}
		return text.toString();
	}

	private static SpringApplication application(String profile) {
		SpringApplication application = new SpringApplication(SampleServiceApplication.class);
		// the main class names the AOT initializer (a test has no main method on its stack)
		application.setMainApplicationClass(SampleServiceApplication.class);
		if (profile != null) {
			application.setAdditionalProfiles(profile);
		}
		return application;
	}

	private static String[] args(SamplePostgres.Database db, String... extraArgs) {
		List<String> args = new ArrayList<>(db.springArgs());
		args.add("--server.port=0");
		args.addAll(List.of(extraArgs));
		return args.toArray(String[]::new);
	}

	/** The port the service listens on. */
	int port() {
		return this.port;
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	/** A response: status and parsed JSON body (null when empty). */
	record Response(int status, JsonNode body) {
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	Response post(String path, Map<String, ?> body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			return new Response(response.statusCode(), (body == null || body.isBlank()) ? null : JSON.readTree(body));
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The first object in {@code node} (depth first) that has all of {@code fields}, or null. */
	static JsonNode findObjectWith(JsonNode node, String... fields) {
		if (node == null) {
			return null;
		}
		if (node.isObject()) {
			boolean all = true;
			for (String field : fields) {
				all &= node.has(field);
			}
			if (all) {
				return node;
			}
		}
		if (node.isContainer()) {
			for (Iterator<JsonNode> it = node.iterator(); it.hasNext();) {
				JsonNode found = findObjectWith(it.next(), fields);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** The text values of a JSON array. */
	static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
