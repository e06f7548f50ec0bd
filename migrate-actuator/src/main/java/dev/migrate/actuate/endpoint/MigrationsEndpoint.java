package dev.migrate.actuate.endpoint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.autoconfigure.MigrateTenants;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.command.Status;
import dev.migrate.command.TenantReport;
import dev.migrate.command.TenantResult;
import dev.migrate.runtime.LogTable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/migrations}: where every database stands against the code, per application
 * context and migration bean, shaped like Spring Boot's Flyway endpoint. Read-only: each request
 * reads the version table (and the log table when enabled) once per bean, never reloads the
 * revisions and never takes the migration lock. No connection details appear in the output.
 */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

	private final ApplicationContext context;

	/**
	 * Creates the endpoint.
	 * @param context the context whose (and whose parents') migration beans are reported
	 */
	public MigrationsEndpoint(ApplicationContext context) {
		this.context = context;
	}

	/** Every migration bean of this context and its parents. */
	@ReadOperation
	public MigrationsDescriptor migrations() {
		Map<String, ContextMigrationsDescriptor> contexts = new LinkedHashMap<>();
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, MigratorDescriptor> beans = new LinkedHashMap<>();
			Map<String, MigrateTenants> tenants = target.getBeansOfType(MigrateTenants.class, false, false);
			target.getBeansOfType(Migrator.class, false, false)
				.forEach((name, migrator) -> beans.put(name, describe(migrator, tenants)));
			ApplicationContext parent = target.getParent();
			contexts.put(target.getId(), new ContextMigrationsDescriptor(beans, (parent != null) ? parent.getId() : null));
			target = parent;
		}
		return new MigrationsDescriptor(contexts);
	}

	/** One migration bean by name, or null (404) when there is none. */
	@ReadOperation
	public MigratorDescriptor migrator(@Selector String name) {
		ApplicationContext target = this.context;
		while (target != null) {
			Map<String, Migrator> beans = target.getBeansOfType(Migrator.class, false, false);
			Migrator migrator = beans.get(name);
			if (migrator != null) {
				return describe(migrator, target.getBeansOfType(MigrateTenants.class, false, false));
			}
			target = target.getParent();
		}
		return null;
	}

	private MigratorDescriptor describe(Migrator migrator, Map<String, MigrateTenants> tenantBeans) {
		List<RevisionInfo> revisions = migrator.history(null);
		List<String> heads = migrator.heads().stream().map(RevisionInfo::id).toList();
		MigrateTenants tenants = tenantBeans.values().stream().filter((t) -> t.migrator() == migrator).findFirst().orElse(null);
		if (tenants != null) {
			return describeTenants(tenants, heads, revisions);
		}
		Status status;
		try {
			status = migrator.status();
		}
		catch (RuntimeException ex) {
			return new MigratorDescriptor(null, heads, false, null, null, history(revisions, null), null,
					"Cannot read the version table: " + ex.getMessage(), null, null, null);
		}
		List<MigrationLogEntryDescriptor> log = null;
		String error = null;
		if (migrator.config().logTable() != null) {
			try {
				log = log(migrator.log());
			}
			catch (RuntimeException ex) {
				error = "Cannot read the log table: " + ex.getMessage();
			}
		}
		return new MigratorDescriptor(status.current(), status.heads(), status.upToDate(), status.pending(),
				status.unknown(), history(revisions, status), log, error, lint(migrator, status), changed(migrator, status),
				null);
	}

	/** Applied revisions edited since they were applied (checksums); empty when none, null when they cannot be read. */
	private static List<ChangedRevisionDescriptor> changed(Migrator migrator, Status status) {
		if (status.current().isEmpty()) {
			return List.of();
		}
		try {
			return migrator.checksums()
				.changed()
				.stream()
				.map((c) -> new ChangedRevisionDescriptor(c.revision(), c.source(), c.recorded(), c.current()))
				.toList();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Tenants listed one by one up to this many; past it, only those not at head (as many) with counts. */
	static final int TENANT_DETAIL_LIMIT = 50;

	/**
	 * A migration bean with tenants: the revisions (without a state: each tenant has its own), and
	 * every tenant's current and pending revisions, summarised when there are many.
	 */
	private MigratorDescriptor describeTenants(MigrateTenants tenants, List<String> heads, List<RevisionInfo> revisions) {
		TenantReport report;
		try {
			report = tenants.status();
		}
		catch (RuntimeException ex) {
			return new MigratorDescriptor(null, heads, false, null, null, history(revisions, null), null,
					"Cannot read the tenants: " + ex.getMessage(), null, null, null);
		}
		TenantsDescriptor descriptor = tenantsDescriptor(report);
		return new MigratorDescriptor(null, heads, descriptor.upToDate() == descriptor.total(), null, null,
				history(revisions, null), null, null, null, null, descriptor);
	}

	static TenantsDescriptor tenantsDescriptor(TenantReport report) {
		List<TenantResult> results = report.results();
		int upToDate = 0;
		int pending = 0;
		int failed = 0;
		for (TenantResult r : results) {
			if (r.failed()) {
				failed++;
			}
			else if (r.upToDate()) {
				upToDate++;
			}
			else {
				pending++;
			}
		}
		boolean all = results.size() <= TENANT_DETAIL_LIMIT;
		Map<String, TenantDescriptor> listed = new LinkedHashMap<>();
		for (TenantResult r : results) {
			if (listed.size() == TENANT_DETAIL_LIMIT) {
				break;
			}
			if (all || r.failed() || !r.upToDate()) {
				listed.put(r.tenant(), r.failed() ? new TenantDescriptor(null, null, null, false, r.error())
						: new TenantDescriptor(r.status().current(), r.status().pending(), r.status().unknown(),
								r.upToDate(), null));
			}
		}
		return new TenantsDescriptor(results.size(), upToDate, pending, failed, listed, results.size() - listed.size());
	}

	/** The lint findings of the pending revisions (suppressed ones with how); empty at head, null when lint fails. */
	private static List<LintFindingDescriptor> lint(Migrator migrator, Status status) {
		if (status.pending().isEmpty()) {
			return List.of();
		}
		try {
			dev.migrate.lint.LintReport report = migrator.lint(null, null);
			List<LintFindingDescriptor> out = new ArrayList<>();
			java.util.stream.Stream.concat(report.findings().stream(), report.suppressed().stream())
				.forEach((f) -> out.add(new LintFindingDescriptor(f.rule(), f.severity().label(), f.revision(), f.file(),
						f.line(), f.problem(), f.fix(), f.suppressedBy())));
			return out;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static List<MigrationLogEntryDescriptor> log(List<LogTable.Entry> entries) {
		List<MigrationLogEntryDescriptor> out = new ArrayList<>(entries.size());
		for (int i = entries.size() - 1; i >= 0; i--) {
			LogTable.Entry entry = entries.get(i);
			out.add(new MigrationLogEntryDescriptor(entry.revision(), entry.direction(), entry.startedAt(),
					entry.durationMs(), entry.success() ? "success" : "failure"));
		}
		return out;
	}

	private static List<RevisionDescriptor> history(List<RevisionInfo> revisions, Status status) {
		Set<String> current = (status != null) ? new HashSet<>(status.current()) : Set.of();
		Set<String> pending = (status != null) ? new HashSet<>(status.pending()) : Set.of();
		List<RevisionDescriptor> out = new ArrayList<>(revisions.size());
		for (RevisionInfo r : revisions) {
			String state = (status == null) ? null
					: current.contains(r.id()) ? "current" : pending.contains(r.id()) ? "pending" : "applied";
			out.add(new RevisionDescriptor(r.id(), r.downRevisions(), r.message(), List.copyOf(r.branchLabels()),
					r.dependsOn(), r.createDate(), r.kind(), r.source(), state, r.head(), r.base(), r.branchPoint(),
					r.mergePoint()));
		}
		return out;
	}

	/**
	 * The migration beans of every context.
	 *
	 * @param contexts by context id
	 */
	public record MigrationsDescriptor(Map<String, ContextMigrationsDescriptor> contexts)
			implements OperationResponseBody {
	}

	/**
	 * The migration beans of one context.
	 *
	 * @param migrations by bean name
	 * @param parentId id of the parent context, or null
	 */
	public record ContextMigrationsDescriptor(Map<String, MigratorDescriptor> migrations, String parentId) {
	}

	/**
	 * One migration bean.
	 *
	 * @param current version rows in the database (null when they cannot be read)
	 * @param heads heads of the revision graph
	 * @param upToDate whether the database is at head
	 * @param pending revisions an upgrade to heads would run, in order
	 * @param unknown version rows the code does not know (the database is ahead of the code)
	 * @param history every revision, newest first
	 * @param log steps run, newest first, when the log table is enabled
	 * @param error why the database could not be read, or null
	 * @param lint {@code migrate lint} findings of the pending revisions (empty at head; null when the database cannot be read)
	 * @param changedRevisions applied revisions edited after they were applied (their checksum differs
	 * from the recorded one; {@code migrate repair} accepts an edit); empty when none, null when the
	 * database cannot be read
	 * @param tenants with {@code migrate.tenants}: every tenant's state (current, pending, unknown and
	 * history state are then null, as each tenant has its own), else null
	 */
	public record MigratorDescriptor(List<String> current, List<String> heads, boolean upToDate, List<String> pending,
			List<String> unknown, List<RevisionDescriptor> history, List<MigrationLogEntryDescriptor> log,
			String error, List<LintFindingDescriptor> lint, List<ChangedRevisionDescriptor> changedRevisions,
			TenantsDescriptor tenants) implements OperationResponseBody {
	}

	/**
	 * An applied revision edited after it was applied.
	 *
	 * @param id revision id
	 * @param source its file or class
	 * @param recordedChecksum the checksum recorded when it was applied (or accepted)
	 * @param currentChecksum its checksum now
	 */
	public record ChangedRevisionDescriptor(String id, String source, String recordedChecksum, String currentChecksum) {
	}

	/**
	 * The tenants of a migration bean.
	 *
	 * @param total how many tenants there are
	 * @param upToDate how many are at head
	 * @param pending how many have pending revisions (or unknown rows)
	 * @param failed how many could not be read
	 * @param tenants by name: every tenant when there are at most 50, else only those not at head (at most 50)
	 * @param omitted tenants not listed
	 */
	public record TenantsDescriptor(int total, int upToDate, int pending, int failed, Map<String, TenantDescriptor> tenants,
			int omitted) {
	}

	/**
	 * One tenant.
	 *
	 * @param current its version rows (null when it cannot be read)
	 * @param pending revisions an upgrade to heads would run
	 * @param unknown version rows the code does not know
	 * @param upToDate whether it is at head
	 * @param error why it could not be read, or null
	 */
	public record TenantDescriptor(List<String> current, List<String> pending, List<String> unknown, boolean upToDate,
			String error) {
	}

	/**
	 * A lint finding of a pending revision.
	 *
	 * @param rule rule id
	 * @param severity {@code error} or {@code warning}
	 * @param revision revision id
	 * @param file SQL file or Java source file
	 * @param line line of the statement or operation, 0 when unknown
	 * @param problem what the rule found
	 * @param fix the safe way to write it
	 * @param suppressedBy how it was suppressed ({@code -- migrate:allow ...}, {@code op.allow(...)}), or null
	 */
	public record LintFindingDescriptor(String rule, String severity, String revision, String file, int line,
			String problem, String fix, String suppressedBy) {
	}

	/**
	 * One revision.
	 *
	 * @param id revision id
	 * @param downRevisions its down revisions
	 * @param message its message
	 * @param branchLabels its branch labels
	 * @param dependsOn its dependencies
	 * @param createDate its create date, or null
	 * @param kind {@code java} or {@code sql}
	 * @param source file name or class name
	 * @param state {@code applied}, {@code current} or {@code pending}
	 * @param head whether it is a head
	 * @param base whether it is a base
	 * @param branchPoint whether several revisions descend from it
	 * @param mergePoint whether it merges several revisions
	 */
	public record RevisionDescriptor(String id, List<String> downRevisions, String message, List<String> branchLabels,
			List<String> dependsOn, String createDate, String kind, String source, String state, boolean head,
			boolean base, boolean branchPoint, boolean mergePoint) {
	}

	/**
	 * One step run.
	 *
	 * @param revision revision id
	 * @param direction {@code upgrade}, {@code downgrade} or {@code stamp}
	 * @param startedAt when it started
	 * @param durationMs how long it took, in milliseconds
	 * @param outcome {@code success} or {@code failure}
	 */
	public record MigrationLogEntryDescriptor(String revision, String direction, java.time.Instant startedAt,
			long durationMs, String outcome) {
	}

}
