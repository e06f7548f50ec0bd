package dev.migrate.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.lint.Token;
import dev.migrate.lint.Tokens;

/** PostgreSQL's lock and statement timeouts and who holds the locks a timed-out statement waited for. */
final class PostgresTimeouts {

	/** SQLSTATE lock_not_available: lock_timeout expired (also NOWAIT). */
	static final String LOCK_NOT_AVAILABLE = "55P03";

	private PostgresTimeouts() {
	}

	static List<String> set(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		String set = inTransaction ? "SET LOCAL " : "SET ";
		List<String> sql = new ArrayList<>();
		if (lockTimeout != null) {
			sql.add(set + "lock_timeout = '" + lockTimeout.toMillis() + "ms'");
		}
		if (statementTimeout != null) {
			sql.add(set + "statement_timeout = '" + statementTimeout.toMillis() + "ms'");
		}
		return sql;
	}

	static List<String> reset(Duration lockTimeout, Duration statementTimeout, boolean inTransaction) {
		List<String> sql = new ArrayList<>();
		if (!inTransaction && lockTimeout != null) {
			sql.add("RESET lock_timeout");
		}
		if (!inTransaction && statementTimeout != null) {
			sql.add("RESET statement_timeout");
		}
		return sql;
	}

	/**
	 * The sessions holding locks on the table the statement names: pid, user, application, state,
	 * since when, lock mode and their last query. Null when there are none or the table is unknown.
	 */
	static String holders(Connection connection, String statement) {
		String relation = relation(Tokens.of(statement));
		if (relation == null) {
			return null;
		}
		String sql = "SELECT a.pid, a.usename, a.application_name, a.state, a.xact_start, l.mode, a.query"
				+ " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
				+ " WHERE l.granted AND l.locktype = 'relation' AND l.relation = to_regclass(?) AND l.pid <> pg_backend_pid()"
				+ " ORDER BY a.xact_start NULLS LAST";
		List<String> holders = new ArrayList<>();
		try (PreparedStatement ps = connection.prepareStatement(sql)) {
			ps.setString(1, relation);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next() && holders.size() < 5) {
					String query = String.valueOf(rs.getString(7)).strip().replaceAll("\\s+", " ");
					holders.add("pid " + rs.getInt(1) + " (user " + rs.getString(2)
							+ (isBlank(rs.getString(3)) ? "" : ", application " + rs.getString(3)) + ", " + rs.getString(4)
							+ ((rs.getTimestamp(5) != null) ? ", transaction since " + rs.getTimestamp(5) : "") + ", holds "
							+ rs.getString(6) + ", last query: " + ((query.length() > 80) ? query.substring(0, 77) + "..." : query)
							+ ")");
				}
			}
		}
		catch (SQLException ex) {
			return null;
		}
		return holders.isEmpty() ? null : "blocked by " + String.join("; ", holders) + " on " + relation;
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	/** The table (schema-qualified as written) a DDL or DML statement works on, or null. */
	static String relation(Tokens t) {
		int at;
		if (t.startsWith("ALTER", "TABLE")) {
			at = t.skip(2, "IF", "EXISTS", "ONLY");
		}
		else if (t.startsWith("CREATE")) {
			int on = t.find("ON");
			if (on < 0 || !(t.has("INDEX") || t.has("TRIGGER"))) {
				return null;
			}
			at = t.skip(on + 1, "ONLY");
		}
		else if (t.startsWith("DROP", "TABLE") || t.startsWith("DROP", "INDEX")) {
			at = t.skip(2, "CONCURRENTLY", "IF", "EXISTS");
		}
		else if (t.startsWith("LOCK") || t.startsWith("TRUNCATE") || t.startsWith("UPDATE")) {
			at = t.skip(1, "TABLE", "ONLY");
		}
		else if (t.startsWith("DELETE", "FROM") || t.startsWith("INSERT", "INTO")) {
			at = t.skip(2, "ONLY");
		}
		else {
			return null;
		}
		int end = t.nameEnd(at);
		if (end < 0) {
			return null;
		}
		StringBuilder name = new StringBuilder();
		for (int k = at; k < end; k++) {
			Token token = t.get(k);
			name.append((token.kind() == Token.Kind.QUOTED) ? "\"" + token.text().replace("\"", "\"\"") + "\"" : token.text());
		}
		return name.toString();
	}

}
