package dev.migrate.autoconfigure;

import dev.migrate.MigrateException;
import dev.migrate.lint.LintReport;

/** {@code migrate.lint=fail} found error-level findings in the pending revisions; nothing ran. */
public class MigrateLintException extends MigrateException {

	private final String beanName;

	private final transient LintReport report;

	public MigrateLintException(String beanName, LintReport report) {
		super("Migrate lint found dangerous statements in the pending revisions of '" + beanName + "': " + report.summary()
				+ "; " + String.join("; ", report.findings().stream().map(dev.migrate.lint.Finding::summary).toList()));
		this.beanName = beanName;
		this.report = report;
	}

	/** The migration bean whose pending revisions were linted. */
	public String getBeanName() {
		return this.beanName;
	}

	/** The findings. */
	public LintReport getReport() {
		return this.report;
	}

}
