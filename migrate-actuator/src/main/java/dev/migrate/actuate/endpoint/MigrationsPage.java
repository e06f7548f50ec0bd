package dev.migrate.actuate.endpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.migrate.command.RevisionInfo;
import dev.migrate.command.Status;
import dev.migrate.graph.render.RevisionPicture;
import dev.migrate.graph.render.SvgWriter;
import dev.migrate.runtime.LogTable;

/**
 * The HTML of {@link MigrationsGraphEndpoint}: one section per migration bean with its status, its
 * graph (the {@link SvgWriter} picture, inlined), the steps run and the revisions. Self-contained:
 * inline CSS and SVG, no script, and a Content-Security-Policy that allows nothing else, so a
 * revision message that escaped escaping still could not run or load anything.
 */
final class MigrationsPage {

	/** Nothing from outside, no script; inline styles (the page's and the pictures') only. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

	private static final String CSS = """
			body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#212121;background:#fafafa}
			h1{font-size:22px;margin:0 0 4px}
			h2{font-size:18px;margin:0 0 8px}
			h2 .context{font-weight:normal;color:#757575;font-size:14px}
			h3{font-size:14px;margin:18px 0 6px}
			.read{color:#757575;font-size:12px;margin:0 0 12px}
			.legend span.swatch{display:inline-block;width:14px;height:10px;margin:0 4px 0 12px;vertical-align:middle;border:1px solid}
			.legend .applied{background:#e6f4ea;border-color:#2e7d32}
			.legend .current{background:#2e7d32;border-color:#1b5e20}
			.legend .pending{background:#fff;border:1px dashed #9e9e9e}
			section.database{background:#fff;border:1px solid #ddd;border-radius:6px;padding:16px;margin:16px 0}
			dl.status{display:grid;grid-template-columns:max-content auto;gap:2px 12px;margin:0 0 8px;font-size:13px}
			dl.status dt{color:#757575}
			dl.status dd{margin:0;font-family:Menlo,Consolas,monospace}
			.uptodate{color:#2e7d32;font-weight:bold}
			.behind{color:#e65100;font-weight:bold}
			.ahead,.error{color:#b71c1c;font-weight:bold}
			.graph{overflow:auto;max-width:100%;border:1px solid #eee;background:#fff}
			table{border-collapse:collapse;font-size:12px}
			th,td{text-align:left;padding:3px 10px 3px 0;border-bottom:1px solid #eee;vertical-align:top}
			td.id,td.rev{font-family:Menlo,Consolas,monospace}
			td.failure{color:#b71c1c;font-weight:bold}
			td.success{color:#2e7d32}
			.none{color:#757575;font-size:12px}
			details{margin-top:14px;font-size:13px}
			summary{cursor:pointer}
			""";

	private final Instant readAt;

	MigrationsPage(Instant readAt) {
		this.readAt = readAt;
	}

	/**
	 * One migration bean.
	 *
	 * @param contextId its application context
	 * @param bean its bean name
	 * @param picture its graph, with states when the version table was read
	 * @param revisions every revision, newest first
	 * @param status where the database stands, or null when it could not be read
	 * @param logEnabled whether a log table is configured
	 * @param log the steps run, oldest first, or null when not read
	 * @param error why something could not be read, or null
	 */
	record Database(String contextId, String bean, RevisionPicture picture, List<RevisionInfo> revisions,
			Status status, boolean logEnabled, List<LogTable.Entry> log, String error) {
	}

	String write(List<Database> databases) {
		StringBuilder out = new StringBuilder(16384);
		out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
			.append(CONTENT_SECURITY_POLICY)
			.append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>Migrations</title>\n<style>\n")
			.append(CSS)
			.append("</style>\n</head>\n<body>\n<h1>Migrations</h1>\n");
		out.append("<p class=\"read\">Read at ").append(this.readAt.truncatedTo(ChronoUnit.SECONDS))
			.append(" &middot; ").append(databases.size()).append((databases.size() == 1) ? " database" : " databases")
			.append("</p>\n");
		out.append("<p class=\"legend\">Revisions:<span class=\"swatch applied\"></span>applied")
			.append("<span class=\"swatch current\"></span>current (a version row)")
			.append("<span class=\"swatch pending\"></span>pending &middot; dashed arrows: depends_on</p>\n");
		if (databases.isEmpty()) {
			out.append("<p class=\"none\">No migration beans.</p>\n");
		}
		for (int i = 0; i < databases.size(); i++) {
			section(out, "db" + i, databases.get(i));
		}
		out.append("</body>\n</html>\n");
		return out.toString();
	}

