package dev.migrate.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${key}} placeholders in SQL revisions, replaced with the {@code -x} /
 * {@code migrate.arguments.*} values when placeholders are enabled. Only the upgrade and
 * downgrade sections are replaced (never the header); {@code $${key}} stands for a literal
 * {@code ${key}}. A key with no value fails when the revisions are loaded, naming the file, line
 * and key, so nothing runs with a half-replaced statement. Java revisions read the same values
 * from {@code op.context().arguments()}.
 */
public final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("(\\$?)\\$\\{([A-Za-z0-9_.\\-]+)}");

	private Placeholders() {
	}

	/** The directory with every SQL revision's placeholders replaced from {@code values}. */
	public static ScriptDirectory apply(ScriptDirectory directory, Map<String, String> values) {
		List<MigrationScript> replaced = new ArrayList<>(directory.scripts().size());
		for (MigrationScript script : directory.scripts()) {
			if (script instanceof SqlMigrationScript sql) {
				String up = replace(sql.origin(), "upgrade", sql.upgradeSql(), sql.upgradeLine(), values);
				String down = replace(sql.origin(), "downgrade", sql.downgradeSql(), sql.downgradeLine(), values);
				replaced.add((up == sql.upgradeSql() && down == sql.downgradeSql()) ? sql : sql.withSections(up, down));
			}
			else {
				replaced.add(script);
			}
		}
		return directory.withScripts(replaced);
	}

	/**
	 * Replaces the placeholders of one section; returns {@code text} itself when it has none.
	 * @param firstLine the file line the section starts on, for messages
	 */
	static String replace(String origin, String section, String text, int firstLine, Map<String, String> values) {
		if (text == null || text.indexOf("${") < 0) {
			return text;
		}
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		while (m.find()) {
			out.append(text, last, m.start());
			String key = m.group(2);
			if (!m.group(1).isEmpty()) {
				out.append("${").append(key).append('}');
			}
			else {
				String value = values.get(key);
				if (value == null) {
					int line = firstLine + 1 + (int) text.substring(0, m.start()).chars().filter((c) -> c == '\n').count();
					throw new ScriptException(origin, "Unknown placeholder '${" + key + "}' in " + origin + " line " + line
							+ " (" + section + "): give it a value as argument '" + key + "' (-x " + key
							+ "=... or migrate.arguments." + key + "), or write $${" + key + "} for the text itself");
				}
				out.append(value);
			}
			last = m.end();
		}
		out.append(text, last, text.length());
		return out.toString();
	}

}
