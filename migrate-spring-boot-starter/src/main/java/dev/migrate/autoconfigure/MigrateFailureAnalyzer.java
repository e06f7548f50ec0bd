package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.ConfigurationException;
import dev.migrate.MigrateException;
import dev.migrate.command.DatabaseAheadException;
import dev.migrate.command.Status;
import dev.migrate.graph.MultipleHeadsException;
import dev.migrate.runtime.ChecksumMismatchException;
import dev.migrate.runtime.ChecksumReport;
import dev.migrate.runtime.LockTimeoutException;
import dev.migrate.runtime.MigrationFailedException;
import dev.migrate.runtime.UnversionedSchemaException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a Migrate failure at startup, matching on the exception type: what went wrong and
 * what to do about it.
 */
class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

	private static final String NL = System.lineSeparator();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
		if (cause instanceof MigrateLintException lint) {
			return lint(lint);
		}
		if (cause instanceof MigrateDriftException drift) {
			return drift(drift);
		}
		if (cause instanceof MigrateTenantsException tenants) {
			return tenants(tenants);
		}
		if (cause instanceof DatabaseNotAtHeadException notAtHead) {
			return notAtHead(notAtHead);
		}
		if (cause instanceof MigrationFailedException failed) {
			return failedRevision(failed);
		}
		if (cause instanceof MultipleHeadsException heads) {
			return multipleHeads(heads);
		}
		if (cause instanceof UnversionedSchemaException unversioned) {
			return UnversionedSchemaAnalysis.analyze(unversioned);
		}
		if (cause instanceof ChecksumMismatchException changed) {
			return changedRevisions(changed);
		}
		if (cause instanceof DatabaseAheadException ahead) {
			return databaseAhead(ahead);
		}
		if (cause instanceof LockTimeoutException) {
			return new FailureAnalysis("Migrate could not get the migration lock: " + cause.getMessage(),
					"Another instance is migrating this database (the holder is named above). Wait for it to finish, or "
							+ "raise migrate.lock-timeout. A holder that died loses a lease lock (H2, SQLite) after "
							+ "migrate.lock-lease; 'migrate unlock' shows the holder and 'migrate unlock --force' deletes a "
							+ "lease left behind. A PostgreSQL or MySQL lock belongs to a database session: end that session "
							+ "as the message says.",
					cause);
		}
		if (cause instanceof ConfigurationException) {
			return new FailureAnalysis("Migrate is misconfigured: " + cause.getMessage(),
					"Update the property named above in your application's configuration.", cause);
		}
		return new FailureAnalysis("Migrate failed: " + cause.getMessage(),
				"Fix the revision or database named above, then restart. The version table is left at the last"
						+ " revision that succeeded; `migrate current` shows it.",
				cause);
	}

	private FailureAnalysis failedRevision(MigrationFailedException ex) {
		StringBuilder description = new StringBuilder("Revision ").append(ex.revision())
			.append(" (")
			.append(ex.source())
			.append(") failed on ")
			.append(ex.upgrade() ? "upgrade" : "downgrade")
			.append('.')
			.append(NL)
			.append("    why: ")
			.append(ex.reason());
		if (ex.statement() != null) {
			description.append(NL).append("    statement: ").append(ex.statement());
		}
		String lastGood = ex.lastGoodHeads().isEmpty() ? "base" : String.join(", ", ex.lastGoodHeads());
		description.append(NL).append("    the version table is left at: ").append(lastGood);
		String action = ex.mayBeHalfApplied()
				? "This database cannot roll back DDL, so the revision may be half-applied. Check which of its"
						+ " statements ran, undo them (or finish them by hand and run `migrate stamp " + ex.revision()
						+ "`), fix " + ex.source() + ", then restart."
				: "The revision was rolled back. Fix " + ex.source()
						+ " (or the data it trips over), then restart; `migrate upgrade head --sql` shows the SQL it runs.";
		return new FailureAnalysis(description.toString(), action, ex);
	}

	private FailureAnalysis changedRevisions(ChecksumMismatchException ex) {
		StringBuilder description = new StringBuilder(
				"Applied revisions were edited after they were applied (migrate.validate-checksums=true); nothing was run:");
		for (ChecksumReport.Changed c : ex.changed()) {
			description.append(NL)
				.append("    - ")
				.append(c.describe())
				.append(": checksum recorded ")
				.append(c.recorded())
				.append(", now ")
				.append(c.current());
		}
		return new FailureAnalysis(description.toString(),
				"The database holds what these revisions were when they ran, not what they are now. Restore them and put"
						+ " the change in a new revision (`migrate revision -m \"...\"`). If the edit is deliberate and the"
						+ " database already matches it (a comment, a fix that leaves the same schema), accept it with"
						+ " `migrate repair` against this database, then restart; migrate.validate-checksums=false only"
						+ " logs it.",
				ex);
	}

	private FailureAnalysis databaseAhead(DatabaseAheadException ex) {
		String description = "The database is at revision(s) " + String.join(", ", ex.unknown())
				+ ", which this application's revisions do not have (their heads: "
				+ (ex.heads().isEmpty() ? "none" : String.join(", ", ex.heads()))
				+ "): it was migrated by a newer version of the application. Nothing was run.";
		return new FailureAnalysis(description,
				"Deploy the newer version (the build that contains revision(s) " + String.join(", ", ex.unknown())
						+ "). To run this version instead, first downgrade the database with the newer build"
						+ " (`migrate downgrade " + (ex.heads().isEmpty() ? "base" : ex.heads().get(0))
						+ "` run from it); `migrate current` shows where the database is.",
				ex);
	}

	private FailureAnalysis tenants(MigrateTenantsException ex) {
		dev.migrate.command.TenantReport report = ex.getReport();
		StringBuilder description = new StringBuilder("Migrate: ").append(ex.getMessage().replaceAll(": .*", ""))
			.append(" (every other tenant ran):");
		report.results().stream().filter((r) -> r.failed() || (r.status() != null && !r.upToDate())).limit(20)
			.forEach((r) -> description.append(NL).append("    - ").append(r.tenant()).append(" at ")
				.append(DefaultMigrateMigrationStrategy.ids((r.to() != null) ? r.to() : List.of()))
				.append(": ")
				.append((r.error() != null) ? r.error() : "pending " + String.join(", ", r.status().pending())));
		return new FailureAnalysis(description.toString(),
				"Fix each tenant named above (the revision or the data it trips over), then restart: the tenants at head"
						+ " are not touched again. `migrate current --schemas ...` shows where each stands; set"
						+ " migrate.tenants.on-failure=continue to start with failed tenants (health reports them).",
				ex);
	}

	private FailureAnalysis multipleHeads(MultipleHeadsException ex) {
		return new FailureAnalysis(
				"The revisions have several heads (" + String.join(", ", ex.getHeads()) + "), so target '"
						+ ex.getArgument() + "' is ambiguous: " + ex.getMessage(),
				"Merge the heads with `migrate merge heads -m \"merge heads\"` and commit the new revision, or set"
						+ " migrate.target=heads (or <label>@head) to upgrade every branch.",
				ex);
	}

	private FailureAnalysis drift(MigrateDriftException ex) {
		StringBuilder description = new StringBuilder("The database of '").append(ex.getBeanName())
			.append("' differs from the application's models (migrate.drift=fail):");
		ex.getDifferences().forEach((line) -> description.append(NL).append("    - ").append(line));
		return new FailureAnalysis(description.toString(),
				"Write a revision that closes the gap (`migrate revision --autogenerate -m \"...\"` drafts one),"
						+ " review it and apply it; or relax migrate.compare-type, migrate.compare-server-default,"
						+ " migrate.drift-extras (tables, keys, indexes and constraints only the database has)"
						+ " or migrate.drift for this environment.",
				ex);
	}

	private FailureAnalysis lint(MigrateLintException ex) {
		StringBuilder description = new StringBuilder("Migrate lint (migrate.lint=fail) found dangerous statements in the")
			.append(" pending revisions of '")
			.append(ex.getBeanName())
			.append("'; nothing was run: ")
			.append(ex.getReport().summary());
		for (dev.migrate.lint.Finding finding : ex.getReport().findings()) {
			description.append(NL).append("    ").append(finding.describe().replace("\n", NL + "    "));
		}
		return new FailureAnalysis(description.toString(),
				"Rewrite each statement the safe way shown under 'instead' (docs/safety.md). To run one as it is, deliberately,"
						+ " put '-- migrate:allow <rule> <reason>' on the line before the SQL statement, or call"
						+ " op.allow(\"<rule>\") before the Java operation; to switch a rule off for the project, add it to"
						+ " migrate.lint-disabled-rules; migrate.lint=warn only logs the findings.",
				ex);
	}

	private FailureAnalysis notAtHead(DatabaseNotAtHeadException ex) {
		Status status = ex.getStatus();
		StringBuilder description = new StringBuilder("The database of '").append(ex.getBeanName())
			.append("' is not at head and migrate.mode=validate does not upgrade it.")
			.append(NL)
			.append("    current: ")
			.append(status.current().isEmpty() ? "(empty version table)" : String.join(", ", status.current()))
			.append(NL)
			.append("    heads:   ")
			.append(String.join(", ", status.heads()));
		if (!status.pending().isEmpty()) {
			description.append(NL).append("    pending: ").append(String.join(", ", status.pending()));
		}
		if (status.heads().size() > 1 && status.unknown().isEmpty()) {
			return new FailureAnalysis(description.toString(),
					"The revisions have " + status.heads().size() + " heads (" + String.join(", ", status.heads())
							+ "), so `migrate upgrade head` cannot apply them: `migrate heads` lists them. Merge them with"
							+ " `migrate merge heads -m \"merge heads\"`, commit the merge revision and apply it with this"
							+ " release's migration job; if the branches are meant to stay apart, `migrate upgrade heads`"
							+ " applies every branch.",
					ex);
		}
		if (!status.unknown().isEmpty()) {
			description.append(NL)
				.append("    unknown to this code (the database is ahead): ")
				.append(String.join(", ", status.unknown()));
			return new FailureAnalysis(description.toString(),
					"Deploy the build that contains revision(s) " + String.join(", ", status.unknown())
							+ ", or downgrade the database from that build with `migrate downgrade <revision>`.",
					ex);
		}
		return new FailureAnalysis(description.toString(),
				"Run `migrate upgrade head` against this database (or the migration job of this release) before"
						+ " starting the application, or set migrate.mode=upgrade to upgrade on boot.",
				ex);
	}

}
