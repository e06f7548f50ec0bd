package dev.migrate.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.command.MigrateConfig;
import dev.migrate.command.Migrator;
import dev.migrate.command.StepResult;
import dev.migrate.command.TenantListener;
import dev.migrate.command.TenantMigrator;
import dev.migrate.command.TenantReport;
import dev.migrate.command.TenantResult;

/**
 * {@code --schemas}, {@code --schemas-from-query} and {@code --parallelism} of upgrade, downgrade,
 * stamp, current and check: the command runs once per tenant schema (each with its own version
 * table and lock), a line per tenant as it ends, then a summary; {@code --json} prints one object
 * with every tenant. Any tenant failing makes the exit code 1.
 */
final class TenantOptions {

	// the options are global ones (MigrateCli, inherited by every command): read through the settings
	/** Whether tenants are configured (options, environment or file). */
	boolean active(CliContext context) {
		return value(context, "schemas") != null || value(context, "schemas-from-query") != null;
	}

	private static String value(CliContext context, String key) {
		String configured = context.settings().get(key);
		return (configured != null && !configured.isBlank()) ? configured : null;
	}

	/** The tenant schemas: the list, or the query's first column (read before anything is written). */
	List<String> schemas(CliContext context) {
		String list = value(context, "schemas");
		String query = value(context, "schemas-from-query");
		if (list != null && query != null) {
			throw new ConfigurationException("Use either schemas or schemas-from-query, not both");
		}
		if (context.settings().get("schema") != null) {
			throw new ConfigurationException("schema and schemas are exclusive: with tenant schemas each tenant's "
					+ "version table is in its own schema (remove schema, from " + context.settings().origin("schema") + ")");
		}
		if (list != null) {
			return Settings.split(list, false);
		}
		List<String> names = new ArrayList<>();
		try (Connection connection = context.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(query)) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (name != null && !name.isBlank()) {
					names.add(name.strip());
				}
			}
		}
		catch (SQLException ex) {
			throw new ConfigurationException("schemas-from-query failed: " + CliContext.oneLine(ex.getMessage()), ex);
		}
		return names;
	}

	int parallelism(CliContext context) {
		String value = value(context, "parallelism");
		if (value == null) {
			return TenantMigrator.DEFAULT_PARALLELISM;
		}
		try {
			int n = Integer.parseInt(value.strip());
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// below
		}
		throw new ConfigurationException("Invalid parallelism '" + value + "' (parallelism): use a whole number of at least 1");
	}

	/**
	 * Runs {@code work} over every tenant, printing a line per tenant (text) or the whole report at
	 * the end ({@code --json}), then the summary; throws when a tenant failed. Writes print each
	 * tenant's line as it ends, {@code [done/total]} first; reads print them in the tenants' order
	 * once all are read.
	 * @param lineOf the text line of one tenant's result (after {@code "<tenant>: "})
	 * @param failedOf whether a result counts as failed for the exit code (a failure, or for check: not up to date)
	 */
	void run(CliContext context, String command, Function<TenantMigrator, TenantReport> work,
			Function<TenantResult, String> lineOf, Function<TenantResult, Boolean> failedOf) {
		boolean progress = !command.equals("current") && !command.equals("check");
		List<String> names = schemas(context);
		if (names.isEmpty()) {
			if (context.json()) {
				AbstractCommand.printJson(context, json(command, List.of(), Duration.ZERO, failedOf));
			}
			else {
				context.println("No tenant schemas: schemas-from-query returned no rows.");
			}
			return;
		}
		int parallelism = parallelism(context);
		MigrateConfig config = context.config(true);
		Migrator migrator = Migrator.create(config);
		TenantMigrator tenants = TenantMigrator.builder(migrator)
			.schemas(names)
			.parallelism(parallelism)
			.listener(new TenantListener() {
				@Override
				public void finished(TenantResult result, int done, int total) {
					if (progress && !context.json()) {
						synchronized (context) {
							context.println("[" + done + "/" + total + "] " + result.tenant() + ": " + lineOf.apply(result));
						}
					}
				}
			})
			.build();
		TenantReport report = work.apply(tenants);
		List<String> failed = report.results().stream().filter(failedOf::apply).map(TenantResult::tenant).toList();
		String summary = command + ": " + report.results().size() + " tenants, " + (report.results().size() - failed.size())
				+ " ok, " + failed.size() + " failed" + (failed.isEmpty() ? "" : " (" + TenantReport.names(failed, 10) + ")")
				+ " in " + ProgressListener.millis(report.duration()) + " (parallelism " + parallelism + ")";
		if (context.json()) {
			AbstractCommand.printJson(context, json(command, report.results(), report.duration(), failedOf));
		}
		else {
			if (!progress) {
				report.results().forEach((r) -> context.println(r.tenant() + ": " + lineOf.apply(r)));
			}
			context.println(summary + ".");
		}
		if (!failed.isEmpty()) {
			throw new TenantsFailedException(summary);
		}
	}

	private static Map<String, Object> json(String command, List<TenantResult> results, Duration duration,
			Function<TenantResult, Boolean> failedOf) {
		Map<String, Object> json = new LinkedHashMap<>();
		long failed = results.stream().filter(failedOf::apply).count();
		json.put("command", command);
		json.put("ok", failed == 0);
		json.put("total", results.size());
		json.put("failed", failed);
		json.put("durationMs", duration.toMillis());
		List<Map<String, Object>> tenants = new ArrayList<>();
		for (TenantResult r : results) {
			Map<String, Object> t = new LinkedHashMap<>();
			t.put("tenant", r.tenant());
			t.put("ok", !failedOf.apply(r));
			if (r.status() != null) {
				t.put("current", r.status().current());
				t.put("pending", r.status().pending());
				t.put("unknown", r.status().unknown());
				t.put("upToDate", r.status().upToDate());
			}
			else {
				t.put("from", r.from());
				t.put("to", r.to());
				List<Map<String, Object>> steps = new ArrayList<>();
				for (StepResult s : r.steps()) {
					Map<String, Object> step = new LinkedHashMap<>();
					step.put("revision", s.revision());
					step.put("upgrade", s.upgrade());
					step.put("message", s.message());
					step.put("durationMs", s.duration().toMillis());
					steps.add(step);
				}
				t.put("steps", steps);
			}
			t.put("durationMs", r.duration().toMillis());
			t.put("error", r.error());
			tenants.add(t);
		}
		json.put("tenants", tenants);
		return json;
	}

	/** {@code t03} / {@code t01, t02} / {@code <base>}; {@code ?} when unknown. */
	static String revisions(List<String> revisions) {
		if (revisions == null) {
			return "?";
		}
		return revisions.isEmpty() ? "<base>" : String.join(", ", revisions);
	}

	/** The line of a tenant's upgrade, downgrade or stamp. */
	static String moveLine(TenantResult r, String verb) {
		if (r.failed()) {
			return "FAILED at " + revisions(r.to()) + " after " + r.steps().size() + " step" + ((r.steps().size() == 1) ? "" : "s")
					+ ": " + r.error();
		}
		if (r.steps().isEmpty()) {
			return "nothing to do, at " + revisions(r.to());
		}
		int n = r.steps().size();
		return verb + " " + revisions(r.from()) + " -> " + revisions(r.to()) + ": " + n + " step" + ((n == 1) ? "" : "s")
				+ " in " + ProgressListener.millis(r.duration());
	}

	/** The line of a tenant's current/check. */
	static String statusLine(TenantResult r) {
		if (r.failed()) {
			return "FAILED: " + r.error();
		}
		var s = r.status();
		if (!s.unknown().isEmpty()) {
			return revisions(s.current()) + " (unknown to the revisions: " + String.join(", ", s.unknown()) + ")";
		}
		if (s.pending().isEmpty()) {
			return revisions(s.current()) + " (head)";
		}
		return revisions(s.current()) + " (" + s.pending().size() + " pending: " + String.join(", ", s.pending()) + ")";
	}

	static void rejectSql(boolean sql) {
		if (sql) {
			throw new MigrateException("--sql cannot be combined with tenant schemas (schemas, schemas-from-query)");
		}
	}

}
