package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A plain DataSource over {@link DriverManager}: a new connection per call, as a test wants. */
public final class DriverDataSource extends AbstractDataSource {

	private final String url;

	private final String user;

	private final String password;

	public DriverDataSource(String url) {
		this(url, null, null);
	}

	public DriverDataSource(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	public String getUrl() {
		return this.url;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return (this.user != null) ? DriverManager.getConnection(this.url, this.user, this.password)
				: DriverManager.getConnection(this.url);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return DriverManager.getConnection(this.url, username, password);
	}

}
