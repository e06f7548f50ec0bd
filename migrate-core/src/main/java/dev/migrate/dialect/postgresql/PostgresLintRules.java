package dev.migrate.dialect.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.dialect.CommonLintRules;
import dev.migrate.lint.LintRule;
import dev.migrate.lint.LintScope;
import dev.migrate.lint.LintStatement;
import dev.migrate.lint.Severity;
import dev.migrate.lint.Token;
import dev.migrate.lint.Tokens;

/**
 * PostgreSQL's {@code migrate lint} rules: what takes an {@code ACCESS EXCLUSIVE} or
 * {@code SHARE} lock on a table with rows, for as long as a scan or a rewrite takes, and what
 * cannot run where the revision puts it. A table the same revision creates (or, for the pending
 * revisions of a database, an earlier pending one) has no rows and no readers: rules about locks
 * leave it alone.
 */
public final class PostgresLintRules {

	public static final LintRule INDEX_NOT_CONCURRENT = new LintRule("pg-index-not-concurrent", Severity.ERROR,
			"CREATE INDEX takes a SHARE lock (writes wait until the whole table is indexed); DROP INDEX takes ACCESS EXCLUSIVE "
					+ "(reads wait too)",
			"CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY in a no-transaction revision ('-- migrate:no-transaction', "
					+ "@Revision(transactional = false)) or op.createIndexConcurrently(...) / op.dropIndexConcurrently(...)",
			PostgresLintRules::indexNotConcurrent);

	public static final LintRule CONSTRAINT_NOT_VALID = new LintRule("pg-constraint-not-valid", Severity.ERROR,
			"adding a foreign key or check constraint scans the whole table to validate it while holding a lock that blocks "
					+ "writes (the referenced table's too, for a foreign key)",
			"ADD CONSTRAINT ... NOT VALID (instant), then ALTER TABLE ... VALIDATE CONSTRAINT ... in a later statement or "
					+ "revision (validation takes only SHARE UPDATE EXCLUSIVE: reads and writes go on)",
			PostgresLintRules::constraintNotValid);

	public static final LintRule COLUMN_TYPE_REWRITE = new LintRule("pg-column-type-rewrite", Severity.ERROR,
			"changing a column to a type that is not binary-coercible from the old one (or with USING) rewrites the whole table "
					+ "and its indexes under ACCESS EXCLUSIVE: nothing reads or writes the table meanwhile",
			"widen only (VARCHAR(n) to VARCHAR(m > n) or TEXT, NUMERIC(p,s) to NUMERIC(q > p,s)); otherwise add a new column, "
					+ "backfill it in batches, switch the code over and drop the old column later (expand/contract)",
			PostgresLintRules::columnTypeRewrite);

	public static final LintRule SET_NOT_NULL = new LintRule("pg-set-not-null", Severity.ERROR,
			"SET NOT NULL scans the whole table under ACCESS EXCLUSIVE to check for nulls",
			"first ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID and VALIDATE CONSTRAINT c (no blocking lock); then SET NOT "
					+ "NULL skips the scan (PostgreSQL 12+), and the check can be dropped",
			PostgresLintRules::setNotNull);

	public static final LintRule VOLATILE_DEFAULT = new LintRule("pg-volatile-default", Severity.ERROR,
			"ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval(), a serial or identity "
					+ "column, a stored generated column) rewrites the whole table under ACCESS EXCLUSIVE; a constant or now() "
					+ "default does not (PostgreSQL 11+)",
			"add the column without the default (or with a constant one), set the default in a second statement "
					+ "(ALTER COLUMN ... SET DEFAULT ...), and backfill existing rows in batches",
			PostgresLintRules::volatileDefault);

	public static final LintRule UNIQUE_WITHOUT_INDEX = new LintRule("pg-unique-without-index", Severity.ERROR,
			"ADD CONSTRAINT ... UNIQUE / PRIMARY KEY builds its index while holding ACCESS EXCLUSIVE: nothing reads or writes "
					+ "the table until the index is built",
			"CREATE UNIQUE INDEX CONCURRENTLY idx ON t (...) in a no-transaction revision, then ALTER TABLE t ADD CONSTRAINT c "
					+ "UNIQUE USING INDEX idx (or PRIMARY KEY USING INDEX idx), which is instant",
			PostgresLintRules::uniqueWithoutIndex);

