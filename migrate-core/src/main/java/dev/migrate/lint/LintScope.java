package dev.migrate.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migrate.schema.SchemaSnapshot;
import dev.migrate.schema.Table;

/**
 * What a rule may ask about the statement's surroundings: which tables are new (created by this
 * revision, or by an earlier revision of the same deployment), the column types and validated
 * {@code IS NOT NULL} checks the revisions so far wrote, whether the revision's transaction holds
 * DDL, and the models when configured.
 *
 * <p>The facts come from reading every revision from the base up to the one linted, in upgrade
 * order: a table created three revisions ago "existed before the revision" (and has rows in
 * production) unless those revisions run in the same deployment (linting the pending revisions of
 * a database).
 */
public final class LintScope {

	/** Table name → revision that created it. */
	private final Map<String, String> createdBy = new HashMap<>();

	/** {@code table.column} → type as written (normalised). */
	private final Map<String, String> columnTypes = new HashMap<>();

	/** Check constraint name → {@code table.column} it asserts IS NOT NULL on. */
	private final Map<String, String> notNullChecks = new HashMap<>();

	private final Set<String> validatedNotNull = new HashSet<>();

	private final Set<String> sameDeployment;

	private final SchemaSnapshot models;

	private String revision;

	private boolean revisionHasDdl;

	LintScope(Set<String> sameDeployment, SchemaSnapshot models) {
		this.sameDeployment = sameDeployment;
		this.models = models;
	}

	/** The revision being linted. */
	public String revision() {
		return this.revision;
	}

	/**
	 * Whether {@code table} is new: created by this revision or by an earlier one of the same
	 * deployment, so it has no rows and nobody else uses it yet.
	 */
	public boolean isNewTable(String table) {
		if (table == null) {
			return false;
		}
		String by = this.createdBy.get(key(table));
		return by != null && (by.equals(this.revision) || this.sameDeployment.contains(by));
	}

	/** The type of a column as the revisions so far declared it (upper-cased, e.g. {@code VARCHAR(50)}), or null when unknown. */
	public String columnType(String table, String column) {
		return this.columnTypes.get(key(table) + "." + key(column));
	}

	/** Whether a validated check constraint asserts {@code column IS NOT NULL} on the table. */
	public boolean notNullValidated(String table, String column) {
		return this.validatedNotNull.contains(key(table) + "." + key(column));
	}

	/** Whether this revision's transaction runs DDL (CREATE, ALTER, DROP, RENAME, TRUNCATE) besides the statement. */
	public boolean revisionHasDdl() {
		return this.revisionHasDdl;
	}

	/** The models (entities) when configured, else null. */
	public SchemaSnapshot models() {
		return this.models;
	}

	/** The model table of this name (case-insensitive), or null (also without models). */
	public Table modelTable(String table) {
		if (this.models == null || table == null) {
			return null;
		}
		for (Table t : this.models.tables()) {
			if (t.name().equalsIgnoreCase(table)) {
				return t;
			}
		}
		return null;
	}

	/** Whether the models have this column on this table. */
	public boolean modelHasColumn(String table, String column) {
		Table t = modelTable(table);
		return t != null && t.columns().stream().anyMatch((c) -> c.name().equalsIgnoreCase(column));
	}

	void startRevision(String id, List<LintStatement> statements) {
		this.revision = id;
		this.revisionHasDdl = statements.stream().anyMatch((s) -> s.inTransaction() && isDdl(s.tokens()));
	}

	static boolean isDdl(Tokens t) {
		return t.startsWith("CREATE") || t.startsWith("ALTER") || t.startsWith("DROP") || t.startsWith("RENAME")
				|| t.startsWith("TRUNCATE");
	}

