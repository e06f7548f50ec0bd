package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The migration connections of one database: opening one is retried while the database does not
 * accept connections yet ({@code connect-retries}, waits from one second doubling up to
 * {@code connect-retries-interval}), and each new connection first runs the {@code init-sqls}.
 */
class MigrationDataSource extends DelegatingDataSource {

	private static final Log logger = LogFactory.getLog(MigrationDataSource.class);

	private final String prefix;

	private final RetryTemplate retry;

	private final List<String> initSqls;

	MigrationDataSource(DataSource target, String prefix, int retries, Duration maxInterval, List<String> initSqls) {
		super(target);
		this.prefix = prefix;
		this.initSqls = List.copyOf(initSqls);
		if (retries > 0) {
			Duration first = (maxInterval.compareTo(Duration.ofSeconds(1)) < 0) ? maxInterval : Duration.ofSeconds(1);
			RetryTemplate template = new RetryTemplate(RetryPolicy.builder()
				.maxRetries(retries)
				.delay(first)
				.multiplier(2)
				.maxDelay(maxInterval)
				.includes(SQLException.class)
				.build());
			template.setRetryListener(new org.springframework.core.retry.RetryListener() {
				@Override
				public void beforeRetry(RetryPolicy policy, org.springframework.core.retry.Retryable<?> retryable) {
					logger.info("Migrate: the database does not accept connections yet, retrying (" + prefix
							+ "connect-retries=" + retries + ")");
				}
			});
			this.retry = template;
		}
		else {
			this.retry = null;
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return initialize(open(null, null, false));
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return initialize(open(username, password, true));
	}

	private Connection open(String username, String password, boolean withCredentials) throws SQLException {
		DataSource target = obtainTargetDataSource();
		if (this.retry == null) {
			return withCredentials ? target.getConnection(username, password) : target.getConnection();
		}
		try {
			return this.retry.execute(
					() -> withCredentials ? target.getConnection(username, password) : target.getConnection());
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof SQLException sql) {
				throw new SQLException(sql.getMessage() + " (after " + ex.getRetryCount() + " retries, " + this.prefix
						+ "connect-retries)", sql.getSQLState(), sql);
			}
			throw new SQLException("Could not connect: " + last, last);
		}
	}

	private Connection initialize(Connection connection) throws SQLException {
		for (int i = 0; i < this.initSqls.size(); i++) {
			String sql = this.initSqls.get(i);
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				closeQuietly(connection);
				throw new SQLException("Statement " + this.prefix + "init-sqls[" + i + "] '" + sql + "' failed: "
						+ ex.getMessage(), ex.getSQLState(), ex);
			}
		}
		return connection;
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the init failure is what matters
		}
	}

}
