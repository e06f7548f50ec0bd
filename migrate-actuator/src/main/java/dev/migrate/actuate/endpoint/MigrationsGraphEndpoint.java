package dev.migrate.actuate.endpoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.actuate.endpoint.MigrationsPage.Database;
import dev.migrate.command.Migrator;
import dev.migrate.command.RevisionInfo;
import dev.migrate.command.Status;
import dev.migrate.graph.render.RevisionPicture;
import dev.migrate.runtime.LogTable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/migrationsgraph}: one self-contained HTML page for operators with every
 * database's (every migration bean's) revision graph, applied, current and pending revisions
 * styled, and the steps run from the log table when it is enabled. Inline CSS and SVG only, no
 * script; every text from revisions, beans and the database is escaped.
 * <p>
 * A web endpoint of its own, so the usual exposure and security rules apply to it
 * ({@code management.endpoints.web.exposure.include}, {@code EndpointRequest.to("migrationsgraph")}),
 * and off by default: its default access is {@link Access#NONE}, so it exists only where
 * {@code management.endpoint.migrationsgraph.access=read-only} (or a default access for all
 * endpoints) allows it and it is exposed. Reads like {@link MigrationsEndpoint}: the version
 * table (and log table) once per bean per request, never the migration lock.
 */
@WebEndpoint(id = "migrationsgraph", defaultAccess = Access.NONE)
public class MigrationsGraphEndpoint {

	private final ApplicationContext context;

	/**
	 * Creates the endpoint.
	 * @param context the context whose (and whose parents') migration beans are shown
	 */
	public MigrationsGraphEndpoint(ApplicationContext context) {
		this.context = context;
	}

	/** The page. */
	@ReadOperation(produces = "text/html;charset=UTF-8")
	public String page() {
		List<Database> databases = new ArrayList<>();
		ApplicationContext target = this.context;
		while (target != null) {
			String contextId = target.getId();
			target.getBeansOfType(Migrator.class, false, false)
				.forEach((name, migrator) -> databases.add(database(contextId, name, migrator)));
			target = target.getParent();
		}
		return new MigrationsPage(Instant.now()).write(databases);
	}

	private static Database database(String contextId, String bean, Migrator migrator) {
		List<RevisionInfo> revisions = migrator.history(null);
		Map<String, String> messages = new HashMap<>();
		revisions.forEach((r) -> messages.put(r.id(), r.message()));
		Status status = null;
		String error = null;
		try {
			status = migrator.status();
		}
		catch (RuntimeException ex) {
			error = "Cannot read the version table: " + ex.getMessage();
		}
		RevisionPicture picture = RevisionPicture.of(migrator.graph(), messages::get,
				(status != null) ? status.current() : null);
		List<LogTable.Entry> log = null;
		boolean logEnabled = migrator.config().logTable() != null;
		if (logEnabled && status != null) {
			try {
				log = migrator.log();
			}
			catch (RuntimeException ex) {
				error = "Cannot read the log table: " + ex.getMessage();
			}
		}
		return new Database(contextId, bean, picture, revisions, status, logEnabled, log, error);
	}

}
