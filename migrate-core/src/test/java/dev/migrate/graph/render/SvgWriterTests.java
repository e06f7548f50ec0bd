package dev.migrate.graph.render;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.migrate.graph.RevisionGraph;
import dev.migrate.graph.RevisionNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

class SvgWriterTests {

	private static RevisionNode rev(String id, List<String> down, List<String> labels, List<String> deps) {
		return new RevisionNode(id, down, labels, deps);
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> withClass(Document doc, String tag, String cls) {
		List<Element> out = new ArrayList<>();
		NodeList list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
		for (int i = 0; i < list.getLength(); i++) {
			Element e = (Element) list.item(i);
			if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
				out.add(e);
			}
		}
		return out;
	}

	@Test
	void oneNodePerRevisionAndOneEdgePerDownRevisionOrDependency() throws Exception {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a", List.of(), List.of(), List.of()),
				rev("b", List.of("a"), List.of(), List.of()), rev("c", List.of("a"), List.of(), List.of()),
				rev("m", List.of("b", "c"), List.of(), List.of()),
				rev("x", List.of(), List.of("other & <more>"), List.of()),
				rev("y", List.of("x"), List.of(), List.of("b"))));
		String svg = new SvgWriter().write(RevisionPicture.of(graph, null, List.of("b", "x")));
		Document doc = parse(svg);
		assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
		List<Element> nodes = withClass(doc, "g", "revision");
		assertThat(nodes).extracting((e) -> e.getAttribute("data-revision"))
			.containsExactlyInAnyOrder("a", "b", "c", "m", "x", "y");
		List<Element> edges = withClass(doc, "path", "edge");
		assertThat(edges).extracting((e) -> e.getAttribute("data-from") + "->" + e.getAttribute("data-to"))
			.containsExactlyInAnyOrder("a->b", "a->c", "b->m", "c->m", "x->y", "b->y");
		assertThat(withClass(doc, "path", "dependency")).extracting((e) -> e.getAttribute("data-from") + "->" + e.getAttribute("data-to"))
			.containsExactly("b->y");
		assertThat(withClass(doc, "g", "current")).extracting((e) -> e.getAttribute("data-revision"))
			.containsExactlyInAnyOrder("b", "x");
		assertThat(withClass(doc, "g", "applied")).extracting((e) -> e.getAttribute("data-revision"))
			.containsExactly("a");
		assertThat(withClass(doc, "g", "pending")).extracting((e) -> e.getAttribute("data-revision"))
			.containsExactlyInAnyOrder("c", "m", "y");
		assertThat(svg).contains("other &amp; &lt;more&gt;");
	}

	@Test
	void withoutDatabaseNoStateClasses() throws Exception {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a", List.of(), List.of(), List.of()),
				rev("b", List.of("a"), List.of(), List.of())));
		Document doc = parse(new SvgWriter().write(RevisionPicture.of(graph, null, null)));
		assertThat(withClass(doc, "g", "revision")).hasSize(2);
		assertThat(withClass(doc, "g", "applied")).isEmpty();
		assertThat(withClass(doc, "g", "pending")).isEmpty();
		assertThat(withClass(doc, "path", "edge")).hasSize(1);
	}

	@Test
	void newerRevisionsAreDrawnAboveOlder() throws Exception {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a", List.of(), List.of(), List.of()),
				rev("b", List.of("a"), List.of(), List.of())));
		Document doc = parse(new SvgWriter().write(RevisionPicture.of(graph, null, null)));
		List<Element> nodes = withClass(doc, "g", "revision");
		double ya = 0;
		double yb = 0;
		for (Element g : nodes) {
			double y = Double.parseDouble(((Element) g.getElementsByTagNameNS("*", "rect").item(0)).getAttribute("y"));
			if (g.getAttribute("data-revision").equals("a")) {
				ya = y;
			}
			else {
				yb = y;
			}
		}
		assertThat(yb).isLessThan(ya);
	}

	private static String text(Element g, String cls) {
		NodeList texts = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
		for (int i = 0; i < texts.getLength(); i++) {
			Element t = (Element) texts.item(i);
			if (t.getAttribute("class").equals(cls)) {
				return t.getTextContent();
			}
		}
		return null;
	}

	private static Element node(Document doc, String id) {
		return withClass(doc, "g", "revision").stream()
			.filter((e) -> e.getAttribute("data-revision").equals(id))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void messagesAreShownUnderTheIdShortenedAndEscaped() throws Exception {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a", List.of(), List.of(), List.of()),
				rev("b", List.of("a"), List.of(), List.of()), rev("c", List.of("b"), List.of(), List.of())));
		java.util.Map<String, String> messages = java.util.Map.of("a", "create <users> & \"roles\"", "b",
				"a very long message that goes on\nover two lines and more", "c", "");
		String svg = new SvgWriter().write(RevisionPicture.of(graph, messages::get, null));
		Document doc = parse(svg);
		assertThat(text(node(doc, "a"), "id")).isEqualTo("a");
		assertThat(text(node(doc, "a"), "message")).isEqualTo("create <users> & \"roles\"");
		assertThat(svg).contains("create &lt;users&gt; &amp; &quot;roles&quot;");
		String cut = text(node(doc, "b"), "message");
		assertThat(cut).hasSize(SvgWriter.MESSAGE_CHARS).endsWith("…").startsWith("a very long message that");
		assertThat(cut).doesNotContain("\n");
		// the whole message stays in the tooltip
		assertThat(node(doc, "b").getElementsByTagNameNS("*", "title").item(0).getTextContent())
			.contains("a very long message that goes on over two lines and more");
		assertThat(text(node(doc, "c"), "message")).isNull();
		assertThat(text(node(doc, "c"), "labels")).isEqualTo("head");
	}

	@Test
	void controlCharactersInAMessageStillGiveWellFormedXml() throws Exception {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a", List.of(), List.of(), List.of())));
		String svg = new SvgWriter().write(RevisionPicture.of(graph, (id) -> "bell\u0007 and \uD83D\uDE00 emoji", null));
		Document doc = parse(svg);
		assertThat(text(node(doc, "a"), "message")).isEqualTo("bell\uFFFD and \uD83D\uDE00 emoji");
	}

	@Test
	void aCutNeverSplitsASurrogatePair() {
		String s = "x".repeat(SvgWriter.MESSAGE_CHARS - 2) + "\uD83D\uDE00\uD83D\uDE00tail";
		String cut = SvgWriter.shorten(s, SvgWriter.MESSAGE_CHARS);
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(SvgWriter.MESSAGE_CHARS);
		assertThat(cut).endsWith("\uD83D\uDE00…");
	}

	@Test
	void idPrefixKeepsTheMarkerIdsOfSeveralPicturesApart() throws Exception {
		RevisionGraph graph = RevisionGraph.of(List.of(rev("a", List.of(), List.of(), List.of()),
				rev("b", List.of("a"), List.of(), List.of())));
		String svg = new SvgWriter("db1-").write(RevisionPicture.of(graph, null, null));
		Document doc = parse(svg);
		assertThat(((Element) doc.getElementsByTagNameNS("*", "marker").item(0)).getAttribute("id")).isEqualTo("db1-arrow");
		assertThat(withClass(doc, "path", "edge").get(0).getAttribute("marker-end")).isEqualTo("url(#db1-arrow)");
		// the styles apply to this picture only, also when inlined in a page
		assertThat(doc.getElementsByTagNameNS("*", "style").item(0).getTextContent().lines())
			.allMatch((rule) -> rule.isBlank() || rule.startsWith("svg.migrate-graph "));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new SvgWriter("a\"b"))
			.withMessageContaining("a\"b");
	}

}
