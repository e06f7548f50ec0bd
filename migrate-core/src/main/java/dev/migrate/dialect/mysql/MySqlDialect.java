package dev.migrate.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import dev.migrate.dialect.DefaultDialect;
import dev.migrate.runtime.LockTimeoutException;

/** MySQL and MariaDB: DDL is not transactional (each statement commits), {@code GET_LOCK} session lock. */
public class MySqlDialect extends DefaultDialect {

	@Override
	public String name() {
		return "mysql";
	}

	@Override
	public boolean handlesJdbcUrl(String url) {
		return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
	}

	@Override
	public boolean handlesProductName(String databaseProductName) {
		return "MySQL".equalsIgnoreCase(databaseProductName) || "MariaDB".equalsIgnoreCase(databaseProductName);
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	protected char identifierQuote() {
		return '`';
	}

	@Override
	protected String stringLiteral(String s) {
		return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	@Override
	public void acquireLock(Connection connection, String lockName, Duration timeout) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
			ps.setString(1, "migrate:" + lockName);
			ps.setLong(2, Math.max(0, timeout.toSeconds()));
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				if (rs.getInt(1) != 1) {
					throw new LockTimeoutException("Could not acquire MySQL lock GET_LOCK('migrate:" + lockName
							+ "') within " + timeout.toSeconds() + " s; another migration holds it");
				}
			}
		}
	}

	@Override
	public void releaseLock(Connection connection, String lockName) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			ps.setString(1, "migrate:" + lockName);
			ps.executeQuery().close();
		}
	}

	/** Reflection with bulk catalog queries ({@link MySqlReflector}). */
	@Override
	public dev.migrate.reflect.SchemaReflector reflector() {
		return new MySqlReflector();
	}

}