	public static final LintRule CONCURRENTLY_IN_TRANSACTION = new LintRule("pg-concurrently-in-transaction",
			Severity.ERROR,
			"CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY cannot run inside a "
					+ "transaction block: the upgrade fails on this statement",
			"mark the revision no-transaction ('-- migrate:no-transaction' in the SQL header, @Revision(transactional = false)), "
					+ "or use op.createIndexConcurrently(...), which runs outside the transaction",
			PostgresLintRules::concurrentlyInTransaction);

	public static final LintRule REWRITE_TABLE = new LintRule("pg-rewrite-table", Severity.ERROR,
			"VACUUM FULL and CLUSTER rewrite the whole table under ACCESS EXCLUSIVE: nothing reads or writes it meanwhile",
			"plain VACUUM (ANALYZE) in a no-transaction revision, or an online tool such as pg_repack, run outside the migration",
			PostgresLintRules::rewriteTable);

	public static final LintRule LOCK_TABLE = new LintRule("pg-lock-table", Severity.WARNING,
			"LOCK TABLE holds its lock until the revision commits: every statement after it extends the time others wait",
			"drop the explicit lock (each statement takes what it needs), or keep the revision short and set lock-timeout-ddl "
					+ "so that it gives up instead of queueing",
			PostgresLintRules::lockTable);

	public static final LintRule UNBOUNDED_DML_WITH_DDL = new LintRule("pg-unbounded-dml-with-ddl", Severity.ERROR,
			"an UPDATE or DELETE without WHERE touches every row while the DDL of the same transaction keeps its ACCESS "
					+ "EXCLUSIVE lock: the table is unusable until the whole backfill commits",
			"move the backfill to a revision of its own without DDL (or a no-transaction one), in batches "
					+ "(UPDATE ... WHERE id BETWEEN ...), or restrict it with WHERE",
			PostgresLintRules::unboundedDmlWithDdl);