	private static void section(StringBuilder out, String id, Database db) {
		out.append("<section class=\"database\" id=\"").append(id).append("\" data-bean=\"").append(html(db.bean()))
			.append("\" data-context=\"").append(html(db.contextId())).append("\">\n");
		out.append("<h2>").append(html(db.bean())).append(" <span class=\"context\">context ")
			.append(html(db.contextId())).append("</span></h2>\n");
		Status status = db.status();
		out.append("<dl class=\"status\">\n");
		if (status != null) {
			definition(out, "current", ids(status.current(), "none (empty database)"));
			definition(out, "heads", ids(status.heads(), "none"));
			String state;
			if (!status.unknown().isEmpty()) {
				state = "<span class=\"ahead\">ahead of the code: " + html(String.join(", ", status.unknown()))
						+ " unknown</span>";
			}
			else if (status.upToDate()) {
				state = "<span class=\"uptodate\">up to date</span>";
			}
			else {
				int n = status.pending().size();
				state = "<span class=\"behind\">" + n + ((n == 1) ? " pending revision" : " pending revisions")
						+ "</span>";
			}
			definition(out, "state", state);
			if (!status.pending().isEmpty()) {
				definition(out, "pending", ids(status.pending(), ""));
			}
		}
		definition(out, "revisions", String.valueOf(db.revisions().size()));
		out.append("</dl>\n");
		if (db.error() != null) {
			out.append("<p class=\"error\">").append(html(db.error())).append("</p>\n");
		}
		out.append("<div class=\"graph\">\n").append(new SvgWriter(id + "-").write(db.picture())).append("</div>\n");
		log(out, db);
		revisions(out, db);
		out.append("</section>\n");
	}

	private static void log(StringBuilder out, Database db) {
		out.append("<h3>Steps run</h3>\n");
		if (!db.logEnabled()) {
			out.append("<p class=\"none\">No log table: set <code>migrate.log-table</code> to record every step.</p>\n");
			return;
		}
		if (db.log() == null) {
			out.append("<p class=\"none\">The log table could not be read.</p>\n");
			return;
		}
		if (db.log().isEmpty()) {
			out.append("<p class=\"none\">No steps recorded yet.</p>\n");
			return;
		}
		out.append("<table class=\"log\">\n<thead><tr><th>started</th><th>revision</th><th>direction</th>")
			.append("<th>duration</th><th>outcome</th><th>message</th></tr></thead>\n<tbody>\n");
		List<LogTable.Entry> entries = db.log();
		for (int i = entries.size() - 1; i >= 0; i--) {
			LogTable.Entry e = entries.get(i);
			RevisionPicture.Node node = db.picture().get(e.revision());
			out.append("<tr class=\"step\"><td>")
				.append((e.startedAt() != null) ? html(e.startedAt().truncatedTo(ChronoUnit.MILLIS).toString()) : "")
				.append("</td><td class=\"rev\">")
				.append(html(e.revision()))
				.append("</td><td>")
				.append(html(e.direction()))
				.append("</td><td>")
				.append(e.durationMs())
				.append(" ms</td><td class=\"")
				.append(e.success() ? "success\">success" : "failure\">failure")
				.append("</td><td>")
				.append((!e.success() && e.error() != null) ? html(e.error())
						: (node != null) ? html(node.message()) : "")
				.append("</td></tr>\n");
		}
		out.append("</tbody>\n</table>\n");
	}

	private static void revisions(StringBuilder out, Database db) {
		out.append("<details>\n<summary>Revisions, newest first</summary>\n<table class=\"revisions\">\n")
			.append("<thead><tr><th>id</th><th>state</th><th>message</th><th>down revisions</th>")
			.append("<th>labels</th><th>source</th></tr></thead>\n<tbody>\n");
		for (RevisionInfo r : db.revisions()) {
			RevisionPicture.Node node = db.picture().get(r.id());
			String state = (node == null || node.state() == RevisionPicture.State.UNKNOWN) ? ""
					: node.state().name().toLowerCase(java.util.Locale.ROOT);
			out.append("<tr><td class=\"id\">")
				.append(html(r.id()))
				.append("</td><td>")
				.append(state)
				.append("</td><td>")
				.append(html(r.message()))
				.append("</td><td class=\"id\">")
				.append(html(String.join(", ", r.downRevisions())))
				.append("</td><td>")
				.append(html(String.join(", ", r.branchLabels())))
				.append("</td><td>")
				.append(html(r.source()))
				.append("</td></tr>\n");
		}
		out.append("</tbody>\n</table>\n</details>\n");
	}

	private static void definition(StringBuilder out, String term, String valueHtml) {
		out.append("<dt>").append(term).append("</dt><dd>").append(valueHtml).append("</dd>\n");
	}

	private static String ids(List<String> ids, String none) {
		return ids.isEmpty() ? "<i>" + html(none) + "</i>" : html(String.join(", ", ids));
	}

	/** Text for HTML element content and quoted attribute values. */
	static String html(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(s.length() + 16);
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '<' -> sb.append("&lt;");
				case '>' -> sb.append("&gt;");
				case '&' -> sb.append("&amp;");
				case '"' -> sb.append("&quot;");
				case '\'' -> sb.append("&#39;");
				default -> sb.append((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? '\uFFFD' : c);
			}
		}
		return sb.toString();
	}

}
