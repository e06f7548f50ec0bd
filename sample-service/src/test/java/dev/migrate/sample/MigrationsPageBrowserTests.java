package dev.migrate.sample;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the running sample's {@code /actuator/migrationsgraph} page in headless Chromium (Debian's
 * {@code chromium} package; the test is skipped where it is absent): the database stands on the
 * orders branch with the users branch, the merge and the head pending, and the steps run are
 * logged. The page is rendered to {@code target/migrations-page/migrations-page.png} and its DOM,
 * as the browser built it, is counted: one node per revision, the current and pending ones marked.
 */
class MigrationsPageBrowserTests {

	private static final Path OUT = Path.of("target", "migrations-page");

	/** Where the database stands: the orders branch, below the merge. */
	private static final String CURRENT = "a8f04c6e2d88";

	/** Everything above {@link #CURRENT} or on the other branch. */
	private static final Set<String> PENDING = Set.of("6c1a5e8b0daa", "d7f2b9a4e1bb", "1e6b7d3f9c99",
			SampleMigrations.MERGE, SampleMigrations.HEAD);

	/** One run of the browser may take this long (a cold start on a busy 2-core machine included). */
	private static final long TIMEOUT_SECONDS = 120;

	private static Path chromium() {
		for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
			Path path = Path.of(candidate);
			if (Files.isExecutable(path)) {
				return path;
			}
		}
		return null;
	}

	@Test
	void pageShowsEveryRevisionWithItsStateInARealBrowser() throws Exception {
		Path chromium = chromium();
		Assumptions.assumeTrue(chromium != null,
				"Headless Chromium not found at /usr/bin/chromium (Debian: apt-get install chromium); "
						+ "skipping the browser test of the migrations page");
		SamplePostgres.Database db = SamplePostgres.fresh();
		// an earlier deployment took the database to the orders branch, logging each step
		Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(MigrateConfig.DEFAULT_LOCATION)
			.classLoader(getClass().getClassLoader())
			.logTable("migrate_log")
			.build()).upgrade(CURRENT);
		int revisions = SampleMigrations.migrator(db).history(null).size();
		Files.createDirectories(OUT);
		try (SampleApp app = SampleApp.start(db, null, "--migrate.mode=none", "--migrate.log-table=migrate_log",
				"--management.endpoint.migrationsgraph.access=read-only",
				"--management.endpoints.web.exposure.include=health,migrations,migrationsgraph")) {
			String url = "http://127.0.0.1:" + app.port() + "/actuator/migrationsgraph";

			Path screenshot = OUT.resolve("migrations-page.png").toAbsolutePath();
			Files.deleteIfExists(screenshot);
			run(chromium, "screenshot", "--screenshot=" + screenshot, "--window-size=1400,1000", "--hide-scrollbars",
					url);
			assertThat(screenshot).exists();
			assertThat(Files.size(screenshot)).as("PNG size").isGreaterThan(10_000);
			BufferedImage image = ImageIO.read(screenshot.toFile());
			assertThat(image).as("a PNG image").isNotNull();
			assertThat(image.getWidth()).isEqualTo(1400);
			assertThat(image.getHeight()).isEqualTo(1000);
			assertThat(colours(image)).as("distinct colours: more than a blank or error page").isGreaterThan(50);

			String dom = run(chromium, "dom", "--dump-dom", url);
			Files.writeString(OUT.resolve("migrations-page.dom.html"), dom);
			Map<String, Set<String>> nodes = revisionNodes(dom);
			assertThat(nodes).as("one node per revision").hasSize(revisions);
			assertThat(nodes.keySet()).contains(CURRENT, SampleMigrations.HEAD, SampleMigrations.MERGE);
			assertThat(nodes.get(CURRENT)).contains("current");
			nodes.forEach((id, classes) -> assertThat(classes).as(id)
				.contains(PENDING.contains(id) ? "pending" : id.equals(CURRENT) ? "current" : "applied"));
			assertThat(nodes.get(SampleMigrations.HEAD)).contains("head");
			assertThat(nodes.get(SampleMigrations.MERGE)).contains("merge");
			assertThat(dom).contains(PENDING.size() + " pending revisions");
			// the steps run: the eight upgrades below the current revision, newest first
			assertThat(count(dom, "<tr class=\"step\">")).isEqualTo(revisions - PENDING.size());
			assertThat(dom).contains("<td class=\"rev\">" + CURRENT + "</td>");
			// and the revision messages in the boxes
			assertThat(dom).contains("add orders.user_id with its…", "create companies and users");
		}
	}

	/** Runs the browser once on a fresh profile; its standard output (the DOM, for --dump-dom). */
	private static String run(Path chromium, String name, String... args) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory(OUT.toAbsolutePath(), "chromium-profile-");
		List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile));
		command.addAll(List.of(args));
		Path stdout = OUT.resolve(name + ".out");
		Path stderr = OUT.resolve(name + ".err");
		Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		try {
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw new AssertionError("Chromium did not finish '" + name + "' within " + TIMEOUT_SECONDS
						+ " s; see " + stderr.toAbsolutePath());
			}
		}
		finally {
			delete(profile);
		}
		assertThat(process.exitValue()).as("chromium " + name + " exit code; see " + stderr.toAbsolutePath()).isZero();
		return Files.readString(stdout, StandardCharsets.UTF_8);
	}

	/** Removes the browser profile (best effort: a file still held open stays until the next clean). */
	private static void delete(Path dir) {
		try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// left in target/
		}
	}

	/** Each {@code <g class="revision ...">} of the DOM: revision id to its classes. */
	private static Map<String, Set<String>> revisionNodes(String dom) {
		Map<String, Set<String>> nodes = new LinkedHashMap<>();
		Matcher m = Pattern.compile("<g class=\"(revision(?: [^\"]*)?)\" data-revision=\"([^\"]+)\"").matcher(dom);
		while (m.find()) {
			Set<String> previous = nodes.put(m.group(2), Set.of(m.group(1).split(" ")));
			assertThat(previous).as("node of " + m.group(2) + " drawn once").isNull();
		}
		return nodes;
	}

	private static int count(String text, String literal) {
		int n = 0;
		for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
			n++;
		}
		return n;
	}

	private static int colours(BufferedImage image) {
		Set<Integer> colours = new HashSet<>();
		for (int y = 0; y < image.getHeight(); y += 3) {
			for (int x = 0; x < image.getWidth(); x += 3) {
				colours.add(image.getRGB(x, y));
			}
		}
		return colours.size();
	}

}
