package dev.migrate.graph.render;

import java.util.List;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LaneRendererTests {

	@Test
	void dotAndMermaidNameEveryRevisionAndEdge() {
		RevisionPicture picture = RevisionPicture.of(RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"))), null, null);
		assertThat(new DotWriter().write(picture)).startsWith("digraph migrations {")
			.contains("\"a\" -> \"b\";", "\"a\" -> \"c\";", "\"b\" -> \"m\";", "\"c\" -> \"m\";")
			.contains("\"m\" [label=\"m\", penwidth=2];");
		assertThat(new MermaidWriter().write(picture)).startsWith("flowchart TB")
			.contains("r_a --> r_b", "r_a --> r_c", "r_b --> r_m", "r_c --> r_m");
	}


	static RevisionNode rev(String id, List<String> down, List<String> labels, List<String> deps) {
		return new RevisionNode(id, down, labels, deps);
	}

	static RevisionNode rev(String id, String... down) {
		return rev(id, List.of(down), List.of(), List.of());
	}

	static String ascii(List<RevisionNode> revisions, List<String> current) {
		RevisionGraph graph = RevisionGraph.of(revisions);
		RevisionPicture picture = RevisionPicture.of(graph, null, current);
		return new LaneRenderer(LaneRenderer.Charset.ASCII, null).render(picture);
	}

	@Test
	void linear() {
		assertThat(ascii(List.of(rev("a"), rev("b", "a"), rev("c", "b")), null)).isEqualTo("* c (head)\n* b\n* a\n");
	}

	@Test
	void branched() {
		assertThat(ascii(List.of(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b")), null)).isEqualTo("* c (head)\n| * d (head)\n|/\n* b\n* a\n");
	}

	@Test
	void merged() {
		assertThat(ascii(List.of(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("m", "c", "d")), List.of("c"))).isEqualTo("o   m (head)\n|\\\n@ | c (current)\n| o d\n|/\n* b\n* a\n");
	}

	@Test
	void multiBase() {
		assertThat(ascii(List.of(rev("a"), rev("b", "a"), rev("x", List.of(), List.of("other"), List.of()), rev("y", "x")), null)).isEqualTo("* b (head)\n* a\n* y (head)\n* x (other)\n");
	}

	@Test
	void dependency() {
		assertThat(ascii(List.of(rev("a"), rev("b", "a"), rev("x", List.of(), List.of("other"), List.of()), rev("y", List.of("x"), List.of(), List.of("b"))), null)).isEqualTo("* y (head) (depends on b)\n* x (other)\n* b (head)\n* a\n");
	}

}
