package dev.migrate.sample;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.cli.MigrateCli;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.graph.render.LaneRenderer;
import dev.migrate.graph.render.RevisionPicture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden drawings of the sample's own revision graph (its Java and SQL revisions together, as
 * loaded from {@code classpath:db/migrations}): the lanes {@code migrate history --graph} prints.
 * No database is needed: the states are given. Branch point 94c3d0e6a166 splits the orders and the
 * users lanes, merge 2b8e6f0c4acc joins them.
 */
class SampleGraphDrawingTests {

	/** The whole history in plain ASCII, as {@code migrate history --graph --ascii} prints it. */
	private static final String ASCII = """
			* f0a3c7d91edd (head), index orders.user_id concurrently
			*   2b8e6f0c4acc, merge orders and users branches
			|\\
			* | 1e6b7d3f9c99, create order_items
			* | a8f04c6e2d88, add orders.user_id with its foreign key
			* | 5d2e8f1a3b77, create orders table
			| * d7f2b9a4e1bb, lower-case all e-mail addresses
			| * 6c1a5e8b0daa, add users.status and fill it
			|/
			* 94c3d0e6a166, unique index on users.email
			* e2a71b4c8f55, rename users.name to full_name
			* 0b9f3e7c6d44, remove users.legacy_field
			* c5d8e1f20a33, add users.phone
			* 7a4e9c1d2b22, add products table
			* 3f1c2a9b0d11, create companies and users
			""";

	/** The sample's revisions, read without a database. */
	private static Migrator offline() {
		return Migrator.create(MigrateConfig.builder()
			.locations(MigrateConfig.DEFAULT_LOCATION)
			.classLoader(SampleGraphDrawingTests.class.getClassLoader())
			.build());
	}

	private static RevisionPicture picture(List<String> current) {
		Migrator migrator = offline();
		Map<String, String> messages = new HashMap<>();
		migrator.history(null).forEach((r) -> messages.put(r.id(), r.message()));
		return RevisionPicture.of(migrator.graph(), messages::get, current);
	}

	@Test
	void asciiLanesOfTheWholeHistory() {
		String drawing = new LaneRenderer(LaneRenderer.Charset.ASCII, null).render(picture(null));
		assertThat(drawing).isEqualTo(ASCII);
	}

	@Test
	void commandLinePrintsTheSameLanes() {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = MigrateCli.execute(new String[] { "--script-location", MigrateConfig.DEFAULT_LOCATION, "--classpath",
				"target/classes", "history", "--graph", "--ascii" }, new PrintWriter(out, true), new PrintWriter(err, true),
				new MigrateCli.CliEnvironment(Map.of(), Path.of("").toAbsolutePath()));
		assertThat(code).as(err.toString()).isZero();
		assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo(ASCII);
	}

	/**
	 * The README's picture ({@code docs/images/sample-graph.svg}) is what {@code migrate graph}
	 * draws today; {@code -Dmigrate.docs.update=true} rewrites it when the drawing changes.
	 */
	@Test
	void readmePictureIsUpToDate() throws Exception {
		Path committed = Path.of("..", "docs", "images", "sample-graph.svg");
		Path drawn = Path.of("target", "sample-graph.svg");
		StringWriter err = new StringWriter();
		int code = MigrateCli.execute(new String[] { "--script-location", MigrateConfig.DEFAULT_LOCATION, "--classpath",
				"target/classes", "graph", "-o", drawn.toString() }, new PrintWriter(new StringWriter(), true),
				new PrintWriter(err, true), new MigrateCli.CliEnvironment(Map.of(), Path.of("").toAbsolutePath()));
		assertThat(code).as(err.toString()).isZero();
		String svg = Files.readString(drawn);
		if (Boolean.getBoolean("migrate.docs.update")) {
			Files.writeString(committed, svg);
		}
		assertThat(Files.readString(committed)).as("docs/images/sample-graph.svg is stale: run this test with "
				+ "-Dmigrate.docs.update=true, or the README's migrate graph command").isEqualTo(svg);
	}

	@Test
	void boxDrawingLanesWithTheDatabaseOnOneBranch() {
		String drawing = new LaneRenderer(LaneRenderer.Charset.UNICODE, null).render(picture(List.of("a8f04c6e2d88")));
		assertThat(drawing).isEqualTo("""
			○ f0a3c7d91edd (head), index orders.user_id concurrently
			○   2b8e6f0c4acc, merge orders and users branches
			│╲
			○ │ 1e6b7d3f9c99, create order_items
			◉ │ a8f04c6e2d88 (current), add orders.user_id with its foreign key
			● │ 5d2e8f1a3b77, create orders table
			│ ○ d7f2b9a4e1bb, lower-case all e-mail addresses
			│ ○ 6c1a5e8b0daa, add users.status and fill it
			│╱
			● 94c3d0e6a166, unique index on users.email
			● e2a71b4c8f55, rename users.name to full_name
			● 0b9f3e7c6d44, remove users.legacy_field
			● c5d8e1f20a33, add users.phone
			● 7a4e9c1d2b22, add products table
			● 3f1c2a9b0d11, create companies and users
			""");
	}

	@Test
	void boxDrawingLanesWithTheDatabaseOnBothBranches() {
		String drawing = new LaneRenderer(LaneRenderer.Charset.UNICODE, null).render(picture(List.of("1e6b7d3f9c99", "6c1a5e8b0daa")));
		assertThat(drawing).isEqualTo("""
			○ f0a3c7d91edd (head), index orders.user_id concurrently
			○   2b8e6f0c4acc, merge orders and users branches
			│╲
			◉ │ 1e6b7d3f9c99 (current), create order_items
			● │ a8f04c6e2d88, add orders.user_id with its foreign key
			● │ 5d2e8f1a3b77, create orders table
			│ ○ d7f2b9a4e1bb, lower-case all e-mail addresses
			│ ◉ 6c1a5e8b0daa (current), add users.status and fill it
			│╱
			● 94c3d0e6a166, unique index on users.email
			● e2a71b4c8f55, rename users.name to full_name
			● 0b9f3e7c6d44, remove users.legacy_field
			● c5d8e1f20a33, add users.phone
			● 7a4e9c1d2b22, add products table
			● 3f1c2a9b0d11, create companies and users
			""");
	}

}