	private static final Set<String> VOLATILE_FUNCTIONS = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
			"uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "uuidv4", "uuidv7",
			"txid_current", "setseed");

	private static final Pattern VARCHAR = Pattern.compile("(VARCHAR|TEXT)(?:\\((\\d+)\\))?");

	private static final Pattern NUMERIC = Pattern.compile("NUMERIC(?:\\((\\d+)(?:,(\\d+))?\\))?");

	private PostgresLintRules() {
	}

	/** All PostgreSQL rules, the common ones included. */
	public static List<LintRule> rules() {
		List<LintRule> rules = new ArrayList<>(List.of(INDEX_NOT_CONCURRENT, CONSTRAINT_NOT_VALID, COLUMN_TYPE_REWRITE,
				SET_NOT_NULL, VOLATILE_DEFAULT, UNIQUE_WITHOUT_INDEX, CONCURRENTLY_IN_TRANSACTION, REWRITE_TABLE, LOCK_TABLE,
				UNBOUNDED_DML_WITH_DDL));
		rules.addAll(CommonLintRules.rules());
		return List.copyOf(rules);
	}

	private static String indexNotConcurrent(LintStatement s, LintScope scope) {
		Tokens t = s.tokens();
		if (t.startsWith("CREATE", "INDEX") || t.startsWith("CREATE", "UNIQUE", "INDEX")) {
			if (t.hasTopLevel("CONCURRENTLY")) {
				return null;
			}
			int on = t.find("ON");
			String table = (on < 0) ? null : t.nameAt(t.skip(on + 1, "ONLY"));
			if (table == null || scope.isNewTable(table)) {
				return null;
			}
			return "CREATE INDEX on table " + table + ", which existed before this revision, without CONCURRENTLY";
		}
		if (t.startsWith("DROP", "INDEX") && !t.matchesAt(2, "CONCURRENTLY")) {
			return "DROP INDEX " + t.nameAt(t.skip(2, "IF", "EXISTS")) + " without CONCURRENTLY";
		}
		return null;
	}

	private static String constraintNotValid(LintStatement s, LintScope scope) {
		String table = s.alteredTable();
		if (table == null || scope.isNewTable(table)) {
			return null;
		}
		for (Tokens a : s.alterActions()) {
			if (!a.startsWith("ADD")) {
				continue;
			}
			int i = a.skip(1, "CONSTRAINT");
			if (a.matchesAt(1, "CONSTRAINT")) {
				i = a.nameEnd(2);
			}
			boolean foreignKey = a.matchesAt(i, "FOREIGN", "KEY");
			boolean check = a.matchesAt(i, "CHECK");
			if ((foreignKey || check) && !a.has("NOT", "VALID")) {
				return (foreignKey ? "foreign key" : "check constraint") + " added to table " + table + " without NOT VALID";
			}
		}
		return null;
	}

	private static String columnTypeRewrite(LintStatement s, LintScope scope) {
		String table = s.alteredTable();
		if (table == null || scope.isNewTable(table)) {
			return null;
		}
		for (Tokens a : s.alterActions()) {
			if (!a.startsWith("ALTER")) {
				continue;
			}
			int at = a.skip(1, "COLUMN");
			String column = a.nameAt(at);
			int type = a.find("TYPE");
			if (column == null || type < 0 || type > at + 3) {
				continue;
			}
			String newType = typeText(a.sub(type + 1, (a.find("USING") >= 0) ? a.find("USING") : a.size()));
			if (a.find("USING") >= 0) {
				return "column " + table + "." + column + " changed to " + newType + " with USING (rewrites the table)";
			}
			String oldType = scope.columnType(table, column);
			if (oldType == null) {
				return "column " + table + "." + column + " changed to " + newType
						+ "; its old type is unknown, so the change may rewrite the table";
			}
			if (!binaryCoercible(canonical(oldType), newType)) {
				return "column " + table + "." + column + " changed from " + canonical(oldType) + " to " + newType
						+ " (not binary-coercible: rewrites the table)";
			}
		}
		return null;
	}

	private static String typeText(Tokens type) {
		return canonical(type.normalized());
	}

	/** A type in one spelling: {@code CHARACTER VARYING(20)} as {@code VARCHAR(20)}, {@code INT4} as {@code INTEGER}. */
	static String canonical(String type) {
		String t = type.toUpperCase(java.util.Locale.ROOT).replace(" (", "(").replace(", ", ",").strip();
		t = t.replace("CHARACTER VARYING", "VARCHAR").replace("DECIMAL", "NUMERIC");
		t = t.replace("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP").replace("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ");
		return switch (t) {
			case "INT", "INT4" -> "INTEGER";
			case "INT8" -> "BIGINT";
			case "INT2" -> "SMALLINT";
			case "BOOL" -> "BOOLEAN";
			case "FLOAT8" -> "DOUBLE PRECISION";
			default -> t;
		};
	}

	/** Whether PostgreSQL changes {@code from} to {@code to} without rewriting (or scanning) the table. */
	static boolean binaryCoercible(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		Matcher f = VARCHAR.matcher(from);
		Matcher g = VARCHAR.matcher(to);
		if (f.matches() && g.matches()) {
			if (g.group(2) == null) {
				return g.group(1).equals("TEXT") || g.group(1).equals("VARCHAR");
			}
			return f.group(1).equals("VARCHAR") && f.group(2) != null
					&& Integer.parseInt(g.group(2)) >= Integer.parseInt(f.group(2));
		}
		Matcher n = NUMERIC.matcher(from);
		Matcher m = NUMERIC.matcher(to);
		if (n.matches() && m.matches()) {
			if (m.group(1) == null) {
				return true;
			}
			if (n.group(1) == null) {
				return false;
			}
			String fs = (n.group(2) != null) ? n.group(2) : "0";
			String ts = (m.group(2) != null) ? m.group(2) : "0";
			return fs.equals(ts) && Integer.parseInt(m.group(1)) >= Integer.parseInt(n.group(1));
		}
		return from.equals("CIDR") && to.equals("INET");
	}

	private static String setNotNull(LintStatement s, LintScope scope) {
		String table = s.alteredTable();
		if (table == null || scope.isNewTable(table)) {
			return null;
		}
		for (Tokens a : s.alterActions()) {
			if (a.startsWith("ALTER")) {
				int at = a.skip(1, "COLUMN");
				String column = a.nameAt(at);
				int end = a.nameEnd(at);
				if (column != null && a.matchesAt(end, "SET", "NOT", "NULL") && !scope.notNullValidated(table, column)) {
					return "SET NOT NULL on " + table + "." + column + " without a validated CHECK (" + column
							+ " IS NOT NULL) first";
				}
			}
		}
		return null;
	}

	private static String volatileDefault(LintStatement s, LintScope scope) {
		String table = s.alteredTable();
		if (table == null || scope.isNewTable(table)) {
			return null;
		}
		for (Tokens a : s.alterActions()) {
			if (!a.startsWith("ADD") || a.matchesAt(1, "CONSTRAINT")) {
				continue;
			}
			int at = a.skip(1, "COLUMN", "IF", "NOT", "EXISTS");
			String column = a.nameAt(at);
			if (column == null || at + 1 >= a.size()) {
				continue;
			}
			String type = a.get(at + 1).upper();
			if (type.equals("SERIAL") || type.equals("BIGSERIAL") || type.equals("SMALLSERIAL") || type.equals("SERIAL4")
					|| type.equals("SERIAL8")) {
				return "column " + table + "." + column + " added as " + type.toLowerCase(java.util.Locale.ROOT)
						+ " (a nextval() default for every row)";
			}
			if (a.has("GENERATED") && (a.has("IDENTITY") || a.has("STORED"))) {
				return "column " + table + "." + column + " added as a generated column (computed for every row)";
			}
			int def = a.find("DEFAULT");
			if (def < 0) {
				continue;
			}
			for (int k = def + 1; k + 1 < a.size(); k++) {
				Token fn = a.get(k);
				if (fn.kind() == Token.Kind.WORD && a.get(k + 1).isSymbol("(")
						&& VOLATILE_FUNCTIONS.contains(fn.name())) {
					return "column " + table + "." + column + " added with the volatile default " + fn.name() + "()";
				}
			}
		}
		return null;
	}

	private static String uniqueWithoutIndex(LintStatement s, LintScope scope) {
		String table = s.alteredTable();
		if (table == null || scope.isNewTable(table)) {
			return null;
		}
		for (Tokens a : s.alterActions()) {
			if (!a.startsWith("ADD")) {
				continue;
			}
			int i = a.matchesAt(1, "CONSTRAINT") ? a.nameEnd(2) : 1;
			boolean unique = a.matchesAt(i, "UNIQUE");
			boolean primary = a.matchesAt(i, "PRIMARY", "KEY");
			if ((unique || primary) && !a.has("USING", "INDEX")) {
				return (unique ? "unique constraint" : "primary key") + " added to table " + table + " without USING INDEX";
			}
		}
		return null;
	}

	private static String concurrentlyInTransaction(LintStatement s, LintScope scope) {
		Tokens t = s.tokens();
		if (!s.inTransaction() || !t.hasTopLevel("CONCURRENTLY") || t.startsWith("REFRESH")) {
			return null;
		}
		if (t.startsWith("CREATE") || t.startsWith("DROP") || t.startsWith("REINDEX") || t.startsWith("ALTER")) {
			return "CONCURRENTLY inside the revision's transaction";
		}
		return null;
	}

	private static String rewriteTable(LintStatement s, LintScope scope) {
		Tokens t = s.tokens();
		if (t.startsWith("VACUUM") && (t.matchesAt(1, "FULL") || (t.matchesAt(1, "(") && t.sub(1, t.closing(1)).has("FULL")
				&& !t.sub(1, t.closing(1)).has("FULL", "FALSE") && !t.sub(1, t.closing(1)).has("FULL", "OFF")))) {
			return "VACUUM FULL";
		}
		if (t.startsWith("CLUSTER")) {
			return "CLUSTER" + ((t.size() > 1 && t.get(1).isName()) ? " " + t.nameAt(t.skip(1, "VERBOSE")) : "");
		}
		return null;
	}

	private static String lockTable(LintStatement s, LintScope scope) {
		Tokens t = s.tokens();
		if (t.startsWith("LOCK")) {
			String table = t.nameAt(t.skip(1, "TABLE", "ONLY"));
			return (table != null && scope.isNewTable(table)) ? null : "LOCK TABLE " + table;
		}
		return null;
	}

	private static String unboundedDmlWithDdl(LintStatement s, LintScope scope) {
		Tokens t = s.tokens();
		String table;
		if (t.startsWith("UPDATE")) {
			table = t.nameAt(t.skip(1, "ONLY"));
		}
		else if (t.startsWith("DELETE", "FROM")) {
			table = t.nameAt(t.skip(2, "ONLY"));
		}
		else {
			return null;
		}
		if (!s.inTransaction() || !scope.revisionHasDdl() || t.hasTopLevel("WHERE") || scope.isNewTable(table)) {
			return null;
		}
		return (t.startsWith("UPDATE") ? "UPDATE " : "DELETE FROM ") + table
				+ " without WHERE in the same transaction as this revision's DDL";
	}

}