	/** Records what a statement creates, changes or drops. */
	void record(LintStatement statement) {
		Tokens t = statement.tokens();
		if (t.startsWith("CREATE")) {
			int i = t.skip(1, "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED");
			if (t.matchesAt(i, "TABLE")) {
				int nameAt = t.skip(i + 1, "IF", "NOT", "EXISTS");
				String table = t.nameAt(nameAt);
				if (table != null) {
					this.createdBy.put(key(table), this.revision);
					int end = t.nameEnd(nameAt);
					if (end < t.size() && t.get(end).isSymbol("(")) {
						for (Tokens def : t.sub(end + 1, t.closing(end) - 1).split(",")) {
							columnDefinition(table, def, 0);
						}
					}
				}
			}
		}
		else if (t.startsWith("DROP", "TABLE")) {
			for (Tokens name : t.from(t.skip(2, "IF", "EXISTS")).split(",")) {
				String table = name.nameAt(0);
				if (table != null) {
					this.createdBy.remove(key(table));
				}
			}
		}
		else if (t.startsWith("RENAME", "TABLE")) {
			for (Tokens pair : t.from(2).split(",")) {
				int to = pair.find("TO");
				if (to > 0) {
					renameTable(pair.nameAt(0), pair.nameAt(to + 1));
				}
			}
		}
		String table = statement.alteredTable();
		if (table == null) {
			return;
		}
		for (Tokens action : statement.alterActions()) {
			alterAction(table, action);
		}
	}

	private void alterAction(String table, Tokens a) {
		if (a.startsWith("ADD")) {
			int i = a.skip(1, "COLUMN", "IF", "NOT", "EXISTS");
			if (a.matchesAt(i, "CONSTRAINT")) {
				String name = a.nameAt(i + 1);
				int check = a.find("CHECK");
				if (name != null && check > 0 && check + 1 < a.size()) {
					Tokens body = a.sub(check + 2, a.closing(check + 1) - 1);
					if (body.size() == 4 && body.get(0).isName() && body.matchesAt(1, "IS", "NOT", "NULL")) {
						String col = key(table) + "." + key(body.get(0).name());
						this.notNullChecks.put(key(name), col);
						if (!a.has("NOT", "VALID")) {
							this.validatedNotNull.add(col);
						}
					}
				}
			}
			else if (!a.matchesAt(i, "PRIMARY") && !a.matchesAt(i, "UNIQUE") && !a.matchesAt(i, "FOREIGN")
					&& !a.matchesAt(i, "CHECK") && !a.matchesAt(i, "INDEX") && !a.matchesAt(i, "KEY")) {
				columnDefinition(table, a, i);
			}
		}
		else if (a.startsWith("VALIDATE", "CONSTRAINT")) {
			String col = this.notNullChecks.get(key(String.valueOf(a.nameAt(2))));
			if (col != null) {
				this.validatedNotNull.add(col);
			}
		}
		else if (a.startsWith("ALTER")) {
			int i = a.skip(1, "COLUMN");
			String column = a.nameAt(i);
			int type = a.find("TYPE");
			if (column != null && type > 0) {
				this.columnTypes.put(key(table) + "." + key(column), typeText(a, type + 1));
			}
		}
		else if (a.startsWith("MODIFY")) {
			columnDefinition(table, a, a.skip(1, "COLUMN"));
		}
		else if (a.startsWith("CHANGE")) {
			int i = a.skip(1, "COLUMN");
			columnDefinition(table, a, a.nameEnd(i));
		}
		else if (a.startsWith("RENAME", "TO") || a.startsWith("RENAME", "AS")) {
			renameTable(table, a.nameAt(2));
		}
	}

	private void renameTable(String from, String to) {
		if (from == null || to == null) {
			return;
		}
		String by = this.createdBy.remove(key(from));
		if (by != null) {
			this.createdBy.put(key(to), by);
		}
	}

	private void columnDefinition(String table, Tokens def, int at) {
		if (at < 0 || at >= def.size() || !def.get(at).isName()) {
			return;
		}
		Token first = def.get(at);
		if (first.kind() == Token.Kind.WORD && List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "KEY",
				"INDEX", "EXCLUDE", "LIKE", "FULLTEXT", "SPATIAL").contains(first.upper())) {
			return;
		}
		this.columnTypes.put(key(table) + "." + key(first.name()), typeText(def, at + 1));
	}

	/** The type from {@code from} up to the first column-constraint keyword, normalised. */
	static String typeText(Tokens def, int from) {
		int end = from;
		while (end < def.size()) {
			Token t = def.get(end);
			if (t.kind() == Token.Kind.WORD && List.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES",
					"CONSTRAINT", "GENERATED", "COLLATE", "AUTO_INCREMENT", "COMMENT", "USING", "FIRST", "AFTER",
					"CHARACTER", "CHARSET", "ON", "AS").contains(t.upper())) {
				break;
			}
			if (t.isSymbol("(")) {
				end = def.closing(end);
				continue;
			}
			end++;
		}
		return def.sub(from, end).normalized();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
