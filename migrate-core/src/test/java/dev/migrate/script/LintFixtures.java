package dev.migrate.script;

/** Builds revision scripts for the lint tests without a directory. */
public final class LintFixtures {

	private LintFixtures() {
	}

	/** An SQL revision from its text, as if read from {@code <id>_case.sql}. */
	public static SqlMigrationScript sql(String id, String text) {
		return SqlScriptParser.parse(id + "_case.sql", "classpath:db/lint/" + id + "_case.sql", null, text);
	}

	/** The script of an annotated revision class. */
	public static JavaMigrationScript java(Class<?> type) {
		return ScriptDirectory.javaScript(type, type.getAnnotation(Revision.class));
	}

}
